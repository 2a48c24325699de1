import { describe, expect, it } from 'vitest';
import { sampleEntropy } from './sample-entropy.ts';

/** The plain all-pairs definition, to check the sorted pruning counts the same pairs. */
function plainSampleEntropy(series: Float64Array, m: number, r: number): number | undefined {
  let b = 0;
  let a = 0;
  const templates = series.length - m;
  for (let i = 0; i < templates; i++) {
    for (let j = i + 1; j < templates; j++) {
      let k = 0;
      while (k <= m && Math.abs((series[i + k] as number) - (series[j + k] as number)) <= r) k++;
      if (k >= m) b++;
      if (k > m) a++;
    }
  }
  return a === 0 || b === 0 ? undefined : -Math.log(a / b);
}

function gaussian(n: number, seed: number): Float64Array {
  let state = seed;
  const uniform = (): number => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  return Float64Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
}

const sd = (x: Float64Array): number => {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  return Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1));
};

describe('sampleEntropy', () => {
  it('counts exactly the pairs of the plain definition', () => {
    for (const seed of [1, 2, 3]) {
      const x = gaussian(400, seed).map((v, i) => v + Math.sin(i / 9));
      expect(sampleEntropy(x)).toBe(plainSampleEntropy(x, 2, 0.2 * sd(x)));
    }
  });

  it('gives white noise −ln(2Φ(0.2/√2) − 1) ≈ 2.185 (balance.md §3.6)', () => {
    expect(sampleEntropy(gaussian(3000, 7))).toBeCloseTo(2.185, 1);
  });

  it('gives a regular signal a low value', () => {
    const sine = Float64Array.from({ length: 1200 }, (_, i) => Math.sin(i / 5));
    expect(sampleEntropy(sine)).toBeLessThan(0.3);
  });

  it('is undefined for a constant or too-short series or when nothing matches', () => {
    expect(sampleEntropy(new Float64Array(100).fill(2))).toBeUndefined();
    expect(sampleEntropy(Float64Array.from([1, 2, 3]))).toBeUndefined();
    expect(sampleEntropy(Float64Array.from([0, 10, 20, 30, 40, 50]), 2, 0.01)).toBeUndefined();
  });
});
