/**
 * The built-in simulator behind the host's SimulatorBackend (host/app/simulator-backend.ts). A
 * composition root (STYLE.md §2): only here, in host/cli/, does host/ touch hardware-sim. Faults
 * go through the simulator's own name table (FAULT_NAMES), so the QA panel offers exactly what the
 * simulator knows.
 */
import type { ActiveFault, DeviceRole, Eyes, SimPlateStatus, SimTableStatus, SimulatorStatus, Surface } from '../../api/index.ts';
import { err, ok } from '../../core/index.ts';
import { FAULT_NAMES, type PlateFaults, type PlateSim, type TableFaults, type TableSim } from '../../hardware-sim/index.ts';
import type { SimulatorBackend } from '../app/simulator-backend.ts';
import { simulatedPlacer } from './calibrate-placers.ts';
import { inProcessSims } from './in-process-sims.ts';

export interface WebSimOptions {
  readonly seed: number;
  readonly timeScale: number;
}

/** A device's fault settings, read by key from the FAULT_NAMES table. */
type FaultSettings = object;

/** Faults whose setting differs from the device's state when first used, spelled `name=value`. */
function activeFaults(role: DeviceRole, now: FaultSettings, initial: FaultSettings): ActiveFault[] {
  const read = (settings: FaultSettings, key: string): unknown => (settings as Record<string, unknown>)[key];
  return FAULT_NAMES.filter((fault) => fault.devices.includes(role) && read(now, fault.key) !== read(initial, fault.key)).map((fault) => ({
    name: fault.name,
    value: describeSetting(read(now, fault.key)),
  }));
}

/** Fault settings are numbers, booleans, names or null ("none"), as the simulator CLI spells them. */
function describeSetting(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return String(value);
  return value === null || value === undefined ? 'none' : JSON.stringify(value);
}

export function webSimulator(options: WebSimOptions): SimulatorBackend {
  const sims = inProcessSims({ seed: options.seed, timeScale: options.timeScale });
  const initialFaults: { plate?: PlateFaults; table?: TableFaults } = {};
  const unplugged: Record<DeviceRole, boolean> = { plate: false, table: false };
  let sway: { eyes: Eyes; surface: Surface } = { eyes: 'open', surface: 'firm' };
  let used: Record<DeviceRole, boolean> = { plate: false, table: false };

  const plate = (): PlateSim => {
    const sim = sims.plate();
    initialFaults.plate ??= { ...sim.faults() };
    used = { ...used, plate: true };
    return sim;
  };
  const table = (): TableSim => {
    const sim = sims.table();
    initialFaults.table ??= { ...sim.faults() };
    used = { ...used, table: true };
    return sim;
  };
  const device = (role: DeviceRole): PlateSim | TableSim => (role === 'plate' ? plate() : table());

  const plateStatus = (): SimPlateStatus | null => {
    if (!used.plate) return null;
    const sim = plate();
    const phase = sim.state().subject.phase;
    return {
      subjectPresent: phase === 'standing' || phase === 'steppingOn',
      ...sway,
      unplugged: unplugged.plate,
      faults: activeFaults('plate', sim.faults(), initialFaults.plate ?? {}),
      masses: sim.state().masses.map(({ massKg, xMm, yMm }) => ({ massKg, xMm, yMm })),
    };
  };
  const tableStatus = (): SimTableStatus | null => {
    if (!used.table) return null;
    const sim = table();
    const state = sim.state();
    return {
      switchPosition: state.switchPosition,
      estopEngaged: state.isEstop,
      state: state.state,
      unplugged: unplugged.table,
      faults: activeFaults('table', sim.faults(), initialFaults.table ?? {}),
    };
  };

  return {
    timeScale: options.timeScale,
    connector: (role) => {
      device(role);
      return sims.connector(role);
    },
    status: (): SimulatorStatus => ({
      timeScale: options.timeScale,
      faultCatalog: FAULT_NAMES.map((fault) => ({ name: fault.name, devices: [...fault.devices], help: fault.help })),
      plate: plateStatus(),
      table: tableStatus(),
    }),
    setSway(eyes, surface) {
      sway = { eyes, surface };
      plate().setSubject({ eyes, surface });
    },
    setSubjectPresent: (present) => (present ? plate().stepOn() : plate().stepOff()),
    setFault(role, name, value) {
      const fault = FAULT_NAMES.find((candidate) => candidate.name === name);
      if (fault === undefined) return err(`there is no fault called "${name}"`);
      if (!fault.devices.includes(role)) return err(`"${name}" is not a fault of the ${role}`);
      const parsed = fault.parse(value);
      if (!parsed.ok) return err(`${name} needs ${parsed.error}`);
      const settings = { [fault.key]: parsed.value };
      if (role === 'plate') plate().setFaults(settings);
      else table().setFaults(settings);
      return ok(undefined);
    },
    clearFaults(role) {
      if (role === 'plate' && initialFaults.plate !== undefined) plate().setFaults(initialFaults.plate);
      if (role === 'table' && initialFaults.table !== undefined) table().setFaults(initialFaults.table);
    },
    setPatientSwitch: (position) => table().setSwitch(position),
    setEstop: (engaged) => (engaged ? table().engageEstop() : table().clearEstop()),
    placeMass: (mass) => simulatedPlacer(plate()).place({ id: 'sim', role: 'fit', ...mass }),
    clearPlate: () => simulatedPlacer(plate()).clear(),
    tableGaugeN: () => table().state().gaugeN,
    async setUnplugged(role, isUnplugged) {
      await (isUnplugged ? device(role).unplug() : device(role).replug());
      unplugged[role] = isUnplugged;
    },
    close: () => sims.close(),
  };
}
