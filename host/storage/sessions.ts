/**
 * Sessions: one patient, one operator, one kind of treatment or test, from start to end.
 *
 * ```
 *   createSession ──► recording ──finishSession──► complete | aborted
 *                         │
 *                         └── process died (found at the next openStorage) ──► interrupted
 * ```
 * A session is `recording` only while some process is writing it; any other status is final.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../core/index.ts';
import { appendAudit } from './audit.ts';
import { checkRefs, inTransaction, parseInput } from './repository-kit.ts';
import { notFound, type StorageError } from './storage-errors.ts';
import type { Storage } from './storage.ts';

export const SESSION_KINDS = ['balance', 'decompression'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export type SessionStatus = 'recording' | 'complete' | 'aborted' | 'interrupted';

const sessionFields = z.strictObject({
  patientId: z.int().positive(),
  operatorId: z.int().positive(),
  kind: z.enum(SESSION_KINDS),
  /** A session on simulated devices (demo, training): kept out of the patient's history. */
  isSimulated: z.boolean().default(false),
  notes: z.string().max(10_000).default(''),
});

export type SessionInput = z.input<typeof sessionFields>;

export interface Session {
  readonly id: number;
  readonly patientId: number;
  readonly operatorId: number;
  readonly kind: SessionKind;
  readonly status: SessionStatus;
  readonly startedAtMs: number;
  /** Null while recording. For an interrupted session, estimated from the device time its data spans. */
  readonly endedAtMs: number | null;
  readonly isSimulated: boolean;
  readonly notes: string;
}

interface SessionRow {
  id: number;
  patient_id: number;
  operator_id: number;
  kind: SessionKind;
  status: SessionStatus;
  started_at_ms: number;
  ended_at_ms: number | null;
  simulated: number;
  notes: string;
}

/** Starts a session in status `recording`. */
export function createSession(storage: Storage, input: unknown): Result<Session, StorageError> {
  const parsed = parseInput(sessionFields, input);
  if (!parsed.ok) return parsed;
  const fields = parsed.value;
  const missing = checkRefs(storage, [
    ['patient', fields.patientId],
    ['operator', fields.operatorId],
  ]);
  if (missing !== undefined) return err(missing);
  return inTransaction(storage, () => {
    const id = Number(
      storage.db
        .prepare('INSERT INTO sessions (patient_id, operator_id, kind, status, started_at_ms, simulated, notes) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(fields.patientId, fields.operatorId, fields.kind, 'recording', storage.nowMs(), fields.isSimulated ? 1 : 0, fields.notes).lastInsertRowid,
    );
    appendAudit(storage, { operatorId: fields.operatorId, action: 'session-started', entity: 'session', entityId: id, detail: { kind: fields.kind, patientId: fields.patientId } });
    return getSession(storage, id);
  });
}

/** Ends a `recording` session as complete or aborted; any other status is final and refused. */
export function finishSession(storage: Storage, id: number, status: 'complete' | 'aborted', operatorId: number): Result<Session, StorageError> {
  const session = getSession(storage, id);
  if (!session.ok) return session;
  const missing = checkRefs(storage, [['operator', operatorId]]);
  if (missing !== undefined) return err(missing);
  if (session.value.status !== 'recording') {
    return err({ code: 'invalid-state', message: `session ${id} is already ${session.value.status}` });
  }
  return inTransaction(storage, () => {
    storage.db.prepare('UPDATE sessions SET status = ?, ended_at_ms = ? WHERE id = ?').run(status, storage.nowMs(), id);
    appendAudit(storage, { operatorId, action: `session-${status}`, entity: 'session', entityId: id });
    return getSession(storage, id);
  });
}

export function getSession(storage: Storage, id: number): Result<Session, StorageError> {
  const row = storage.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
  return row === undefined ? err(notFound('session', id)) : ok(fromRow(row));
}

/** A patient's sessions, newest first; simulated ones only when asked for. */
export function sessionsForPatient(storage: Storage, patientId: number, options: { readonly includeSimulated?: boolean } = {}): Result<Session[], StorageError> {
  const missing = checkRefs(storage, [['patient', patientId]]);
  if (missing !== undefined) return err(missing);
  const rows = storage.db
    .prepare(`SELECT * FROM sessions WHERE patient_id = ? ${options.includeSimulated === true ? '' : 'AND simulated = 0'} ORDER BY started_at_ms DESC, id DESC`)
    .all(patientId) as SessionRow[];
  return ok(rows.map(fromRow));
}

/**
 * Crash recovery, run when the app opens the database: a session still `recording` belonged to
 * a process that died. It becomes `interrupted`, its end estimated from the device time its
 * streams span (the data itself is already committed), and the audit log says so.
 */
export function markInterruptedSessions(storage: Storage): number[] {
  const open = storage.db.prepare("SELECT id, started_at_ms FROM sessions WHERE status = 'recording'").all() as { id: number; started_at_ms: number }[];
  const spanOf = storage.db.prepare(
    `SELECT max(s.opened_at_ms + (SELECT (max(c.last_t_us) - min(c.first_t_us)) / 1000 FROM stream_chunks c WHERE c.stream_id = s.id)) AS end_ms
     FROM streams s WHERE s.session_id = ?`,
  );
  storage.db.transaction(() => {
    for (const session of open) {
      const endMs = (spanOf.get(session.id) as { end_ms: number | null }).end_ms;
      storage.db.prepare("UPDATE sessions SET status = 'interrupted', ended_at_ms = ? WHERE id = ?").run(Math.round(endMs ?? session.started_at_ms), session.id);
      appendAudit(storage, { operatorId: undefined, action: 'session-interrupted', entity: 'session', entityId: session.id });
    }
  })();
  return open.map((session) => session.id);
}

function fromRow(row: SessionRow): Session {
  return {
    id: row.id,
    patientId: row.patient_id,
    operatorId: row.operator_id,
    kind: row.kind,
    status: row.status,
    startedAtMs: row.started_at_ms,
    endedAtMs: row.ended_at_ms,
    isSimulated: row.simulated === 1,
    notes: row.notes,
  };
}
