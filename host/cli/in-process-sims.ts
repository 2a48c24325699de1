/**
 * Composition root for the built-in simulator (STYLE.md §2: only composition roots wire
 * hardware-sim in): creates the simulated plate and table on first use and hands out their
 * in-process endpoints as transports for `sim:plate` and `sim:table`.
 */
import { createPlateSim, createTableSim, type PlateSim, type TableSim } from '../../hardware-sim/index.ts';
import type { InProcessConnector } from '../../native-bridge/index.ts';

export interface InProcessSims {
  readonly connector: InProcessConnector;
  plate(): PlateSim;
  table(): TableSim;
  close(): Promise<void>;
}

export interface InProcessSimOptions {
  readonly seed: number;
  /** Device time runs this many times faster than real time (simulated devices only). */
  readonly timeScale: number;
}

export function inProcessSims(options: InProcessSimOptions): InProcessSims {
  let plate: PlateSim | undefined;
  let table: TableSim | undefined;
  const getPlate = (): PlateSim =>
    (plate ??= createPlateSim({ seed: options.seed, clock: 'realtime', timeScale: options.timeScale, subjectPresent: true }));
  const getTable = (): TableSim => (table ??= createTableSim({ seed: options.seed + 1, clock: 'realtime', timeScale: options.timeScale }));
  return {
    connector: (device) => (device === 'plate' ? () => getPlate().connectInProcess() : () => getTable().connectInProcess()),
    plate: getPlate,
    table: getTable,
    close: async () => {
      await Promise.all([plate?.close(), table?.close()]);
    },
  };
}
