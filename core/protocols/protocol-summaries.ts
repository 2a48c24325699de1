/**
 * Protocol-level results from the trials' sway metrics: the Romberg quotient and the mCTSIB
 * condition means and composite (shared/reference/balance.md §2.1, §2.2, §7.1 item 14, §7.2).
 */
import type { SwayMetricKey, SwayMetrics } from '../balance/sway-metrics.ts';
import type { TrialOutcome } from './protocol-engine.ts';
import type { TrialCondition } from './protocol-types.ts';

export interface TrialMetricsRecord {
  readonly condition: TrialCondition;
  readonly outcome: TrialOutcome;
  /** Sway metrics of a completed trial; null for a trial that fell. */
  readonly metrics: SwayMetrics | null;
}

/** RQ = metric(EC) / metric(EO) for these measures, each labelled [LeKapoula08], [Maeda22]. */
export const ROMBERG_QUOTIENT_METRICS = ['meanVelocityMmS', 'pathLengthMm', 'ellipseArea95Mm2'] as const satisfies readonly SwayMetricKey[];

export interface RombergQuotient {
  readonly metric: (typeof ROMBERG_QUOTIENT_METRICS)[number];
  readonly eyesOpen: number | null;
  readonly eyesClosed: number | null;
  /** null when either side is missing (a fall) or eyes-open is 0. */
  readonly quotient: number | null;
}

function meanOf(records: readonly TrialMetricsRecord[], key: SwayMetricKey): number | null {
  const values = records.flatMap((r) => (r.outcome === 'completed' && r.metrics?.[key] != null ? [r.metrics[key]] : []));
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Means over each condition's completed trials, then EC / EO. */
export function rombergQuotients(records: readonly TrialMetricsRecord[]): RombergQuotient[] {
  const open = records.filter((r) => r.condition.eyes === 'open');
  const closed = records.filter((r) => r.condition.eyes === 'closed');
  return ROMBERG_QUOTIENT_METRICS.map((metric) => {
    const eyesOpen = meanOf(open, metric);
    const eyesClosed = meanOf(closed, metric);
    const quotient = eyesOpen !== null && eyesClosed !== null && eyesOpen > 0 ? eyesClosed / eyesOpen : null;
    return { metric, eyesOpen, eyesClosed, quotient };
  });
}

export interface MctsibCondition {
  readonly key: string;
  /** Mean sway velocity over the condition's valid trials, mm/s [NeuroCom-mCTSIB]. */
  readonly meanVelocityMmS: number | null;
  readonly trials: number;
  readonly fell: number;
}

export interface MctsibSummary {
  readonly conditions: readonly MctsibCondition[];
  /**
   * Mean sway velocity over every trial, only when no trial fell; otherwise the conditions that
   * had a fall, and never a substitute number (balance.md §7.2, DESIGN).
   */
  readonly composite: { readonly kind: 'computed'; readonly meanVelocityMmS: number } | { readonly kind: 'notComputed'; readonly fellIn: readonly string[] };
}

export function mctsibSummary(records: readonly TrialMetricsRecord[]): MctsibSummary {
  const keys = [...new Set(records.map((r) => `eyes-${r.condition.eyes}-${r.condition.surface}`))];
  const conditions = keys.map((key): MctsibCondition => {
    const own = records.filter((r) => `eyes-${r.condition.eyes}-${r.condition.surface}` === key);
    return { key, meanVelocityMmS: meanOf(own, 'meanVelocityMmS'), trials: own.length, fell: own.filter((r) => r.outcome === 'fell').length };
  });
  const fellIn = conditions.filter((c) => c.fell > 0).map((c) => c.key);
  const overall = meanOf(records, 'meanVelocityMmS');
  const composite = fellIn.length === 0 && overall !== null ? { kind: 'computed' as const, meanVelocityMmS: overall } : { kind: 'notComputed' as const, fellIn };
  return { conditions, composite };
}
