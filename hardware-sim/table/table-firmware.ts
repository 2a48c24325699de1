/**
 * DT-9 firmware: link behaviour, the 1 kHz control tick, the 80 Hz load cell and the 50 Hz
 * telemetry, and the events.
 *
 * Spec: docs/protocols/table.md §3 (identity), §4 (commands, via table-commands.ts), §5 (`#T` at
 * 50 Hz from power-up, whatever the link state; flags), §6 (safety, via table-safety.ts), §7
 * (events), table.md §4 (`$RELEASE` and `$STOP` skip the queue, and what the host sent before
 * them runs first, so they have the last word: device-link.ts), link.md §5 (a table keeps its
 * physical state across `$HELLO`; `$RELEASE` is executed even before a handshake, rule 4, and
 * even with a reused id: a release is never refused).
 */
import type { Scheduler } from '../clock/scheduler.ts';
import type { DeviceLink, LinkBehaviour } from '../device-link/device-link.ts';
import { NAK } from '../spec-codec/link-messages.ts';
import type { Reply } from '../spec-codec/link-messages.ts';
import type { Details } from '../spec-codec/message-codec.ts';
import { LINK_PROTOCOL_VERSION, TABLE_SCHEMA_HASH } from '../spec-codec/schema-hash.ts';
import { TABLE_FLAG } from '../spec-codec/table-codec.ts';
import type { Telemetry, TableDeviceMessage } from '../spec-codec/table-codec.ts';
import { driveCommand, isPullSaturated, slewSetpoint } from './force-loop.ts';
import { PatientSwitch } from './patient-switch.ts';
import { ReadingWindow } from './reading-window.ts';
import type { SwitchPosition } from './patient-switch.ts';
import { applyTableCommand } from './table-commands.ts';
import type { TableLinkCommand } from './table-commands.ts';
import { SERVICE_OFF, applyServiceCommand, isServiceCommand } from './table-service.ts';
import type { ServiceState } from './table-service.ts';
import {
  CONTROL_PERIOD_US,
  LOAD_CELL_PERIOD_US,
  REGION_LIMITS,
  TABLE_FIRMWARE_VERSION,
  TABLE_MODEL,
  TELEMETRY_PERIOD_US,
  WATCHDOG_US,
} from './table-constants.ts';
import type { TablePhysics } from './table-physics.ts';
import { clampReading } from './table-release.ts';
import { superviseTable } from './table-safety.ts';
import { INITIAL_CONTROL, isMotorOn } from './table-state.ts';
import type { TableControl, TableEvent, TableSensors } from './table-state.ts';

export interface TableInputs {
  overshootN: number;
  driveFault: boolean;
  powerFail: boolean;
  estop: boolean;
}

export interface TableFirmwareOptions {
  readonly scheduler: Scheduler;
  readonly physics: TablePhysics;
  readonly serial: string;
  readonly bootAtUs: number;
  readonly holdUpUs: number;
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max);

export class TableFirmware implements LinkBehaviour<TableLinkCommand> {
  readonly schemaHash = TABLE_SCHEMA_HASH;
  readonly patientSwitch = new PatientSwitch();
  readonly inputs: TableInputs = { overshootN: 0, driveFault: false, powerFail: false, estop: false };
  private link: DeviceLink<TableLinkCommand, TableDeviceMessage> | null = null;
  private service: ServiceState = SERVICE_OFF;
  private controlValue: TableControl = INITIAL_CONTROL;
  private lastHostUs: number | null = null;
  private driveMmS: number | null = null;
  private readonly readings = new ReadingWindow();
  /** Every event sent, for tests (name, device time). */
  readonly eventLog: { name: string; tUs: number; details: Details }[] = [];
  lastTelemetry: Telemetry | null = null;

  constructor(private readonly o: TableFirmwareOptions) {}

  get control(): TableControl {
    return this.controlValue;
  }

  /** Connects the link and starts the control tick, the load cell and the telemetry. */
  start(link: DeviceLink<TableLinkCommand, TableDeviceMessage>): void {
    this.link = link;
    const { scheduler } = this.o;
    scheduler.at(this.o.bootAtUs, (now) => this.emit({ name: 'BOOT', details: [['fw', TABLE_FIRMWARE_VERSION]] }, now));
    const control = (now: number): void => {
      this.controlTick(now);
      scheduler.at(now + CONTROL_PERIOD_US, control);
    };
    const loadCell = (now: number): void => {
      this.o.physics.sampleLoadCell();
      this.readings.push(this.o.physics.loadCell.measN, this.o.physics.actuator.posMm);
      scheduler.at(now + LOAD_CELL_PERIOD_US, loadCell);
    };
    const telemetry = (now: number): void => {
      this.sendTelemetry(now);
      scheduler.at(now + TELEMETRY_PERIOD_US, telemetry);
    };
    scheduler.at(CONTROL_PERIOD_US, control);
    scheduler.at(LOAD_CELL_PERIOD_US, loadCell);
    scheduler.at(TELEMETRY_PERIOD_US, telemetry);
  }

  setSwitch(position: SwitchPosition): void {
    this.patientSwitch.set(position, this.o.scheduler.nowUs);
  }

  // ---- LinkBehaviour --------------------------------------------------------------------------
  identity(): Details {
    return [
      ['model', TABLE_MODEL],
      ['serial', this.o.serial],
      ['fw', TABLE_FIRMWARE_VERSION],
      ['proto', String(LINK_PROTOCOL_VERSION)],
      ['hash', TABLE_SCHEMA_HASH],
    ];
  }

  helloAccepted(): void {
    // A table keeps its physical state across $HELLO (link.md §5.3).
  }

  execute(command: TableLinkCommand, nowUs: number): Reply {
    const loadCell = this.o.physics.loadCell;
    if (isServiceCommand(command)) {
      const step = applyServiceCommand(this.service, command, this.controlValue.state.kind === 'idle', loadCell.coefficients);
      this.service = step.service;
      if (step.coefficients !== undefined) loadCell.useCoefficients(step.coefficients);
      return step.reply;
    }
    // table.md §4.1: no treatment can start in service mode.
    if (command.kind === 'arm' && this.service.isOn) return { kind: 'nak', id: command.id, code: NAK.serviceMode, details: [] };
    const link = this.link;
    const step = applyTableCommand(this.controlValue, command, this.sensors(nowUs), nowUs, {
      rxBad: link?.rxBad ?? 0,
      rxGap: link?.rxGap ?? 0,
    });
    this.controlValue = step.control;
    if (step.isTare === true) this.o.physics.loadCell.zero();
    for (const event of step.events) this.emit(event, nowUs);
    return step.reply;
  }

  isAllowedBeforeHello(command: TableLinkCommand): boolean {
    return command.kind === 'release';
  }

  /** `$RELEASE` is never refused, not even with 7 (id reused): it is idempotent (table.md §4). */
  isAlwaysExecuted(command: TableLinkCommand): boolean {
    return command.kind === 'release';
  }

  isUrgent(command: TableLinkCommand): boolean {
    return command.kind === 'release' || command.kind === 'stop';
  }

  hostLineReceived(nowUs: number): void {
    this.lastHostUs = nowUs;
  }

  // ---- the loop -------------------------------------------------------------------------------
  sensors(nowUs: number): TableSensors {
    const { physics } = this.o;
    return {
      measN: physics.loadCell.measN,
      filteredN: physics.loadCell.filteredN,
      recentMeanN: this.readings.meanN,
      isReadingFrozen: this.readings.isFrozen,
      isLoadCellFault: physics.loadCell.isFaulty,
      posMm: physics.actuator.posMm,
      velMmS: physics.actuator.velMmS,
      switchChannels: this.patientSwitch.channels,
      switchLevels: this.patientSwitch.levels(nowUs),
      isEstop: this.inputs.estop,
      isDriveFault: this.inputs.driveFault,
      isPowerFail: this.inputs.powerFail,
      hostSilentUs: this.lastHostUs === null ? null : nowUs - this.lastHostUs,
    };
  }

  private controlTick(nowUs: number): void {
    const { physics } = this.o;
    const dtS = CONTROL_PERIOD_US / 1e6;
    physics.step(dtS, this.driveMmS);
    const sensors = this.sensors(nowUs);
    const safety = superviseTable(this.controlValue, sensors, nowUs, this.o.holdUpUs);
    for (const event of safety.events) this.emit(event, nowUs);
    const previousSetN = safety.control.setN;
    this.controlValue = slewSetpoint(safety.control, dtS, nowUs, isPullSaturated(this.driveMmS, sensors.posMm));
    this.driveMmS = driveCommand(this.controlValue, {
      measN: sensors.measN,
      recentMeanN: sensors.recentMeanN,
      readingPosMm: this.readings.lastPosMm,
      unloadingStiffness: this.readings.unloadingStiffness,
      posMm: sensors.posMm,
      setRateNps: (this.controlValue.setN - previousSetN) / dtS,
      overshootN: this.inputs.overshootN,
    });
  }

  private flags(nowUs: number): number {
    const { physics } = this.o;
    const channels = this.patientSwitch.channels;
    let flags = 0;
    if (isMotorOn(this.controlValue.state)) flags |= TABLE_FLAG.motorOn;
    if (channels.a) flags |= TABLE_FLAG.switchA;
    if (channels.b) flags |= TABLE_FLAG.switchB;
    if (this.inputs.estop) flags |= TABLE_FLAG.estop;
    if (physics.loadCell.isFaulty) flags |= TABLE_FLAG.loadCellFault;
    if (this.inputs.driveFault) flags |= TABLE_FLAG.driveFault;
    if (this.inputs.powerFail) flags |= TABLE_FLAG.powerFail;
    if (this.lastHostUs !== null && nowUs - this.lastHostUs < WATCHDOG_US) flags |= TABLE_FLAG.hostOk;
    if (physics.loadCell.isZeroed) flags |= TABLE_FLAG.zeroed;
    if (this.controlValue.isSwitchTested) flags |= TABLE_FLAG.switchTested;
    if (this.service.isOn) flags |= TABLE_FLAG.service;
    return flags;
  }

  private sendTelemetry(nowUs: number): void {
    const { physics } = this.o;
    const control = this.controlValue;
    const telemetry: Telemetry = {
      kind: 'telemetry',
      tUs: nowUs,
      state: control.state.kind,
      measN: clampReading(physics.loadCell.measN),
      setN: clamp(control.setN, 0, 1500),
      posMm: clamp(physics.actuator.posMm, -10, 120),
      velMmS: clamp(physics.actuator.velMmS, -500, 500),
      flags: this.flags(nowUs),
      region: control.region,
      limitN: control.region === null ? 0 : REGION_LIMITS[control.region].limitN,
      fault: control.faultCode,
    };
    this.lastTelemetry = telemetry;
    this.link?.send(telemetry, true);
  }

  private emit(event: TableEvent, nowUs: number): void {
    this.eventLog.push({ name: event.name, tUs: nowUs, details: event.details });
    if (this.eventLog.length > 1000) this.eventLog.splice(0, 500);
    this.link?.send({ kind: 'event', tUs: nowUs, name: event.name, details: event.details });
  }
}
