/**
 * Driver timers on a compressed clock: time runs `timeScale` times faster than real time, so a
 * plate driver keeps its heartbeat, reply timeouts and silence checks in step with a simulator
 * running at the same time scale (protocol tests and demos take seconds instead of minutes).
 */
import type { Timers } from '../../native-bridge/index.ts';

export function compressedTimers(timeScale: number): Timers {
  const startedAtMs = performance.now();
  return {
    nowMonoMs: () => (performance.now() - startedAtMs) * timeScale,
    after(delayMs, callback) {
      const handle = setTimeout(callback, delayMs / timeScale);
      return { cancel: () => clearTimeout(handle) };
    },
  };
}
