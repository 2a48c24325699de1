import { describe, expect, it } from 'vitest';
import type { SwayMetrics } from '../balance/sway-metrics.ts';
import { mctsibSummary, rombergQuotients, type TrialMetricsRecord } from './protocol-summaries.ts';
import { losScores, trackingScores } from './task-scores.ts';

const RATE_HZ = 100;
const series = (n: number, f: (tS: number) => [number, number]): [Float64Array, Float64Array] => {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) [x[i], y[i]] = f(i / RATE_HZ);
  return [x, y];
};
const smooth = (s: number): number => (s <= 0 ? 0 : s >= 1 ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * s));

describe('losScores', () => {
  it('measures a straight lean that starts 0.4 s after the cue and reaches 90 % of the target in 1 s', () => {
    const [x, y] = series(800, (t) => [0, 120 * 0.9 * smooth(t - 0.4)]);
    const scores = losScores(x, y, RATE_HZ, { xMm: 0, yMm: 120 });
    expect(scores.reactionTimeMs).toBeCloseTo(400, -1);
    expect(scores.endpointExcursionPct).toBeGreaterThan(85);
    expect(scores.maxExcursionPct).toBeCloseTo(90, 6);
    expect(scores.directionalControlPct).toBeCloseTo(100, 6);
    expect(scores.movementVelocityMmS).toBeGreaterThan(80);
  });

  it('scores a crooked lean lower in directional control and reports no reaction without movement', () => {
    const [x, y] = series(800, (t) => [40 * Math.sin(6 * smooth(t - 0.4)), 100 * smooth(t - 0.4)]);
    expect(losScores(x, y, RATE_HZ, { xMm: 0, yMm: 120 }).directionalControlPct).toBeLessThan(80);
    const [sx, sy] = series(800, () => [0, 0]);
    expect(losScores(sx, sy, RATE_HZ, { xMm: 80, yMm: 0 })).toMatchObject({ reactionTimeMs: null, maxExcursionPct: 0 });
  });
});

describe('trackingScores', () => {
  const path = { kind: 'shuttle' as const, from: { xMm: -50, yMm: 0 }, to: { xMm: 50, yMm: 0 }, shiftMs: 2000 };
  it('gives a perfect follower 100 % on target, no error, and the pacing velocity on axis', () => {
    const [x, y] = series(1600, (t) => [t % 4 <= 2 ? -50 + 50 * (t % 4) : 50 - 50 * ((t % 4) - 2), 0]);
    const scores = trackingScores(x, y, RATE_HZ, path, 20, 'ml');
    expect(scores.timeOnTargetPct).toBe(100);
    expect(scores.trackingErrorMm).toBeLessThan(1e-9);
    expect(scores.onAxisVelocityMmS).toBeCloseTo(50, 0);
    expect(scores.pacingVelocityMmS).toBe(50);
    expect(scores.directionalControlPct).toBe(100);
  });

  it('gives a subject who stands still a low time on target', () => {
    const [x, y] = series(1600, () => [0, 0]);
    expect(trackingScores(x, y, RATE_HZ, path, 20, 'ml').timeOnTargetPct).toBeLessThan(50);
  });
});

const metrics = (meanVelocityMmS: number): SwayMetrics => ({ meanVelocityMmS, pathLengthMm: meanVelocityMmS * 30, ellipseArea95Mm2: meanVelocityMmS ** 2 } as unknown as SwayMetrics);
const record = (eyes: 'open' | 'closed', surface: 'firm' | 'foam', v: number | null): TrialMetricsRecord => ({
  condition: { eyes, surface, stance: 'bipedal' },
  outcome: v === null ? 'fell' : 'completed',
  metrics: v === null ? null : metrics(v),
});

describe('protocol summaries', () => {
  it('gives RQ 2 for velocity and path and 4 for area when eyes-closed sway doubles (balance.md §7.3 item 5)', () => {
    const rq = rombergQuotients([record('open', 'firm', 5), record('closed', 'firm', 10)]);
    expect(rq.map((q) => [q.metric, q.quotient])).toEqual([['meanVelocityMmS', 2], ['pathLengthMm', 2], ['ellipseArea95Mm2', 4]]);
    expect(rombergQuotients([record('open', 'firm', 5), record('closed', 'firm', null)])[0]?.quotient).toBeNull();
  });

  it('averages mCTSIB conditions over valid trials and withholds the composite after a fall', () => {
    const clean = mctsibSummary([record('open', 'firm', 4), record('open', 'firm', 6), record('closed', 'foam', 20)]);
    expect(clean.conditions.map((c) => c.meanVelocityMmS)).toEqual([5, 20]);
    expect(clean.composite).toEqual({ kind: 'computed', meanVelocityMmS: 10 });
    const fell = mctsibSummary([record('open', 'firm', 4), record('closed', 'foam', 20), record('closed', 'foam', null)]);
    expect(fell.conditions[1]).toMatchObject({ meanVelocityMmS: 20, trials: 2, fell: 1 });
    expect(fell.composite).toEqual({ kind: 'notComputed', fellIn: ['eyes-closed-foam'] });
  });
});
