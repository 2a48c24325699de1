import { describe, expect, it } from 'vitest';
import { MIN_TENSION_FLOOR_N } from './decompression-limits.ts';
import type { Program } from './program.ts';
import { intermittentProgram } from './supervisor-test-kit.ts';
import { buildTimeline, rampDurationMs, segmentRateNps, timelineAt, type Timeline } from './timeline.ts';

function expectContiguous(timeline: Timeline): void {
  let tMs = 0;
  let levelN = 0;
  for (const s of timeline.segments) {
    expect(s.startMs).toBeCloseTo(tMs, 6);
    expect(s.fromN).toBeCloseTo(levelN, 6);
    expect(s.endMs).toBeGreaterThan(s.startMs);
    tMs = s.endMs;
    levelN = s.toN;
  }
  expect(timeline.totalMs).toBeCloseTo(tMs, 6);
}

const holds = (timeline: Timeline): number[] => timeline.segments.filter((s) => s.phase === 'hold').map((s) => Math.round(s.toN * 10) / 10);

describe('timeline', () => {
  it('static: ramps at the ramp speed, holds until the treatment ends, releases to the floor', () => {
    const t = buildTimeline(intermittentProgram({ mode: { kind: 'static' }, maxN: 150, rampRateNps: 30, treatmentMs: 60_000 }));
    expectContiguous(t);
    expect(t.segments.map((s) => s.phase)).toEqual(['ramp-up', 'hold', 'final-release']);
    expect(t.segments[0]?.endMs).toBeCloseTo(5000, 6);
    expect(t.segments[1]?.endMs).toBe(60_000);
    expect(t.segments[2]?.toN).toBe(MIN_TENSION_FLOOR_N);
    expect(t.segments[2]?.endMs).toBeCloseTo(60_000 + ((150 - 15) / 30) * 1000, 6);
  });

  it('intermittent: alternates max (hold time) and min (rest time)', () => {
    const t = buildTimeline(intermittentProgram({ maxN: 160, minN: 80, rampRateNps: 40, treatmentMs: 60_000 }));
    expectContiguous(t);
    expect(t.segments.slice(0, 5).map((s) => [s.phase, s.toN, s.endMs - s.startMs])).toEqual([
      ['ramp-up', 160, 4000],
      ['hold', 160, 30_000],
      ['ramp-down', 80, 2000],
      ['rest', 80, 15_000],
      ['ramp-up', 160, 2000],
    ]);
    expect(t.treatmentEndMs).toBe(60_000);
    expect(t.peakN).toBe(160);
  });

  it('cyclic: ramps up and down over the set times between min and max', () => {
    const t = buildTimeline(intermittentProgram({ mode: { kind: 'cyclic', rampUpMs: 8000, rampDownMs: 4000 }, treatmentMs: 40_000 }));
    expectContiguous(t);
    const cycle = t.segments.slice(1, 3).map((s) => [s.phase, s.fromN, s.toN, s.endMs - s.startMs]);
    expect(cycle).toEqual([
      ['ramp-up', 80, 160, 8000],
      ['ramp-down', 160, 80, 4000],
    ]);
  });

  it('progressive: the hold force rises in N equal steps, resting at half each step, then stays at max', () => {
    const mode = { kind: 'progressive' as const, steps: 4, holdMs: 10_000, restMs: 5000 };
    const t = buildTimeline(intermittentProgram({ mode, maxN: 160, minN: 80, treatmentMs: 120_000 }));
    expectContiguous(t);
    expect(holds(t).slice(0, 6)).toEqual([40, 80, 120, 160, 160, 160]);
    expect(t.segments.filter((s) => s.phase === 'rest').map((s) => s.toN).slice(0, 4)).toEqual([20, 40, 60, 80]);
  });

  it('regressive: full force first, the last N holds step down', () => {
    const mode = { kind: 'regressive' as const, steps: 4, holdMs: 10_000, restMs: 5000 };
    const t = buildTimeline(intermittentProgram({ mode, maxN: 160, minN: 80, treatmentMs: 200_000 }));
    expectContiguous(t);
    const h = holds(t);
    expect(h[0]).toBe(160);
    expect(h.slice(-4)).toEqual([160, 120, 80, 40]);
  });

  it('logarithmic: fast then slow, never steeper than the ramp speed, the first chord at exactly that speed', () => {
    const program: Program = intermittentProgram({ mode: { kind: 'static' }, rampShape: 'logarithmic', maxN: 160, rampRateNps: 40 });
    const t = buildTimeline(program);
    const ramp = t.segments.filter((s) => s.phase === 'ramp-up');
    expect(ramp.length).toBe(8);
    const rates = ramp.map(segmentRateNps);
    expect(rates[0]).toBeCloseTo(40, 6);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeLessThan(rates[i - 1] as number);
    const rampMs = rampDurationMs(160, 40, 'logarithmic');
    expect(ramp.at(-1)?.endMs).toBeCloseTo(rampMs, 6);
    expect(rampMs).toBeGreaterThan(rampDurationMs(160, 40, 'linear'));
    // Half-way through the ramp more than half the force is there.
    expect(timelineAt(t, rampMs / 2).tensionN).toBeGreaterThan(0.7 * 160);
  });

  it('samples the set-point at any time and reports the segment in force', () => {
    const t = buildTimeline(intermittentProgram({ treatmentMs: 60_000 }));
    expect(timelineAt(t, -5)).toEqual({ index: 0, tensionN: 0 });
    expect(timelineAt(t, 2000)).toEqual({ index: 0, tensionN: 80 });
    expect(timelineAt(t, 10_000).index).toBe(1);
    expect(timelineAt(t, 1e9)).toEqual({ index: t.segments.length, tensionN: MIN_TENSION_FLOOR_N });
  });
});
