/**
 * Wires a plate or table driver to a SessionRecorder: the stream opens from the handshake's
 * identity (a different device on reconnect opens a new stream), samples and telemetry go to the
 * recorder's buffers, and the link's story goes in as events — connect, disconnect (link lost),
 * gaps with their cause and size, and device events (plate.md §6, table.md §7).
 */
import type { DeviceEvent, DeviceIdentity, PlateConnected, PlateDriver, TableDriver } from '../../native-bridge/index.ts';
import type { StreamKind } from '../storage/index.ts';
import type { EventNote, SessionRecorder } from './recorder.ts';

/** Table events that concern the patient's safety (table.md §7); the others are device faults. */
const TABLE_SAFETY_EVENTS: ReadonlySet<string> = new Set(['PSW', 'PSWTEST', 'ESTOP', 'ESTOPCLR', 'LIMIT', 'WDOG', 'RELEASE', 'RELDONE', 'POWER']);

export interface DeviceRecording {
  /** The stream samples go to now; undefined before the first handshake. */
  readonly streamId: () => number | undefined;
  /** Stops listening to the driver (the recorder keeps what it has). */
  readonly detach: () => void;
}

/**
 * A driver publishes data as soon as the device greets it, a little before its `connected`
 * event (the handshake still reads capability pages): such data waits here, up to this many
 * blocks or frames (~10 s of table telemetry), and goes into the stream once it opens.
 */
const MAX_EARLY_PUSHES = 500;

/** One device's stream in the recorder: opened on the first handshake, reopened for another device. */
class StreamSlot {
  private current: { readonly id: number; readonly serial: string; readonly model: string } | undefined;
  private early: ((streamId: number) => void)[] = [];

  constructor(
    private readonly recorder: SessionRecorder,
    private readonly kind: StreamKind,
  ) {}

  get id(): number | undefined {
    return this.current?.id;
  }

  /** `detail`: what else the connect event keeps about the device (the plate's geometry). */
  connected(identity: DeviceIdentity, rateHz: number, calibrationId: number | null, detail: Readonly<Record<string, unknown>> = {}): void {
    const isSameDevice = this.current?.serial === identity.serial && this.current.model === identity.model;
    if (!isSameDevice) {
      const opened = this.recorder.openStream(this.kind, identity, rateHz, calibrationId);
      if (!opened.ok) {
        this.recorder.fail(`${this.kind} stream not opened: ${opened.error.message}`);
        return;
      }
      this.current = { id: opened.value, serial: identity.serial, model: identity.model };
    }
    this.note({ kind: 'connect', detail: { ...identity, rateHz, ...detail } });
    const streamId = this.current?.id;
    const early = this.early;
    this.early = [];
    if (streamId !== undefined) for (const push of early) push(streamId);
  }

  /** Hands data to the open stream, or keeps it until the handshake completes. */
  push(push: (streamId: number) => void): void {
    if (this.current !== undefined && this.early.length === 0) push(this.current.id);
    else if (this.early.length < MAX_EARLY_PUSHES) this.early.push(push);
    else this.recorder.fail(`${this.kind} data before its handshake completed exceeds ${MAX_EARLY_PUSHES} blocks: dropped`);
  }

  note(event: Omit<EventNote, 'streamId'>): void {
    this.recorder.note(this.current === undefined ? event : { ...event, streamId: this.current.id });
  }
}

function deviceEventNote(event: DeviceEvent, isSafety: boolean): Omit<EventNote, 'streamId'> {
  return { kind: isSafety ? 'safety' : 'fault', tUs: event.tUs, detail: { name: event.name, ...event.detail } };
}

/**
 * The connect event keeps the cell positions and nominal sensitivity the plate reported, so its
 * raw counts can be turned into force and COP later without the plate (the session report).
 */
function plateConnected(slot: StreamSlot, connection: PlateConnected, calibrationId: number | null): void {
  const { cellPositionsMm, countsPerN } = connection.capabilities;
  slot.connected(connection.identity, connection.rateHz, calibrationId, { geometry: { cellsMm: cellPositionsMm, countsPerN } });
}

export function recordPlate(recorder: SessionRecorder, driver: PlateDriver, calibrationId: number | null = null): DeviceRecording {
  const slot = new StreamSlot(recorder, 'plate');
  // A plate already streaming when recording starts (a balance run) opens its stream now: no
  // `connected` event will come until the next reconnect.
  if (driver.connected !== undefined) plateConnected(slot, driver.connected, calibrationId);
  const offs = [
    driver.events.on('connected', (connection) => plateConnected(slot, connection, calibrationId)),
    driver.events.on('samples', (block) => slot.push((streamId) => recorder.pushPlateBlock(streamId, block))),
    driver.events.on('gap', (gap) => slot.note({ kind: 'gap', tUs: gap.toTUs, detail: { cause: gap.cause, lostSamples: gap.lostSamples ?? null, fromTUs: gap.fromTUs } })),
    driver.events.on('linkLost', (lost) => slot.note({ kind: 'disconnect', detail: { reason: lost.reason } })),
    driver.events.on('deviceEvent', (event) => slot.note(deviceEventNote(event, false))),
  ];
  return { streamId: () => slot.id, detach: () => offs.forEach((off) => off()) };
}

export function recordTable(recorder: SessionRecorder, driver: TableDriver): DeviceRecording {
  const slot = new StreamSlot(recorder, 'table');
  // As for the plate: a table connected before the session began (a decompression session) opens its stream now.
  if (driver.connected !== undefined) slot.connected(driver.connected.identity, driver.connected.capabilities.telemetryHz, null);
  const offs = [
    driver.events.on('connected', (connection) => slot.connected(connection.identity, connection.capabilities.telemetryHz, null)),
    driver.events.on('telemetry', (frame) => slot.push((streamId) => recorder.pushTableTelemetry(streamId, frame))),
    driver.events.on('linkLost', (lost) => slot.note({ kind: 'disconnect', detail: { reason: lost.reason } })),
    driver.events.on('deviceEvent', (event) => slot.note(deviceEventNote(event, TABLE_SAFETY_EVENTS.has(event.name)))),
  ];
  return { streamId: () => slot.id, detach: () => offs.forEach((off) => off()) };
}
