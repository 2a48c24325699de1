/**
 * Symptoms the therapist marks in a balance session, kept as `operator-action` events of the
 * session (detail `what: 'symptom'`) with an audit row under the operator, written together. Read
 * back for the run, the history and the session report.
 */
import { apiError, type ApiResponse, type SymptomMark } from '../../api/index.ts';
import { ok, SYMPTOMS, type Symptom } from '../../core/index.ts';
import { addEvent, appendAudit, getOperator, getSession, listEvents, listTrials, type SessionEvent, type Storage } from '../storage/index.ts';
import { storageRefusal } from './storage-refusal.ts';

export interface SymptomInput {
  readonly sessionId: number;
  readonly trialId: string | null;
  readonly symptom: Symptom;
  readonly note: string;
}

const SYMPTOM_EVENT = 'symptom';

function markOf(storage: Storage, event: SessionEvent): SymptomMark | undefined {
  const d = event.detail;
  const symptom = SYMPTOMS.find((s) => s === d['symptom']);
  if (d['what'] !== SYMPTOM_EVENT || symptom === undefined) return undefined;
  const operatorId = typeof d['operatorId'] === 'number' ? d['operatorId'] : 0;
  const operator = getOperator(storage, operatorId);
  return {
    id: event.id,
    sessionId: event.sessionId,
    trialId: typeof d['trialId'] === 'string' ? d['trialId'] : null,
    symptom,
    note: typeof d['note'] === 'string' ? d['note'] : '',
    atMs: event.atMs,
    operator: operator.ok ? operator.value.displayName : `operator #${operatorId}`,
  };
}

/** The session's symptom marks, oldest first. */
export function symptomsOfSession(storage: Storage, sessionId: number): SymptomMark[] {
  return listEvents(storage, sessionId).flatMap((e) => (e.kind === 'operator-action' ? (markOf(storage, e) ?? []) : []));
}

/**
 * Stores a mark. `runTrialIds` are the trial ids of the protocol running in this session (a trial
 * may be marked before its result is stored); for an earlier session, its stored trials count.
 */
export function markSymptom(storage: Storage, input: SymptomInput, operatorId: number, atMs: number, runTrialIds: readonly string[] | undefined): ApiResponse<SymptomMark> {
  const session = getSession(storage, input.sessionId);
  if (!session.ok) return apiError('not-found', `There is no session with id ${input.sessionId}.`);
  if (session.value.kind !== 'balance') return apiError('refused', `Session ${input.sessionId} is not a balance session; symptoms are marked in balance sessions.`);
  const trialIds = runTrialIds ?? listTrials(storage, input.sessionId).map((t) => t.condition);
  if (input.trialId !== null && !trialIds.includes(input.trialId)) {
    return apiError('invalid-request', `Session ${input.sessionId} has no trial "${input.trialId}".`, [{ path: 'trialId', message: 'not a trial of this session' }]);
  }
  const detail = { what: SYMPTOM_EVENT, symptom: input.symptom, note: input.note, trialId: input.trialId, operatorId };
  const stored = storage.db.transaction(() => {
    const event = addEvent(storage, { sessionId: input.sessionId, kind: 'operator-action', atMs: Math.round(atMs), detail });
    if (event.ok) appendAudit(storage, { operatorId, action: 'symptom-marked', entity: 'session', entityId: input.sessionId, detail });
    return event;
  })();
  if (!stored.ok) return storageRefusal(stored.error);
  const mark = markOf(storage, stored.value);
  return mark === undefined ? apiError('storage-error', 'The symptom was stored but could not be read back.') : ok(mark);
}
