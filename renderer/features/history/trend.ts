/**
 * A metric's trend across a patient's sessions: for each protocol and trial (`romberg` · `ec`),
 * the values oldest first. Falls and trials without the metric leave no point.
 */
import type { HistorySession, TrialFigures } from '../../../api/index.ts';

export interface TrendRow {
  readonly key: string;
  readonly points: readonly { readonly atMs: number; readonly value: number }[];
}

/** The row a protocol's trial is trended under. */
export const trendKey = (protocol: string, condition: string): string => `${protocol} · ${condition}`;

export function trendOf(sessions: readonly HistorySession[], metric: keyof TrialFigures): TrendRow[] {
  const rows = new Map<string, { atMs: number; value: number }[]>();
  const oldestFirst = [...sessions].sort((a, b) => a.startedAtMs - b.startedAtMs);
  for (const session of oldestFirst) {
    for (const trial of session.trials) {
      const value = trial.figures?.[metric];
      if (value === null || value === undefined) continue;
      const key = trendKey(trial.protocol, trial.condition);
      const points = rows.get(key) ?? [];
      points.push({ atMs: session.startedAtMs, value });
      rows.set(key, points);
    }
  }
  return [...rows.entries()].map(([key, points]) => ({ key, points }));
}
