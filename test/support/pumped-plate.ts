/**
 * A simulated plate and the host's timers on one device clock, pumped as fast as the CPU allows:
 * calibration procedures that wait seconds of device time for loads to settle run in a fraction
 * of that, deterministically (STYLE.md §9: long procedures on a compressed clock, no sleeping).
 */
import { createPlateSim, type PlateSim, type PlateSimOptions } from '../../hardware-sim/index.ts';
import { transportFor, type TransportFactory } from '../../native-bridge/index.ts';
import { ManualTimers } from './manual-timers.ts';

const STEP_MS = 10;
/** A procedure still running after this much device time is stuck. */
const MAX_DEVICE_MS = 600_000;

export interface PumpedPlate {
  readonly sim: PlateSim;
  readonly timers: ManualTimers;
  readonly transport: TransportFactory;
  /** Advances the device and the host timers together until `work` settles. */
  run<T>(work: Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function pumpedPlate(options: PlateSimOptions = {}): PumpedPlate {
  const sim = createPlateSim({ ...options, clock: 'manual' });
  const timers = new ManualTimers();
  const transport = transportFor({ kind: 'sim', device: 'plate' }, () => () => sim.connectInProcess());
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
