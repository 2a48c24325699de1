import { describe, it, expect } from 'vitest';
import { Prng } from './prng.ts';

describe('Prng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const seqA = Array.from({ length: 8 }, () => a.nextU32());
    expect(Array.from({ length: 8 }, () => b.nextU32())).toEqual(seqA);
    expect(Array.from({ length: 8 }, () => c.nextU32())).not.toEqual(seqA);
  });

  it('derives independent, reproducible streams by name', () => {
    const root = new Prng(7);
    expect(root.derive('sway').nextU32()).toBe(new Prng(7).derive('sway').nextU32());
    expect(root.derive('sway').nextU32()).not.toBe(root.derive('faults').nextU32());
  });

  it('gives uniform floats in [0, 1) with the right mean', () => {
    const prng = new Prng(1);
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = prng.nextFloat();
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it('gives standard normal gaussians', () => {
    const prng = new Prng(3);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = prng.gaussian();
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.sqrt(sumSq / n - mean * mean)).toBeCloseTo(1, 1);
  });

  it('draws nothing for chance(0)', () => {
    const a = new Prng(5);
    const b = new Prng(5);
    a.chance(0);
    expect(a.nextU32()).toBe(b.nextU32());
  });
});
