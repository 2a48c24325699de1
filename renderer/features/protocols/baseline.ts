/**
 * A run's headline figures against the patient's own earlier sessions (issue 7: "metrics against
 * the patient's own baseline and trend"), from the history's trend (history/trend.ts).
 *
 * Baseline rule (balance.md §7.4, "first valid session = baseline"; the rest DESIGN): for each
 * trial and figure, the value from the patient's first non-simulated session of the same protocol
 * that has one (a fall or an undefined figure leaves no value). Previous: the latest such value
 * from a session before this one. Simulated sessions never count, and a simulated run is not
 * compared at all. Not yet: §7.4's re-baselining on a new plate, filter or algorithm version, and
 * "within measurement error" (balance.md gives no same-protocol test-retest error to use).
 */
import type { HistorySession, TrialFigures } from '../../../api/index.ts';
import { trendKey, trendOf } from '../history/trend.ts';

export interface Reading {
  readonly value: number;
  readonly atMs: number;
}

export interface FigureComparison {
  readonly metric: keyof TrialFigures;
  readonly baseline: Reading | null;
  readonly previous: Reading | null;
}

/**
 * Baseline and previous value of `metric` for `protocol`'s trial `condition`, from `sessions`
 * (a patient's history) before the session `currentSessionId` (ids grow with time).
 */
export function compareWithHistory(sessions: readonly HistorySession[], currentSessionId: number, protocol: string, condition: string, metric: keyof TrialFigures): FigureComparison {
  const earlier = sessions.filter((s) => !s.isSimulated && s.kind === 'balance' && s.id < currentSessionId);
  const points = trendOf(earlier, metric).find((row) => row.key === trendKey(protocol, condition))?.points ?? [];
  return { metric, baseline: points[0] ?? null, previous: points.at(-1) ?? null };
}

/** Change from a reference value, with its percentage (null when the reference is 0). */
export function changeFrom(value: number, reference: number): { readonly delta: number; readonly pct: number | null } {
  return { delta: value - reference, pct: reference === 0 ? null : (100 * (value - reference)) / reference };
}
