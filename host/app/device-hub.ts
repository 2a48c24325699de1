/**
 * The host's device connections: at most one device per role (plate, table), each on a port spec
 * (`sim:plate`, `tcp://…`, a serial path). Publishes `devices.changed` at once when a link changes
 * state, and every DEVICE_STATS_PUSH_MS while anything is assigned (counters move all the time).
 *
 * Time compression (`--time-scale`) is for simulated devices only: a real port is refused while
 * it is on, so a real table never runs a program faster than prescribed.
 */
import {
  apiError,
  type ApiResponse,
  type CalibrationStatusView,
  type DeviceIdentityView,
  type DeviceRole,
  type DeviceSnapshot,
  type OutgoingEvent,
} from '../../api/index.ts';
import { ok } from '../../core/index.ts';
import { describePortSpec, parsePortSpec, transportFor, type InProcessConnector, type TimerHandle, type Timers } from '../../native-bridge/index.ts';
import type { DeviceSlot, PlateSlot, SlotContext, TableSlot } from './device-slot.ts';
import { createPlateSlot } from './plate-slot.ts';
import { createTableSlot } from './table-slot.ts';
import { compressedTimers } from '../balance/compressed-timers.ts';

/** How often counters refresh on screen: often enough to look live, rare enough to cost nothing. */
export const DEVICE_STATS_PUSH_MS = 500;
/** The plate rate Proprio asks for: the bench and the balance protocols' 1000 Hz (a design choice). */
export const DEFAULT_PLATE_RATE_HZ = 1000;

export interface DeviceHubOptions {
  readonly timers: Timers;
  readonly nowEpochMs: () => number;
  readonly publish: (event: OutgoingEvent) => void;
  /** The built-in simulator's endpoints; absent when Proprio runs without it. */
  readonly inProcess?: InProcessConnector;
  /** Device time compression; anything but 1 refuses real ports. */
  readonly timeScale: number;
  readonly plateRateHz?: number;
  /** The calibration in force for a device, shown with it (storage; absent in tests without a database). */
  readonly calibrationOf?: (role: DeviceRole, identity: DeviceIdentityView) => CalibrationStatusView;
}

const ROLE_ORDER: readonly DeviceRole[] = ['plate', 'table'];

export class DeviceHub {
  private readonly slots = new Map<DeviceRole, DeviceSlot>();
  private plateSlot: PlateSlot | undefined;
  private tableSlot: TableSlot | undefined;
  private statsTimer: TimerHandle | undefined;
  private pushScheduled: TimerHandle | undefined;
  private closed = false;

  constructor(private readonly options: DeviceHubOptions) {}

  list(): readonly DeviceSnapshot[] {
    return ROLE_ORDER.flatMap((role) => {
      const slot = this.slots.get(role);
      return slot === undefined ? [] : [this.snapshotOf(slot)];
    });
  }

  /** The plate assigned now, for a balance run to listen to; undefined when none is. */
  get plate(): PlateSlot | undefined {
    return this.plateSlot;
  }

  /** The table assigned now, for a decompression session; undefined when none is. */
  get table(): TableSlot | undefined {
    return this.tableSlot;
  }

  /** How much faster than real time simulated devices run (1 with real devices). */
  get timeScale(): number {
    return this.options.timeScale;
  }

  /** True when any assigned device is the built-in simulator (the SIMULATED banner). */
  get hasSimulated(): boolean {
    return [...this.slots.values()].some((slot) => slot.simulated);
  }

  async connect(role: DeviceRole, port: string): Promise<ApiResponse<DeviceSnapshot>> {
    const spec = parsePortSpec(port);
    if (!spec.ok) return apiError('invalid-request', `"${port}" is not a port Proprio can open: ${spec.error}.`);
    if (spec.value.kind === 'sim' && spec.value.device !== role) {
      return apiError('invalid-request', `${port} is the simulated ${spec.value.device}; it cannot be used as the ${role}.`);
    }
    if (spec.value.kind !== 'sim' && this.options.timeScale !== 1) {
      return apiError(
        'refused',
        `Time runs ${this.options.timeScale}× faster in this session, which is allowed only with simulated devices; restart Proprio without --time-scale to use ${describePortSpec(spec.value)}.`,
      );
    }
    const transport = transportFor(spec.value, this.options.inProcess);
    if (!transport.ok) return apiError('refused', `${transport.error}.`);
    await this.release(role);
    const context: SlotContext = {
      port,
      simulated: spec.value.kind === 'sim',
      // The drivers' heartbeats, timeouts and silence checks keep their meaning in device time.
      timers: compressedTimers(this.options.timeScale, this.options.timers),
      nowEpochMs: this.options.nowEpochMs,
      sendFrame: (frame) => this.options.publish({ kind: 'stream', frame }),
      stateChanged: () => this.schedulePush(),
    };
    const slot =
      role === 'plate'
        ? (this.plateSlot = createPlateSlot(transport.value, this.options.plateRateHz ?? DEFAULT_PLATE_RATE_HZ, context))
        : (this.tableSlot = createTableSlot(transport.value, context));
    this.slots.set(role, slot);
    slot.start();
    this.armStatsTimer();
    this.schedulePush();
    return ok(this.snapshotOf(slot));
  }

  /** The slot's snapshot with the calibration in force for its device (from the clinic database). */
  private snapshotOf(slot: DeviceSlot): DeviceSnapshot {
    const snapshot = slot.snapshot();
    const identity = snapshot.identity;
    return { ...snapshot, calibration: identity === null ? null : (this.options.calibrationOf?.(snapshot.role, identity) ?? null) };
  }

  async disconnect(role: DeviceRole): Promise<ApiResponse<null>> {
    if (!this.slots.has(role)) return apiError('not-found', `No ${role} is connected.`);
    await this.release(role);
    this.schedulePush();
    return ok(null);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.statsTimer?.cancel();
    this.pushScheduled?.cancel();
    await Promise.all(ROLE_ORDER.map((role) => this.release(role)));
  }

  private async release(role: DeviceRole): Promise<void> {
    const slot = this.slots.get(role);
    if (slot === undefined) return;
    this.slots.delete(role);
    if (role === 'plate') this.plateSlot = undefined;
    else this.tableSlot = undefined;
    await slot.stop();
  }

  /** Coalesces bursts of state changes (a reconnect passes through four states) into one push. */
  private schedulePush(): void {
    if (this.closed || this.pushScheduled !== undefined) return;
    this.pushScheduled = this.options.timers.after(0, () => {
      this.pushScheduled = undefined;
      this.push();
    });
  }

  private push(): void {
    this.options.publish({ kind: 'json', message: { kind: 'event', name: 'devices.changed', payload: this.list() } });
  }

  private armStatsTimer(): void {
    if (this.statsTimer !== undefined || this.closed) return;
    this.statsTimer = this.options.timers.after(DEVICE_STATS_PUSH_MS, () => {
      this.statsTimer = undefined;
      if (this.slots.size === 0) return;
      this.push();
      this.armStatsTimer();
    });
  }
}
