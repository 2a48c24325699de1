/**
 * The built-in simulator as the host's services see it. host/ may not import hardware-sim/
 * (STYLE.md §2); a composition root (host/cli/web-sims.ts, the Electron entry) implements this
 * over the real simulators and hands it in.
 */
import type { DeviceRole, Eyes, SimulatorStatus, Surface, SwitchPosition } from '../../api/index.ts';
import type { Result } from '../../core/index.ts';
import type { InProcessConnector } from '../../native-bridge/index.ts';

export interface SimulatorBackend {
  /** Device time compression of every simulated device (1 = real time). */
  readonly timeScale: number;
  /** In-process endpoints for `sim:plate` / `sim:table`. */
  readonly connector: InProcessConnector;
  status(): SimulatorStatus;
  setSway(eyes: Eyes, surface: Surface): void;
  setSubjectPresent(present: boolean): void;
  /** `name`/`value` as the simulator CLI spells them; an error names what is wrong. */
  setFault(role: DeviceRole, name: string, value: string): Result<void, string>;
  clearFaults(role: DeviceRole): void;
  setPatientSwitch(position: SwitchPosition): void;
  setEstop(engaged: boolean): void;
  setUnplugged(role: DeviceRole, unplugged: boolean): Promise<void>;
  /** An empty simulated plate with one calibration mass set down (sim.placeMass). */
  placeMass(mass: { readonly massKg: number; readonly xMm: number; readonly yMm: number }): Promise<void>;
  /** No mass and no subject on the simulated plate. */
  clearPlate(): Promise<void>;
  /** The reference gauge in line with the simulated table's harness: its true tension, N. */
  tableGaugeN(): number;
  close(): Promise<void>;
}
