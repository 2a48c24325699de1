/**
 * Every sway metric against the independent NumPy/SciPy script (sway_metrics.py) on the same
 * signals, within 1e-6 relative (issue 4, "Done when"). The script uses SciPy's own butter,
 * filtfilt, resample_poly, welch and stats.f and shares no code with core/balance/.
 */
import { describe, expect, it } from 'vitest';
import { computeSwayMetrics, SWAY_METRIC_KEYS } from '../../core/index.ts';
import { runReference } from './run-reference.ts';
import { apSine, circle, gaussianCloud, ramp, syntheticSway, twoTones, type CopSignal } from './test-signals.ts';

const RELATIVE_TOLERANCE = 1e-6;
/** Values this close to zero are zero in both (e.g. the ellipse of a line), compared absolutely. */
const ABSOLUTE_FLOOR = 1e-9;

const signals: CopSignal[] = [
  syntheticSway('sway-100Hz', 30, 100, 11),
  syntheticSway('sway-1000Hz', 30, 1000, 12),
  syntheticSway('sway-250Hz-resampled', 30, 250, 13),
  syntheticSway('sway-50Hz-upsampled', 40, 50, 14),
  syntheticSway('sway-200Hz-unfiltered', 25, 200, 15, false),
  circle(100, 30, 10, 0.5),
  circle(1000, 30, 10, 0.5, true),
  apSine(100, 30, 10, 0.5),
  apSine(1000, 30, 10, 0.5, true),
  gaussianCloud(100, 3000, 3, 5, 16),
  gaussianCloud(100, 3000, 3, 5, 17, true),
  twoTones(100, 30, 0.5, 1.5),
  ramp(100, 30, 5),
];

describe('sway metrics against the NumPy/SciPy reference', () => {
  const reference = runReference(signals);

  for (const signal of signals) {
    it(`agree within 1e-6 relative on ${signal.name}`, () => {
      const ours = computeSwayMetrics(signal);
      if (!ours.ok) throw new Error(ours.error);
      const theirs = reference.results[signal.name] ?? {};
      for (const key of SWAY_METRIC_KEYS) {
        const mine = ours.value.metrics[key];
        const other = theirs[key];
        expect(other, `${key} missing from the reference`).not.toBeUndefined();
        if (mine === null || other === null || other === undefined) {
          expect(mine, key).toBe(other);
          continue;
        }
        expect(Math.abs(mine - other), `${key}: ${mine} vs ${other}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE * Math.abs(other) + ABSOLUTE_FLOOR);
      }
    });
  }

  it('defines every metric of a realistic sway trace in both implementations', () => {
    for (const name of ['sway-100Hz', 'sway-1000Hz', 'sway-250Hz-resampled', 'sway-50Hz-upsampled']) {
      const theirs = reference.results[name] ?? {};
      expect(SWAY_METRIC_KEYS.filter((key) => theirs[key] === null || theirs[key] === undefined)).toEqual([]);
    }
  });
});
