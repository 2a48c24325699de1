/**
 * A patient's decompression history as the envelope reads it (core SessionHistory, ref §7.1):
 * completed sessions, the last one's hold tension (kept in the session's notes as JSON), the days
 * since, and whether a session since then ended early. Simulated sessions are not the patient's.
 */
import { FIRST_SESSION, type SessionHistory } from '../../core/index.ts';
import { sessionsForPatient, type Storage } from '../storage/index.ts';

const DAY_MS = 86_400_000;

/** What a decompression session keeps in its notes, read back here. */
export interface DecompressionNotes {
  readonly maxN: number;
  readonly region: string;
  readonly program: string;
}

export function decompressionHistory(storage: Storage, patientId: number, nowMs: number): SessionHistory {
  const sessions = sessionsForPatient(storage, patientId);
  if (!sessions.ok) return FIRST_SESSION;
  const decompression = sessions.value.filter((s) => s.kind === 'decompression'); // newest first
  const endedEarly = (s: { readonly status: string }): boolean => s.status === 'aborted' || s.status === 'interrupted';
  const lastComplete = decompression.find((s) => s.status === 'complete');
  if (lastComplete === undefined) return { ...FIRST_SESSION, hasSafetyEventSincePrevious: decompression.some(endedEarly) };
  const since = decompression.slice(0, decompression.indexOf(lastComplete));
  let previousMaxN: number | undefined;
  try {
    const notes = JSON.parse(lastComplete.notes) as Partial<DecompressionNotes>;
    previousMaxN = typeof notes.maxN === 'number' ? notes.maxN : undefined;
  } catch {
    previousMaxN = undefined;
  }
  return {
    completedSessions: decompression.filter((s) => s.status === 'complete').length,
    previousMaxN,
    daysSincePrevious: lastComplete.endedAtMs === null ? undefined : Math.floor((nowMs - lastComplete.endedAtMs) / DAY_MS),
    hasSafetyEventSincePrevious: since.some(endedEarly),
  };
}
