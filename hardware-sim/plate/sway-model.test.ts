/**
 * Sway statistics against reference balance.md §4 (plausible values for a simulator), measured
 * on the model's true COP at 100 Hz over 60 s, for several seeds.
 */
import { describe, it, expect } from 'vitest';
import { Prng } from '../random/prng.ts';
import { SwayModel } from './sway-model.ts';
import type { SwayCondition } from './sway-model.ts';

interface SwayStats {
  rmsMlMm: number;
  rmsApMm: number;
  meanVelocityMmS: number;
}

function measure(seed: number, condition: SwayCondition, durationS = 60): SwayStats {
  const model = new SwayModel(new Prng(seed));
  model.condition = condition;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let tUs = 0; tUs <= durationS * 1e6; tUs += 10_000) {
    const p = model.at(tUs);
    xs.push(p.xMm);
    ys.push(p.yMm);
  }
  const rms = (a: number[]): number => {
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    return Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length);
  };
  let path = 0;
  for (let i = 1; i < xs.length; i++) path += Math.hypot((xs[i] ?? 0) - (xs[i - 1] ?? 0), (ys[i] ?? 0) - (ys[i - 1] ?? 0));
  return { rmsMlMm: rms(xs), rmsApMm: rms(ys), meanVelocityMmS: path / durationS };
}

const average = (seeds: number[], condition: SwayCondition): SwayStats => {
  const all = seeds.map((seed) => measure(seed, condition));
  const mean = (key: keyof SwayStats): number => all.reduce((s, v) => s + v[key], 0) / all.length;
  return { rmsMlMm: mean('rmsMlMm'), rmsApMm: mean('rmsApMm'), meanVelocityMmS: mean('meanVelocityMmS') };
};

const SEEDS = [1, 2, 3, 4];

describe('quiet-stance sway (balance.md §4)', () => {
  const open = average(SEEDS, { eyes: 'open', surface: 'firm' });

  it('eyes open, firm: AP RMS 4–5 mm, ML RMS 2–3 mm, mean velocity 7–10 mm/s', () => {
    expect(open.rmsApMm).toBeGreaterThan(3.8);
    expect(open.rmsApMm).toBeLessThan(5.2);
    expect(open.rmsMlMm).toBeGreaterThan(1.8);
    expect(open.rmsMlMm).toBeLessThan(3.0);
    expect(open.meanVelocityMmS).toBeGreaterThan(6.5);
    expect(open.meanVelocityMmS).toBeLessThan(10);
  });

  it('is wider and faster with eyes closed (×1.3–1.6), on foam (≈ ×2) and with both (≈ ×3)', () => {
    const closed = average(SEEDS, { eyes: 'closed', surface: 'firm' });
    const foam = average(SEEDS, { eyes: 'open', surface: 'foam' });
    const both = average(SEEDS, { eyes: 'closed', surface: 'foam' });
    const ratio = (s: SwayStats, key: keyof SwayStats): number => s[key] / open[key];
    for (const key of ['rmsApMm', 'rmsMlMm', 'meanVelocityMmS'] as const) {
      expect(ratio(closed, key)).toBeGreaterThan(1.3);
      expect(ratio(closed, key)).toBeLessThan(1.6);
      expect(ratio(foam, key)).toBeGreaterThan(1.7);
      expect(ratio(foam, key)).toBeLessThan(2.3);
      expect(ratio(both, key)).toBeGreaterThan(2.6);
      expect(ratio(both, key)).toBeLessThan(3.4);
    }
  });

  it('gives the same COP at a time whatever the read pattern (rate independent)', () => {
    const a = new SwayModel(new Prng(8));
    const b = new SwayModel(new Prng(8));
    for (let tUs = 0; tUs < 1_000_000; tUs += 500) a.at(tUs);
    for (let tUs = 0; tUs < 1_000_000; tUs += 3333) b.at(tUs);
    expect(a.at(1_234_567)).toEqual(b.at(1_234_567));
  });
});
