/**
 * The simulated DT-9 decompression table: controller firmware, actuator, patient and link.
 *
 * Spec: docs/protocols/table.md. This file only composes; behaviour lives in table-firmware.ts
 * (wire, ticks), table-commands.ts (§4), table-safety.ts and table-release.ts (§6),
 * force-loop.ts, table-physics.ts and its parts, and device-link/ (link layer).
 */
import { DeviceLink } from '../device-link/device-link.ts';
import type { RxBadByClass } from '../device-link/device-link.ts';
import { openDeviceRuntime, type SimulatedDevice } from '../device-link/device-runtime.ts';
import { NO_LINK_FAULTS, pickLinkFaults } from '../faults/link-faults.ts';
import type { LinkFaults } from '../faults/link-faults.ts';
import { decodeTableHostLine, encodeTableDeviceLine } from '../spec-codec/table-codec.ts';
import type { Region, TableDeviceMessage, TableStateKind, Telemetry } from '../spec-codec/table-codec.ts';
import type { DriveKind } from './actuator.ts';
import { DEFAULT_PATIENT } from './patient-model.ts';
import type { PatientParams } from './patient-model.ts';
import type { SwitchPosition } from './patient-switch.ts';
import type { TableLinkCommand } from './table-commands.ts';
import { TABLE_MODEL } from './table-constants.ts';
import { TableFirmware } from './table-firmware.ts';
import type { LoadCellFaults } from './table-load-cell.ts';
import { TablePhysics } from './table-physics.ts';
import { isMotorOn } from './table-state.ts';
import type { TableState } from './table-state.ts';

export interface TableDeviceFaults extends LoadCellFaults {
  /** Over-tension: the drive tracks this many newtons above the set-point. */
  readonly overshootN: number;
  /** Runaway: the powered drive pulls at 10 mm/s whatever it is told. */
  readonly runaway: boolean;
  readonly driveFault: boolean;
  /** Mains lost (the table runs on hold-up, then goes to FAULT). */
  readonly powerFail: boolean;
  readonly patientSwitch: SwitchPosition;
  readonly estop: boolean;
}

export type TableFaults = LinkFaults & TableDeviceFaults;

export const NO_TABLE_DEVICE_FAULTS: TableDeviceFaults = {
  loadCellStuck: false,
  loadCellDriftNps: 0,
  loadCellAdcFault: false,
  overshootN: 0,
  runaway: false,
  driveFault: false,
  powerFail: false,
  patientSwitch: 'ready',
  estop: false,
};

export interface TableSimOptions {
  readonly seed?: number;
  /** 1–24 of `A–Z 0–9 -` (default `DT9-` + 5 digits from the seed). */
  readonly serial?: string;
  readonly clock?: 'manual' | 'realtime';
  readonly timeScale?: number;
  /** Back-drivable (default: tension falls when the motor is off) or self-locking drive. */
  readonly drive?: DriveKind;
  readonly patient?: Partial<PatientParams>;
  /** Load-cell noise, N RMS (default 1.5 = 0.1 % FS). */
  readonly loadCellNoiseN?: number;
  /**
   * An uncalibrated load cell: a seeded span error within ±3 % (default false: the cell reads the
   * true tension plus its small offset). For calibration against the reference gauge, whose
   * reading is `state().trueTensionN`.
   */
  readonly loadCellSpanError?: boolean;
  /** How long the controller runs on hold-up after mains loss (default 5000 ms). */
  readonly holdUpMs?: number;
  readonly faults?: Partial<TableFaults>;
  readonly bootAtUs?: number;
  readonly txCapacityBytes?: number;
}

export interface TableSimState {
  readonly state: TableStateKind;
  /** The controller's full state (union), for detailed assertions. */
  readonly control: TableState;
  readonly region: Region | null;
  readonly limitN: number;
  readonly faultCode: number;
  readonly setN: number;
  readonly measuredN: number;
  readonly trueTensionN: number;
  /** The reference gauge in line with the harness: the true tension through its 0.25 s display average. */
  readonly gaugeN: number;
  readonly posMm: number;
  readonly velMmS: number;
  readonly isMotorOn: boolean;
  readonly isSwitchTested: boolean;
  readonly isZeroed: boolean;
  readonly switchPosition: SwitchPosition;
  readonly isEstop: boolean;
  readonly slackPosMm: number | null;
  readonly creepMm: number;
  readonly wdogTrips: number;
  readonly hasHandshake: boolean;
  readonly nowUs: number;
  readonly nextTxSeq: number;
  readonly rxBad: number;
  readonly rxBadByClass: Readonly<RxBadByClass>;
  readonly rxGap: number;
  /** Host lines behind the expected seq since the last handshake (link.md §3), not gaps. */
  readonly rxOutOfOrder: number;
  readonly lastTelemetry: Telemetry | null;
  readonly events: readonly { readonly name: string; readonly tUs: number }[];
}

export interface TableSim extends SimulatedDevice {
  /** Patient switch: press/release, or any channel state (unplugged, shorted). */
  pressSwitch(): void;
  releaseSwitch(): void;
  setSwitch(position: SwitchPosition): void;
  engageEstop(): void;
  clearEstop(): void;
  setFaults(faults: Partial<TableFaults>): void;
  faults(): TableFaults;
  state(): TableSimState;
}

export function createTableSim(options: TableSimOptions = {}): TableSim {
  const { runtime, serial } = openDeviceRuntime(options, 'table', 'DT9');
  const physics = new TablePhysics(
    runtime.prng.derive('load-cell'),
    options.drive ?? 'backdrivable',
    { ...DEFAULT_PATIENT, ...options.patient },
    options.loadCellNoiseN,
    options.loadCellSpanError === true ? runtime.prng.derive('load-cell-span').uniform(-0.03, 0.03) : 0,
  );
  const firmware = new TableFirmware({
    scheduler: runtime.scheduler,
    physics,
    serial,
    bootAtUs: options.bootAtUs ?? 1000,
    holdUpUs: (options.holdUpMs ?? 5000) * 1000,
  });
  const link = new DeviceLink<TableLinkCommand, TableDeviceMessage>({
    scheduler: runtime.scheduler,
    tx: runtime.tx,
    injector: runtime.injector,
    counters: runtime.counters,
    prng: runtime.prng.derive('reply-latency'),
    decodeHost: decodeTableHostLine,
    encodeDevice: encodeTableDeviceLine,
    behaviour: firmware,
  });
  let linkFaults: LinkFaults = NO_LINK_FAULTS;

  const sim: TableSim = {
    ...runtime.deviceMethods(),
    model: TABLE_MODEL,
    serial,
    pressSwitch: () => firmware.setSwitch('pressed'),
    releaseSwitch: () => firmware.setSwitch('ready'),
    setSwitch: (position) => firmware.setSwitch(position),
    engageEstop: () => sim.setFaults({ estop: true }),
    clearEstop: () => sim.setFaults({ estop: false }),
    setFaults(faults) {
      const next: TableFaults = { ...sim.faults(), ...faults };
      linkFaults = pickLinkFaults(next);
      runtime.injector.settings = linkFaults;
      physics.loadCell.setFaults(next);
      physics.isRunaway = next.runaway;
      firmware.inputs.overshootN = next.overshootN;
      firmware.inputs.driveFault = next.driveFault;
      firmware.inputs.powerFail = next.powerFail;
      firmware.inputs.estop = next.estop;
      firmware.setSwitch(next.patientSwitch);
    },
    faults: () => ({
      ...linkFaults,
      ...physics.loadCell.currentFaults,
      overshootN: firmware.inputs.overshootN,
      runaway: physics.isRunaway,
      driveFault: firmware.inputs.driveFault,
      powerFail: firmware.inputs.powerFail,
      patientSwitch: firmware.patientSwitch.position,
      estop: firmware.inputs.estop,
    }),
    state() {
      const control = firmware.control;
      return {
        state: control.state.kind,
        control: control.state,
        region: control.region,
        limitN: firmware.lastTelemetry?.limitN ?? 0,
        faultCode: control.faultCode,
        setN: control.setN,
        measuredN: physics.loadCell.measN,
        trueTensionN: physics.tensionN,
        gaugeN: physics.gaugeN,
        posMm: physics.actuator.posMm,
        velMmS: physics.actuator.velMmS,
        isMotorOn: isMotorOn(control.state),
        isSwitchTested: control.isSwitchTested,
        isZeroed: physics.loadCell.isZeroed,
        switchPosition: firmware.patientSwitch.position,
        isEstop: firmware.inputs.estop,
        slackPosMm: control.slackPosMm,
        creepMm: physics.patient.creep,
        wdogTrips: control.wdogTrips,
        hasHandshake: link.hasHandshake,
        nowUs: runtime.nowUs,
        nextTxSeq: link.nextTxSeq,
        rxBad: link.rxBad,
        rxBadByClass: { ...link.rxBadByClass },
        rxGap: link.rxGap,
        rxOutOfOrder: link.rxOutOfOrder,
        lastTelemetry: firmware.lastTelemetry,
        events: firmware.eventLog.map((e) => ({ name: e.name, tUs: e.tUs })),
      };
    },
  };

  sim.setFaults({ ...NO_TABLE_DEVICE_FAULTS, ...options.faults });
  firmware.start(link);
  runtime.start(link);
  return sim;
}
