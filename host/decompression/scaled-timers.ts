/**
 * Host time running `timeScale` times faster than real time, to run a program against a
 * simulator whose device time is compressed the same way (hardware-sim `timeScale`): heartbeats,
 * reply timeouts, ticks and program time all keep their meaning in device time.
 */
import { realTimers, type Timers } from '../../native-bridge/index.ts';

export function scaledTimers(timeScale: number, base: Timers = realTimers): Timers {
  if (timeScale === 1) return base;
  return {
    nowMonoMs: () => base.nowMonoMs() * timeScale,
    after: (delayMs, callback) => base.after(delayMs / timeScale, callback),
  };
}
