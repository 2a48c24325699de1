/** Timers on a manual clock for driver unit tests: nothing fires until the test advances time. */
import type { TimerHandle, Timers } from '../../native-bridge/index.ts';

interface Scheduled {
  readonly atMs: number;
  readonly order: number;
  readonly callback: () => void;
  cancelled: boolean;
}

export class ManualTimers implements Timers {
  private nowMs = 0;
  private order = 0;
  private queue: Scheduled[] = [];

  nowMonoMs(): number {
    return this.nowMs;
  }

  after(delayMs: number, callback: () => void): TimerHandle {
    const entry: Scheduled = { atMs: this.nowMs + delayMs, order: this.order++, callback, cancelled: false };
    this.queue.push(entry);
    return { cancel: () => (entry.cancelled = true) };
  }

  /** Moves time forward, firing every due timer in time order (including ones they schedule). */
  advance(ms: number): void {
    const target = this.nowMs + ms;
    for (;;) {
      this.queue = this.queue.filter((entry) => !entry.cancelled);
      this.queue.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
      const next = this.queue[0];
      if (next === undefined || next.atMs > target) break;
      this.queue.shift();
      this.nowMs = next.atMs;
      next.callback();
    }
    this.nowMs = target;
  }
}
