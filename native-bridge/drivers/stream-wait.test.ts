import { describe, expect, it } from 'vitest';
import { ok } from '../../core/index.ts';
import { waitOnStream } from './stream-wait.ts';
import type { Timers } from './timers.ts';

/** Timers on a hand-wound clock. */
function manualTimers(): Timers & { advance(ms: number): void } {
  let nowMs = 0;
  let pending: { atMs: number; run: () => void }[] = [];
  return {
    nowMonoMs: () => nowMs,
    after(delayMs, run) {
      const entry = { atMs: nowMs + delayMs, run };
      pending.push(entry);
      return { cancel: () => void (pending = pending.filter((p) => p !== entry)) };
    },
    advance(ms) {
      nowMs += ms;
      const due = pending.filter((p) => p.atMs <= nowMs);
      pending = pending.filter((p) => p.atMs > nowMs);
      for (const p of due) p.run();
    },
  };
}

describe('waitOnStream', () => {
  it('ends with the silent failure once nothing arrives for the limit, restarting it on each arrival', async () => {
    const timers = manualTimers();
    let arrive: () => void = () => undefined;
    let unsubscribed = 0;
    const wait = waitOnStream<string, string>(timers, 100, () => 'silent', ({ alive }) => {
      arrive = alive;
      return [() => unsubscribed++];
    });
    timers.advance(90);
    arrive();
    timers.advance(90);
    arrive();
    timers.advance(90);
    expect(unsubscribed).toBe(0);
    timers.advance(10);
    expect(await wait).toEqual({ ok: false, error: 'silent' });
    expect(unsubscribed).toBe(1);
  });

  it('the first finish wins, every listener is removed, and the silence timer no longer fires', async () => {
    const timers = manualTimers();
    let control: Parameters<Parameters<typeof waitOnStream<number, string>>[3]>[0] | undefined;
    const removed: string[] = [];
    const wait = waitOnStream<number, string>(timers, 100, () => 'silent', (c) => {
      control = c;
      return [() => removed.push('samples'), () => removed.push('linkLost')];
    });
    control?.finish(ok(7));
    control?.finish(ok(8));
    timers.advance(1000);
    expect(await wait).toEqual({ ok: true, value: 7 });
    expect(removed).toEqual(['samples', 'linkLost']);
  });
});
