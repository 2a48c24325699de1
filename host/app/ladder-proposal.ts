/**
 * balance.nextLevel: the patient's ladder sessions from the clinic database (simulated ones left
 * out, as from every history and trend), judged by core proposeLevel.
 */
import { apiError, type ApiResponse, type NextLevelView } from '../../api/index.ts';
import { ok, proposeLevel, REEDUCATION_LADDER, type LadderSessionRecord, type LevelProposal } from '../../core/index.ts';
import { listTrials, sessionsForPatient, type Storage } from '../storage/index.ts';
import { symptomsOfSession } from './symptom-marks.ts';

const REASON_TEXT: Readonly<Record<LevelProposal['reason'], string>> = {
  start: 'first level of the program',
  mastered: 'the last level was mastered without symptoms',
  notMastered: 'the last level is not mastered yet: repeat it',
  symptoms: 'symptoms were marked at the last level: repeat it',
  heldByTherapist: 'held by the therapist',
  steppedBackByTherapist: 'stepped back by the therapist',
  top: 'the top level was mastered: keep it',
};

const timeOnTargetOf = (metrics: Readonly<Record<string, unknown>>): number | null => {
  const tracking = metrics['tracking'] as { timeOnTargetPct?: unknown } | null | undefined;
  return metrics['outcome'] === 'completed' && typeof tracking?.timeOnTargetPct === 'number' ? tracking.timeOnTargetPct : null;
};

export function nextLevelFor(storage: Storage, patientId: number): ApiResponse<NextLevelView> {
  const sessions = sessionsForPatient(storage, patientId);
  if (!sessions.ok) return apiError('not-found', `There is no patient with id ${patientId}.`);
  const records: LadderSessionRecord[] = sessions.value
    .filter((s) => s.kind === 'balance')
    .map((s) => ({
      sessionId: s.id,
      trials: listTrials(storage, s.id).map((t) => ({ protocolId: t.protocol, trialId: t.condition, timeOnTargetPct: timeOnTargetOf(t.metrics) })),
      hasSymptoms: symptomsOfSession(storage, s.id).length > 0,
    }));
  const proposal = proposeLevel(records);
  const name = REEDUCATION_LADDER.find((l) => l.level === proposal.level)?.name ?? '';
  return ok({
    level: proposal.level,
    protocolId: proposal.protocolId,
    name: `Re-education level ${proposal.level}: ${name}`,
    reason: REASON_TEXT[proposal.reason],
    basedOnSessionId: proposal.basedOnSessionId,
  });
}
