/**
 * Published reference values, shown only beside the same protocol and the same measure computed
 * the same way, with their source and population (shared/reference/balance.md §7.4): plates and
 * pipelines differ too much for anything else (§3.5).
 *
 * balance.md gives numbers for one source only: [Oliveira18], faller cut-offs for three 30 s
 * eyes-open one-leg trials of older adults on a force plate (§2.3, §4). Its AP and ML velocities
 * are the mean velocities along each axis (path / duration, §3.3), as Proprio computes them. Its
 * COP area cut-off (10.3 cm²) is left out: balance.md does not say how that area was computed.
 * BTrackS values ([Goble18-norms], [BTrackS-LOS-ref]) have no numbers in balance.md and no
 * matching protocol here, so nothing is shown for them.
 */
import type { TrialCondition } from '../protocols/protocol-types.ts';

/** The source exactly as balance.md §9 gives it. */
export const OLIVEIRA18_SOURCE = '[Oliveira18] Oliveira MR et al. PLoS One 2018;13(9):e0203887.';
/** The population as balance.md §2.3 describes it. */
export const OLIVEIRA18_POPULATION = 'older adults, three 30 s eyes-open one-leg trials on a force plate';
/** [Oliveira18]: faller cut-off, AP COP velocity 2.9 cm/s (balance.md §2.3, §4). */
export const OLIVEIRA18_FALLER_AP_VELOCITY_MM_S = 2.9 * 10;
/** [Oliveira18]: faller cut-off, ML COP velocity 3.4 cm/s (balance.md §2.3, §4). */
export const OLIVEIRA18_FALLER_ML_VELOCITY_MM_S = 3.4 * 10;
/** [Oliveira18]: the trial the cut-offs are for, 30 s (balance.md §2.3). */
export const OLIVEIRA18_TRIAL_MS = 30_000;
/**
 * DESIGN: "older adults" read as 60 years and over; balance.md gives no age range for [Oliveira18],
 * and marks 60 as where one-leg times fall [Bohannon84] and sway rises markedly [Abrahamova08].
 */
export const OLDER_ADULT_MIN_AGE_Y = 60;

export type NormMeasure = 'meanVelocityApMmS' | 'meanVelocityMlMmS';

export interface ReferenceValue {
  readonly measure: NormMeasure;
  readonly label: string;
  /** What the number means: above a faller cut-off, the patient sways like the fallers did. */
  readonly kind: 'faller cut-off';
  readonly valueMmS: number;
  readonly source: string;
  readonly population: string;
}

const OLIVEIRA18: readonly ReferenceValue[] = [
  { measure: 'meanVelocityApMmS', label: 'AP mean velocity', kind: 'faller cut-off', valueMmS: OLIVEIRA18_FALLER_AP_VELOCITY_MM_S, source: OLIVEIRA18_SOURCE, population: OLIVEIRA18_POPULATION },
  { measure: 'meanVelocityMlMmS', label: 'ML mean velocity', kind: 'faller cut-off', valueMmS: OLIVEIRA18_FALLER_ML_VELOCITY_MM_S, source: OLIVEIRA18_SOURCE, population: OLIVEIRA18_POPULATION },
];

export interface NormQuery {
  readonly protocolId: string;
  readonly condition: TrialCondition;
  readonly durationMs: number;
  /** The patient's age at the session, or null when unknown. */
  readonly ageY: number | null;
}

/** The published values for this trial and patient; none where balance.md sources none. */
export function referenceValuesFor(q: NormQuery): readonly ReferenceValue[] {
  const { eyes, surface, stance } = q.condition;
  const isOneLegEyesOpen30s = q.protocolId === 'single-leg-stance' && eyes === 'open' && surface === 'firm' && (stance === 'singleLegLeft' || stance === 'singleLegRight') && q.durationMs === OLIVEIRA18_TRIAL_MS;
  return isOneLegEyesOpen30s && q.ageY !== null && q.ageY >= OLDER_ADULT_MIN_AGE_Y ? OLIVEIRA18 : [];
}

/** Whole years from a `YYYY-MM-DD` birth date to `atMs` (UTC), or null for a date that does not parse. */
export function ageYearsAt(dateOfBirth: string, atMs: number): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(atMs);
  const hadBirthday = at.getUTCMonth() + 1 > mo || (at.getUTCMonth() + 1 === mo && at.getUTCDate() >= d);
  const age = at.getUTCFullYear() - y - (hadBirthday ? 0 : 1);
  return Number.isFinite(age) && age >= 0 ? age : null;
}
