import { describe, it, expect } from 'vitest';
import { Scheduler } from './scheduler.ts';

describe('Scheduler', () => {
  it('runs callbacks in time order, FIFO at equal times, with the clock at their time', () => {
    const s = new Scheduler();
    const log: string[] = [];
    s.at(300, (t) => log.push(`c@${t}`));
    s.at(100, (t) => log.push(`a@${t}`));
    s.at(100, (t) => log.push(`b@${t}`));
    s.at(1000, () => log.push('late'));
    s.runUntil(500);
    expect(log).toEqual(['a@100', 'b@100', 'c@300']);
    expect(s.nowUs).toBe(500);
  });

  it('runs callbacks scheduled by callbacks when they fall inside the window', () => {
    const s = new Scheduler();
    const times: number[] = [];
    const tick = (t: number): void => {
      times.push(t);
      s.at(t + 250, tick);
    };
    s.at(0, tick);
    s.runUntil(1000);
    expect(times).toEqual([0, 250, 500, 750, 1000]);
  });

  it('cancels and never goes back in time', () => {
    const s = new Scheduler();
    let ran = false;
    const handle = s.after(10, () => {
      ran = true;
    });
    s.cancel(handle);
    s.runUntil(100);
    s.runUntil(50);
    expect(ran).toBe(false);
    expect(s.nowUs).toBe(100);
    let at = -1;
    s.at(20, (t) => {
      at = t;
    });
    s.runUntil(100);
    expect(at).toBe(100);
  });

  it('keeps order over many random insertions', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    for (let i = 0; i < 2000; i++) s.at((i * 7919) % 1000, (t) => seen.push(t));
    s.runUntil(2000);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.length).toBe(2000);
  });
});
