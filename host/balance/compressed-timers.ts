/**
 * Driver timers for a simulator whose device time runs `timeScale` times faster than real time
 * (protocol tests and demos take seconds instead of minutes): every delay — heartbeat, reply
 * timeout, silence check, reconnect back-off — shrinks by `timeScale`, so the plate keeps hearing
 * its heartbeat within its 2 s of device time (plate.md §2).
 *
 * The clock itself stays real, and no delay drops below MIN_REAL_DELAY_MS: a stall of the event
 * loop (which the simulator shares) must not be magnified `timeScale` times into a "device silent"
 * verdict or a reply timeout, or a busy test machine would see link losses that never happened.
 */
import { realTimers, type Timers } from '../../native-bridge/index.ts';

/** DESIGN: 20 ms, a few event-loop turns even on a loaded machine. */
export const MIN_REAL_DELAY_MS = 20;

export function compressedTimers(timeScale: number, base: Timers = realTimers): Timers {
  if (timeScale === 1) return base;
  return {
    nowMonoMs: () => base.nowMonoMs(),
    after: (delayMs, callback) => base.after(Math.max(delayMs / timeScale, Math.min(delayMs, MIN_REAL_DELAY_MS)), callback),
  };
}
