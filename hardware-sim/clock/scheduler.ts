/**
 * Device time and the events due on it.
 *
 * The simulated devices run on *device time* (link.md §8: integer microseconds since power-up,
 * monotonic, never reset). Everything that happens in a device is a scheduled callback; a driver
 * (manual or real-time, see clock-driver.ts) decides how far device time advances, and
 * `runUntil` runs every callback that is due, in time order and, at equal times, in the order
 * they were scheduled, so a run is fully deterministic.
 */
import { SimBugError } from '../spec-codec/result.ts';

export type TimerHandle = number;

interface Entry {
  readonly atUs: number;
  readonly order: number;
  readonly run: (nowUs: number) => void;
}

export class Scheduler {
  private heap: Entry[] = [];
  /** Orders of entries still due to run; cancelling removes an order, and the heap skips it later. */
  private readonly pending = new Set<number>();
  private nextOrder = 0;
  private currentUs = 0;

  /** Device time now, in µs. */
  get nowUs(): number {
    return this.currentUs;
  }

  /** Runs `run` at device time `atUs` (not before now). Returns a handle for `cancel`. */
  at(atUs: number, run: (nowUs: number) => void): TimerHandle {
    if (!Number.isFinite(atUs)) throw new SimBugError(`schedule at ${atUs}`);
    const entry: Entry = { atUs: Math.max(Math.ceil(atUs), this.currentUs), order: this.nextOrder++, run };
    this.push(entry);
    this.pending.add(entry.order);
    return entry.order;
  }

  /** Runs `run` `delayUs` from now. */
  after(delayUs: number, run: (nowUs: number) => void): TimerHandle {
    return this.at(this.currentUs + delayUs, run);
  }

  cancel(handle: TimerHandle): void {
    this.pending.delete(handle);
  }

  /** Runs every callback due up to and including `targetUs`, then sets the time to `targetUs`. */
  runUntil(targetUs: number): void {
    const target = Math.floor(targetUs);
    if (target < this.currentUs) return;
    for (;;) {
      const top = this.heap[0];
      if (top === undefined || top.atUs > target) break;
      this.pop();
      if (!this.pending.delete(top.order)) continue;
      this.currentUs = top.atUs;
      top.run(top.atUs);
    }
    this.currentUs = target;
  }

  /** Number of pending callbacks (for tests). */
  get pendingCount(): number {
    return this.pending.size;
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!isBefore(entry, heap[parent] as Entry)) break;
      heap[i] = heap[parent] as Entry;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && isBefore(heap[right] as Entry, heap[left] as Entry) ? right : left;
      if (!isBefore(heap[child] as Entry, last)) break;
      heap[i] = heap[child] as Entry;
      i = child;
    }
    heap[i] = last;
  }
}

function isBefore(a: Entry, b: Entry): boolean {
  return a.atUs < b.atUs || (a.atUs === b.atUs && a.order < b.order);
}
