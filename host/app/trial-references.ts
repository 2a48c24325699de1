/**
 * The published reference values beside one trial (core referenceValuesFor: only where balance.md
 * sources them for the same protocol and measure) with the patient's own value from the trial's
 * sway metrics. The run shows them as results come; the session report prints the same.
 */
import type { ReferenceValueView } from '../../api/index.ts';
import { referenceValuesFor, type TrialSpec } from '../../core/index.ts';

export function trialReferences(protocolId: string, trial: TrialSpec | undefined, ageY: number | null, sway: unknown): ReferenceValueView[] {
  if (trial === undefined || typeof sway !== 'object' || sway === null) return [];
  const metrics = sway as Record<string, unknown>;
  return referenceValuesFor({ protocolId, condition: trial.condition, durationMs: trial.durationMs, ageY }).map((ref) => {
    const value = metrics[ref.measure];
    return { ...ref, patientValueMmS: typeof value === 'number' && Number.isFinite(value) ? value : null };
  });
}
