import { describe, expect, it } from 'vitest';
import { computeSwayMetrics, type SwayMetrics } from './sway-metrics.ts';

// Hand-known cases of shared/reference/balance.md §7.3: fs = 100 Hz, N = 3000, unfiltered.
const FS = 100;
const N = 3000;
const trace = (f: (tS: number) => [number, number], rateHz = FS, n = N): { xMm: Float64Array; yMm: Float64Array } => {
  const xMm = new Float64Array(n);
  const yMm = new Float64Array(n);
  for (let i = 0; i < n; i++) [xMm[i], yMm[i]] = f(i / rateHz);
  return { xMm, yMm };
};
const metricsOf = (f: (tS: number) => [number, number], isFiltered = false, rateHz = FS, n = N): SwayMetrics => {
  const result = computeSwayMetrics({ ...trace(f, rateHz, n), sampleRateHz: rateHz, isFiltered });
  if (!result.ok) throw new Error(result.error);
  return result.value.metrics;
};
const w = 2 * Math.PI * 0.5;

describe('computeSwayMetrics on hand-known signals', () => {
  it('gives an AP sine of amplitude 10 mm at 0.5 Hz its closed-form values', () => {
    const m = metricsOf((t) => [0, 10 * Math.sin(w * t)]);
    expect(m.rmsApMm).toBeCloseTo(10 / Math.SQRT2, 9);
    expect(m.rangeApMm).toBeCloseTo(20, 9);
    expect(m.meanDistanceMm).toBeCloseTo(6.36567, 4);
    expect(m.pathLengthMm).toBeCloseTo(599.686, 3);
    expect(m.meanVelocityMmS).toBeCloseTo(19.9895, 4);
    expect(m.ellipseArea95Mm2).toBe(0);
    expect(m.swayAreaMm2S).toBe(0);
    expect(m.meanFrequencyApHz).toBeCloseTo(0.5553, 4);
    expect(m.medianFrequencyApHz).toBe(0.48828125);
    expect(m.f95ApHz).toBe(0.5859375);
    expect(m.centroidalFrequencyApHz).toBeCloseTo(0.503313, 6);
    expect(m.frequencyDispersionAp).toBeCloseTo(0.114974, 6);
    expect(m.medianFrequencyMlHz).toBeNull();
  });

  it('gives a 10 mm circle at 0.5 Hz its closed-form values', () => {
    const m = metricsOf((t) => [10 * Math.cos(w * t), 10 * Math.sin(w * t)]);
    expect(m.meanDistanceMm).toBeCloseTo(10, 9);
    expect(m.rmsMm).toBeCloseTo(10, 9);
    expect(m.rmsMlMm).toBeCloseTo(10 / Math.SQRT2, 9);
    expect(m.pathLengthMm).toBeCloseTo((N - 1) * 20 * Math.sin((Math.PI * 0.5) / FS), 9);
    expect(m.meanVelocityMmS).toBeCloseTo(31.4042, 4);
    expect(m.swayAreaMm2S).toBeCloseTo((FS / 2) * 100 * Math.sin(w / FS), 9);
    expect(m.ellipseArea95ChiSquareMm2).toBeCloseTo(941.137, 3);
    expect(m.ellipseArea95Mm2).toBeCloseTo(942.706, 3);
    expect(m.meanFrequencyHz).toBeCloseTo(0.49998, 5);
    expect(m.rangeApMm).toBeCloseTo(20, 6);
    expect(m.rangeMlMm).toBeCloseTo(20, 6);
  });

  it('doubles lengths and quadruples areas when the amplitude doubles', () => {
    const sway = (k: number) => (t: number): [number, number] => [k * (3 * Math.sin(0.7 * t) + Math.sin(2.3 * t)), k * (5 * Math.cos(0.45 * t) + Math.sin(3.1 * t))];
    const one = metricsOf(sway(1), true);
    const two = metricsOf(sway(2), true);
    for (const key of ['pathLengthMm', 'meanVelocityMmS', 'rmsMm', 'rangeApMm', 'meanDistanceMm'] as const) expect(two[key]).toBeCloseTo(2 * (one[key] ?? NaN), 8);
    for (const key of ['ellipseArea95Mm2', 'swayAreaMm2S'] as const) expect(two[key]).toBeCloseTo(4 * (one[key] ?? NaN), 6);
    expect(two.sampleEntropyAp).toBeCloseTo(one.sampleEntropyAp ?? NaN, 12);
  });

  it('walks a 5 mm/s ramp in closed form and finds no band power after detrending', () => {
    const m = metricsOf((t) => [5 * t, 0]);
    expect(m.pathLengthMm).toBeCloseTo(149.95, 9);
    expect(m.meanVelocityMmS).toBeCloseTo((149.95 * FS) / N, 9);
    expect(m.rmsMm).toBeCloseTo(0.05 * Math.sqrt((N * N - 1) / 12), 9);
    expect(m.medianFrequencyMlHz).toBeNull();
  });

  it('reports zero sway and undefined spectra and entropy for a static point', () => {
    const m = metricsOf(() => [4, -7], true);
    expect([m.pathLengthMm, m.meanVelocityMmS, m.rmsMm, m.ellipseArea95Mm2]).toEqual([0, 0, 0, 0]);
    expect([m.medianFrequencyApHz, m.sampleEntropyAp, m.meanFrequencyHz]).toEqual([null, null, null]);
  });

  it('leaves spectra undefined for a trial under 20 s but computes the rest', () => {
    const m = metricsOf((t) => [Math.sin(t), Math.cos(0.8 * t)], true, FS, 1500);
    expect(m.f95ApHz).toBeNull();
    expect(m.pathLengthMm).toBeGreaterThan(0);
  });

  it('refuses traces it cannot analyse', () => {
    expect(computeSwayMetrics({ xMm: new Float64Array(10), yMm: new Float64Array(10), sampleRateHz: 100, isFiltered: true }).ok).toBe(false);
    expect(computeSwayMetrics({ xMm: new Float64Array(100), yMm: new Float64Array(99), sampleRateHz: 100, isFiltered: false }).ok).toBe(false);
    expect(computeSwayMetrics({ xMm: new Float64Array(100), yMm: new Float64Array(100), sampleRateHz: 15, isFiltered: true }).ok).toBe(false);
    expect(computeSwayMetrics({ xMm: new Float64Array(100), yMm: new Float64Array(100), sampleRateHz: 0, isFiltered: false }).ok).toBe(false);
  });
});
