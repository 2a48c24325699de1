import { describe, expect, it } from 'vitest';
import { PlateLoadTracker, type LoadChange } from './plate-load-state.ts';

const RATE_HZ = 100;
const WEIGHT_N = 700;

/** Feeds `seconds` of force f(t) with COP (x(t), 0) in 0.1 s blocks; returns the changes with times. */
function feed(tracker: PlateLoadTracker, seconds: number, force: (tS: number) => number, copX: (tS: number) => number = () => 0, startS = 0): { tS: number; change: LoadChange }[] {
  const out: { tS: number; change: LoadChange }[] = [];
  const block = RATE_HZ / 10;
  for (let b = 0; b < seconds * 10; b++) {
    const f = new Float64Array(block);
    const x = new Float64Array(block);
    const y = new Float64Array(block);
    for (let i = 0; i < block; i++) {
      const tS = startS + (b * block + i) / RATE_HZ;
      const forceN = force(tS);
      f[i] = forceN;
      x[i] = forceN > 49 ? copX(tS) : Number.NaN;
      y[i] = forceN > 49 ? 0 : Number.NaN;
    }
    for (const change of tracker.push(f, x, y, block)) out.push({ tS: startS + (b * block + change.sampleIndex) / RATE_HZ, change });
  }
  return out;
}

const kinds = (changes: { change: LoadChange }[]): string[] => changes.map((c) => c.change.kind);

describe('PlateLoadTracker', () => {
  it('goes empty → loading → steady after a step-on ramp, with the settled weight', () => {
    const tracker = new PlateLoadTracker(RATE_HZ);
    const changes = feed(tracker, 4, (t) => (t < 0.5 ? 0 : t < 1 ? WEIGHT_N * (t - 0.5) * 2 : WEIGHT_N * (1 + 0.002 * Math.sin(7 * t))));
    expect(kinds(changes)).toEqual(['steppedOn', 'steady']);
    const steady = changes[1];
    expect(steady?.tS).toBeGreaterThanOrEqual(1.9);
    expect(steady?.change.kind === 'steady' ? steady.change.bodyWeightN : 0).toBeCloseTo(WEIGHT_N, -1);
    expect(tracker.state).toBe('steady');
  });

  it('reports a step-off when the force drops below 75 % of the settled weight, then the empty plate', () => {
    const tracker = new PlateLoadTracker(RATE_HZ);
    feed(tracker, 2, () => WEIGHT_N);
    const changes = feed(tracker, 1, (t) => WEIGHT_N * Math.max(0, 1 - (t - 2) * 2), () => 0, 2);
    // The falling force leaves the ±5 % band first (unsteady), then crosses 75 % at t = 2.125 s.
    expect(kinds(changes)).toEqual(['unsteady', 'steppedOff', 'empty']);
    expect(changes[1]?.tS).toBeCloseTo(2.13, 1);
  });

  it('stays on the plate through a brisk lean but still sees a step-off during it', () => {
    const tracker = new PlateLoadTracker(RATE_HZ);
    feed(tracker, 2, () => WEIGHT_N);
    const lean = feed(tracker, 2, () => WEIGHT_N, (t) => 120 * Math.sin(3 * (t - 2)), 2);
    expect(kinds(lean)).toEqual(['unsteady']);
    const off = feed(tracker, 1, () => 0.5 * WEIGHT_N, () => 0, 4);
    expect(kinds(off)[0]).toBe('steppedOff');
  });

  it('ignores a load that never settles and forgets everything on reset', () => {
    const tracker = new PlateLoadTracker(RATE_HZ);
    expect(kinds(feed(tracker, 3, (t) => WEIGHT_N * (1 + 0.2 * Math.sin(5 * t))))).toEqual(['steppedOn']);
    tracker.reset();
    expect(tracker.state).toBe('empty');
    expect(tracker.bodyWeightN).toBe(0);
  });
});
