/**
 * PF-600 firmware: link behaviour, sample stream, silence stop, events.
 *
 * Spec: docs/protocols/plate.md §2 (states, 2000 ms host-silence stop), §3 (identity), §5 (sample
 * n since `$START` taken at t0 + floor(n·10⁶/f) µs; RESYNC on the first sample; DEVICE_OVERFLOW on
 * the first sample after samples were discarded for a full transmit buffer), §6 (BOOT as the first
 * line after power-up, ADCFAULT when an ADC fault begins), link.md §5 (a successful `$HELLO` stops
 * streaming). Samples are scheduled one at a time on device time; the clock driver runs them in
 * batches.
 */
import type { Scheduler, TimerHandle } from '../clock/scheduler.ts';
import type { DeviceLink, LinkBehaviour } from '../device-link/device-link.ts';
import type { Reply } from '../spec-codec/link-messages.ts';
import type { Details } from '../spec-codec/message-codec.ts';
import { PLATE_FLAG } from '../spec-codec/plate-codec.ts';
import type { CellCounts, PlateDeviceMessage, PlateEventName } from '../spec-codec/plate-codec.ts';
import { LINK_PROTOCOL_VERSION, PLATE_SCHEMA_HASH } from '../spec-codec/schema-hash.ts';
import type { CellFaults, CellForces, LoadCellAdc } from './load-cells.ts';
import { NO_CELL_FAULTS, splitForce } from './load-cells.ts';
import { stepPlateCommand } from './plate-commands.ts';
import type { PlateDeviceCommand, PlateState } from './plate-commands.ts';
import { HOST_SILENCE_STOP_US, PLATE_FIRMWARE_VERSION, PLATE_MODEL, POWER_UP_RATE_HZ } from './plate-constants.ts';
import type { SubjectModel, SubjectTruth } from './subject-model.ts';
import type { TestMasses } from './test-masses.ts';

export interface PlateSampleRecord {
  readonly seq: number;
  readonly tUs: number;
  readonly counts: CellCounts;
  readonly flags: number;
  readonly truth: SubjectTruth;
  readonly cellForcesN: CellForces;
}

export interface PlateFirmwareOptions {
  readonly scheduler: Scheduler;
  readonly subject: SubjectModel;
  /** Calibration masses set on the plate, loading it on top of the subject. */
  readonly masses: TestMasses;
  readonly adc: LoadCellAdc;
  readonly serial: string;
  readonly bootAtUs: number;
  /** Rate at power-up; plate.md §4 says 1000 Hz. */
  readonly powerUpRateHz?: number;
}

export class PlateFirmware implements LinkBehaviour<PlateDeviceCommand> {
  readonly schemaHash = PLATE_SCHEMA_HASH;
  private link: DeviceLink<PlateDeviceCommand, PlateDeviceMessage> | null = null;
  private stateValue: PlateState = { kind: 'idle', rateHz: POWER_UP_RATE_HZ };
  private sampleTimer: TimerHandle | null = null;
  private silenceTimer: TimerHandle | null = null;
  private sampleIndex = 0;
  private isResyncPending = false;
  private isOverflowPending = false;
  private lastHostUs = 0;
  private cellFaults: CellFaults = NO_CELL_FAULTS;
  /** Every sample that got a seq, newest last; kept short, for ground truth in tests. */
  readonly recentSamples: PlateSampleRecord[] = [];
  samplesSent = 0;

  constructor(private readonly o: PlateFirmwareOptions) {
    this.stateValue = { kind: 'idle', rateHz: o.powerUpRateHz ?? POWER_UP_RATE_HZ };
  }

  /** Connects the link layer and schedules BOOT (the first line after power-up). */
  start(link: DeviceLink<PlateDeviceCommand, PlateDeviceMessage>): void {
    this.link = link;
    this.o.scheduler.at(this.o.bootAtUs, (now) => this.emit('BOOT', [['fw', PLATE_FIRMWARE_VERSION]], now));
  }

  get state(): PlateState {
    return this.stateValue;
  }

  get faults(): CellFaults {
    return this.cellFaults;
  }

  setCellFaults(faults: CellFaults): void {
    const now = this.o.scheduler.nowUs;
    const began = faults.adcFaultCell !== null && faults.adcFaultCell !== this.cellFaults.adcFaultCell;
    this.cellFaults = faults;
    this.o.adc.setFaults(faults, now);
    if (began) this.emit('ADCFAULT', [['cell', String(faults.adcFaultCell)]], now);
  }

  /** Sends one of the events plate.md §6 defines. */
  private emit(name: PlateEventName, details: Details, nowUs: number): void {
    this.link?.send({ kind: 'event', tUs: nowUs, name, details });
  }

  // ---- LinkBehaviour --------------------------------------------------------------------------
  identity(): Details {
    return [
      ['model', PLATE_MODEL],
      ['serial', this.o.serial],
      ['fw', PLATE_FIRMWARE_VERSION],
      ['proto', String(LINK_PROTOCOL_VERSION)],
      ['hash', PLATE_SCHEMA_HASH],
    ];
  }

  helloAccepted(): void {
    this.enter({ kind: 'idle', rateHz: this.stateValue.rateHz });
  }

  execute(command: PlateDeviceCommand, nowUs: number): Reply {
    const link = this.link;
    const step = stepPlateCommand(this.stateValue, command, nowUs, { rxBad: link?.rxBad ?? 0, rxGap: link?.rxGap ?? 0 });
    this.enter(step.state);
    return step.reply;
  }

  isAllowedBeforeHello(): boolean {
    return false;
  }

  isUrgent(): boolean {
    return false;
  }

  isAlwaysExecuted(): boolean {
    return false;
  }

  hostLineReceived(nowUs: number): void {
    this.lastHostUs = nowUs;
  }

  // ---- streaming ------------------------------------------------------------------------------
  private enter(next: PlateState): void {
    const previous = this.stateValue;
    this.stateValue = next;
    if (next.kind === 'streaming' && previous.kind !== 'streaming') {
      this.sampleIndex = 0;
      this.isResyncPending = true;
      // The START's ACK is sent after this returns; the first sample follows it at the same t0.
      this.sampleTimer = this.o.scheduler.at(next.t0Us, (now) => this.takeSample(now));
      this.silenceTimer = this.o.scheduler.at(this.lastHostUs + HOST_SILENCE_STOP_US, (now) => this.silenceCheck(now));
    } else if (next.kind === 'idle') {
      if (this.sampleTimer !== null) this.o.scheduler.cancel(this.sampleTimer);
      if (this.silenceTimer !== null) this.o.scheduler.cancel(this.silenceTimer);
      this.sampleTimer = null;
      this.silenceTimer = null;
    }
  }

  private takeSample(nowUs: number): void {
    const state = this.stateValue;
    const link = this.link;
    if (state.kind !== 'streaming' || link === null) return;
    const truth = this.o.masses.addTo(this.o.subject.truthAt(nowUs), nowUs);
    const cellForcesN = splitForce(truth.forceN, truth.copXMm, truth.copYMm);
    const reading = this.o.adc.read(cellForcesN, nowUs);
    let flags = reading.flags;
    if (this.isResyncPending) flags |= PLATE_FLAG.resync;
    if (this.isOverflowPending) flags |= PLATE_FLAG.deviceOverflow;
    const seq = link.nextTxSeq;
    if (link.send({ kind: 'sample', tUs: nowUs, counts: reading.counts, flags }, true)) {
      this.isResyncPending = false;
      this.isOverflowPending = false;
      this.samplesSent++;
      this.recentSamples.push({ seq, tUs: nowUs, counts: reading.counts, flags, truth, cellForcesN });
      if (this.recentSamples.length > 4096) this.recentSamples.splice(0, 2048);
    } else {
      this.isOverflowPending = true;
    }
    this.sampleIndex++;
    const nextUs = state.t0Us + Math.floor((this.sampleIndex * 1e6) / state.rateHz);
    this.sampleTimer = this.o.scheduler.at(nextUs, (now) => this.takeSample(now));
  }

  private silenceCheck(nowUs: number): void {
    if (this.stateValue.kind !== 'streaming') return;
    if (nowUs - this.lastHostUs >= HOST_SILENCE_STOP_US) {
      this.enter({ kind: 'idle', rateHz: this.stateValue.rateHz });
      return;
    }
    this.silenceTimer = this.o.scheduler.at(this.lastHostUs + HOST_SILENCE_STOP_US, (now) => this.silenceCheck(now));
  }
}
