/**
 * Time is injected (STYLE.md §4): pure code takes `nowMs`, effectful code takes a Clock. Tests
 * use ManualClock and never sleep.
 */
export interface Clock {
  /** Monotonic milliseconds; only differences are meaningful. */
  nowMonoMs(): number;
}

/** A clock that moves only when told to. */
export class ManualClock implements Clock {
  constructor(private monoMs = 0) {}

  nowMonoMs(): number {
    return this.monoMs;
  }

  advance(ms: number): void {
    this.monoMs += ms;
  }
}
