/**
 * A simulated device and the host's timers on one device clock, pumped as fast as the CPU allows:
 * calibration procedures that wait seconds (plate) or minutes (table) of device time run in a
 * fraction of that, deterministically (STYLE.md §9: long procedures on a compressed clock, no
 * sleeping). Driver heartbeats and watchdogs run on the same clock, so none trips spuriously.
 */
import { createPlateSim, createTableSim, type PlateSim, type PlateSimOptions, type TableSim, type TableSimOptions } from '../../hardware-sim/index.ts';
import { transportFor, type TransportFactory } from '../../native-bridge/index.ts';
import { ManualTimers } from './manual-timers.ts';

const STEP_MS = 10;
/** A procedure still running after this much device time is stuck. */
const MAX_DEVICE_MS = 900_000;

export interface PumpedDevice<S> {
  readonly sim: S;
  readonly timers: ManualTimers;
  readonly transport: TransportFactory;
  /** Advances the device and the host timers together until `work` settles. */
  run<T>(work: Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type PumpedPlate = PumpedDevice<PlateSim>;
export type PumpedTable = PumpedDevice<TableSim>;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function pumped<S extends PlateSim | TableSim>(sim: S, device: 'plate' | 'table'): PumpedDevice<S> {
  const timers = new ManualTimers();
  const transport = transportFor({ kind: 'sim', device }, () => () => sim.connectInProcess());
  if (!transport.ok) throw new Error(transport.error);
  return {
    sim,
    timers,
    transport: transport.value,
    async run<T>(work: Promise<T>): Promise<T> {
      let isDone = false;
      const watched = work.finally(() => (isDone = true));
      for (let ms = 0; !isDone; ms += STEP_MS) {
        if (ms > MAX_DEVICE_MS) throw new Error(`still running after ${MAX_DEVICE_MS} ms of device time`);
        sim.advanceMs(STEP_MS);
        timers.advance(STEP_MS);
        await turn();
        await turn();
      }
      return watched;
    },
    close: () => sim.close(),
  };
}

export const pumpedPlate = (options: PlateSimOptions = {}): PumpedPlate => pumped(createPlateSim({ ...options, clock: 'manual' }), 'plate');
export const pumpedTable = (options: TableSimOptions = {}): PumpedTable => pumped(createTableSim({ ...options, clock: 'manual' }), 'table');
