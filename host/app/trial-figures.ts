/**
 * The headline sway figures of a trial (path, mean velocity, RMS, 95 % ellipse) from its sway
 * metrics: the live run hands them typed, the history reads them back from the stored JSON.
 */
import type { TrialFigures } from '../../api/index.ts';

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function trialFigures(sway: unknown): TrialFigures | null {
  if (typeof sway !== 'object' || sway === null) return null;
  const m = sway as Record<string, unknown>;
  return { pathLengthMm: numberOrNull(m['pathLengthMm']), meanVelocityMmS: numberOrNull(m['meanVelocityMmS']), rmsMm: numberOrNull(m['rmsMm']), ellipseArea95Mm2: numberOrNull(m['ellipseArea95Mm2']) };
}
