import { describe, it, expect } from 'vitest';
import { createClockDriver } from './clock-driver.ts';
import { Scheduler } from './scheduler.ts';

describe('manual clock driver', () => {
  it('advances device time and runs what is due, then calls afterAdvance once', () => {
    const scheduler = new Scheduler();
    let flushes = 0;
    const driver = createClockDriver({ kind: 'manual' }, scheduler, () => flushes++);
    const seen: number[] = [];
    scheduler.at(1500, (t) => seen.push(t));
    scheduler.at(2500, (t) => seen.push(t));
    driver.advanceMs(2);
    expect(seen).toEqual([1500]);
    expect(scheduler.nowUs).toBe(2000);
    expect(flushes).toBe(1);
    driver.advanceMs(0.5);
    expect(seen).toEqual([1500, 2500]);
  });

  it('refuses a negative advance', () => {
    const driver = createClockDriver({ kind: 'manual' }, new Scheduler(), () => {});
    expect(() => driver.advanceMs(-1)).toThrow();
  });
});

describe('realtime clock driver', () => {
  it('maps real elapsed time times timeScale onto device time, in batches per tick', () => {
    let realMs = 1000;
    let tick: (() => void) | null = null;
    const fake = {
      nowMs: () => realMs,
      every: (_intervalMs: number, run: () => void) => {
        tick = run;
        return { cancel: () => (tick = null) };
      },
      soon: () => {},
    };
    const scheduler = new Scheduler();
    const samples: number[] = [];
    for (let t = 0; t <= 100_000; t += 500) scheduler.at(t, (now) => samples.push(now));
    let flushes = 0;
    const driver = createClockDriver({ kind: 'realtime', timeScale: 10 }, scheduler, () => flushes++, fake);
    realMs += 3; // 3 ms real × 10 = 30 ms device
    (tick as (() => void) | null)?.();
    expect(scheduler.nowUs).toBe(30_000);
    expect(samples.length).toBe(61);
    expect(flushes).toBe(1);
    realMs += 0.25;
    driver.sync();
    expect(scheduler.nowUs).toBe(32_500);
    driver.stop();
    expect(tick).toBe(null);
    expect(() => driver.advanceMs(1)).toThrow();
  });

  it('after a 600 ms event-loop stall catches up at most 50 ms of device time per step, yielding so input is read in between', () => {
    let realMs = 0;
    let tick: () => void = () => {};
    const soon: (() => void)[] = [];
    const fake = {
      nowMs: () => realMs,
      every: (_intervalMs: number, run: () => void) => {
        tick = run;
        return { cancel: () => {} };
      },
      soon: (run: () => void) => soon.push(run),
    };
    const scheduler = new Scheduler();
    // A 500 ms watchdog, restarted by every host line (table.md §6.4).
    let trips = 0;
    let watchdog = scheduler.at(500_000, () => trips++);
    const hostLine = (): void => {
      driver.sync(); // as the stream binding does before handing the bytes over
      scheduler.cancel(watchdog);
      watchdog = scheduler.at(scheduler.nowUs + 500_000, () => trips++);
    };
    const driver = createClockDriver({ kind: 'realtime', timeScale: 1 }, scheduler, () => {}, fake);
    realMs = 600; // the loop was blocked for 600 ms; the host's heartbeats wait in the socket
    tick();
    expect(scheduler.nowUs).toBe(50_000);
    expect(soon).toHaveLength(1);
    // The event loop reads the queued heartbeats between the steps.
    for (let step = 0; soon.length > 0; step++) {
      (soon.shift() as () => void)();
      if (step % 2 === 0) hostLine();
    }
    expect(scheduler.nowUs).toBe(600_000);
    expect(trips).toBe(0);
    driver.stop();
  });
});
