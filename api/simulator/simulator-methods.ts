/**
 * QA's simulator controls (hardware-sim/README.md): connect the simulated plate or table, set the
 * subject's sway condition, step on and off, inject any fault the simulator knows, press the
 * patient switch or the e-stop, unplug and replug. Refused unless Proprio runs the built-in
 * simulator. Fault names and values are checked by the simulator's own table, so the contract
 * does not repeat it; the catalogue comes back in `sim.status`.
 */
import { z } from 'zod';
import { method } from '../method-spec.ts';
import { deviceRoleSchema } from '../devices/device-methods.ts';
import type { DeviceRole } from '../devices/device-snapshot.ts';

export const SWITCH_POSITIONS = ['ready', 'pressed', 'unplugged', 'shorted'] as const;
export type SwitchPosition = (typeof SWITCH_POSITIONS)[number];
export type Eyes = 'open' | 'closed';
export type Surface = 'firm' | 'foam';

export interface SimFaultInfo {
  readonly name: string;
  readonly devices: readonly DeviceRole[];
  readonly help: string;
}

/** A fault set away from its default, as the simulator's CLI would spell it (`drop=0.1`). */
export interface ActiveFault {
  readonly name: string;
  readonly value: string;
}

export interface SimPlateStatus {
  readonly subjectPresent: boolean;
  readonly eyes: Eyes;
  readonly surface: Surface;
  readonly unplugged: boolean;
  readonly faults: readonly ActiveFault[];
  /** Calibration masses on the plate now. */
  readonly masses: readonly { readonly massKg: number; readonly xMm: number; readonly yMm: number }[];
}

export interface SimTableStatus {
  readonly switchPosition: SwitchPosition;
  readonly estopEngaged: boolean;
  /** The controller's state word (table.md §3), for QA to see what the table is doing. */
  readonly state: string;
  readonly unplugged: boolean;
  readonly faults: readonly ActiveFault[];
}

export interface SimulatorStatus {
  /** Device time runs this many times faster than real time. */
  readonly timeScale: number;
  readonly faultCatalog: readonly SimFaultInfo[];
  /** Null until that simulated device is first used. */
  readonly plate: SimPlateStatus | null;
  readonly table: SimTableStatus | null;
}

/** Largest calibration mass the simulator accepts from QA. DESIGN: the PF-600's 6000 N full scale is ~612 kg. */
const SIM_MASS_MAX_KG = 600;
/** Positions are checked by the simulator against nothing; keep them near the plate. DESIGN. */
const SIM_POSITION_MAX_MM = 1000;

/** Longest fault name or value: the simulator's names are short identifiers and numbers. */
const FAULT_TEXT_MAX_CHARS = 40;

export const SIMULATOR_METHODS = {
  'sim.status': method<SimulatorStatus>()(z.strictObject({})),
  /** Connects `role` to the simulator (`sim:plate` / `sim:table`); same as devices.connect. */
  'sim.connect': method<null>()(z.strictObject({ role: deviceRoleSchema })),
  'sim.setSway': method<SimulatorStatus>()(z.strictObject({ eyes: z.enum(['open', 'closed']), surface: z.enum(['firm', 'foam']) })),
  /** Steps the simulated subject on (true) or off (false) the plate. */
  'sim.setSubjectPresent': method<SimulatorStatus>()(z.strictObject({ present: z.boolean() })),
  /** One fault, `name` from the catalogue, `value` as the simulator CLI takes it (`0.1`, `2`, `on`, `none`). */
  'sim.setFault': method<SimulatorStatus>()(
    z.strictObject({
      role: deviceRoleSchema,
      name: z.string().min(1).max(FAULT_TEXT_MAX_CHARS),
      value: z.string().min(1).max(FAULT_TEXT_MAX_CHARS),
    }),
  ),
  /** Every fault of `role` back to its default. */
  'sim.clearFaults': method<SimulatorStatus>()(z.strictObject({ role: deviceRoleSchema })),
  'sim.setPatientSwitch': method<SimulatorStatus>()(z.strictObject({ position: z.enum(SWITCH_POSITIONS) })),
  'sim.setEstop': method<SimulatorStatus>()(z.strictObject({ engaged: z.boolean() })),
  /** Pulls the simulated cable (the driver sees the port vanish and reconnects) or plugs it back. */
  'sim.setUnplugged': method<SimulatorStatus>()(z.strictObject({ role: deviceRoleSchema, unplugged: z.boolean() })),
  /**
   * Sets one calibration mass down on the simulated plate (the ones before it lifted off, the
   * subject stepped off): what the technician does by hand at a real plate (issue 8 wizard).
   */
  'sim.placeMass': method<SimulatorStatus>()(
    z.strictObject({
      massKg: z.number().positive().max(SIM_MASS_MAX_KG),
      xMm: z.number().min(-SIM_POSITION_MAX_MM).max(SIM_POSITION_MAX_MM),
      yMm: z.number().min(-SIM_POSITION_MAX_MM).max(SIM_POSITION_MAX_MM),
    }),
  ),
  /** Lifts every calibration mass off the simulated plate and steps the subject off: an empty plate. */
  'sim.clearPlate': method<SimulatorStatus>()(z.strictObject({})),
};
