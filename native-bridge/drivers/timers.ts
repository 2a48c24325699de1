/**
 * Host-side time for drivers: a monotonic clock and one-shot timers, injected so tests can run
 * the retry and reconnect logic on a manual clock (STYLE.md §9: unit tests never sleep).
 */
export interface TimerHandle {
  readonly cancel: () => void;
}

export interface Timers {
  nowMonoMs(): number;
  after(delayMs: number, callback: () => void): TimerHandle;
}

export const realTimers: Timers = {
  nowMonoMs: () => performance.now(),
  after(delayMs, callback) {
    const handle = setTimeout(callback, delayMs);
    return { cancel: () => clearTimeout(handle) };
  },
};

/** A promise that settles after `delayMs` on the given timers. */
export function delay(timers: Timers, delayMs: number): Promise<void> {
  return new Promise((resolve) => timers.after(delayMs, resolve));
}
