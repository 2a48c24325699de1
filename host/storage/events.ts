/**
 * Session events: device connects and disconnects, gaps, faults, protocol phases, operator
 * actions and safety events, each with the wall time and, where a device reported it, the device
 * time. The recorder writes them in its batched flush; others add them one at a time.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../core/index.ts';
import { checkRefs, parseInput } from './repository-kit.ts';
import type { StorageError } from './storage-errors.ts';
import type { Storage } from './storage.ts';

export const EVENT_KINDS = ['connect', 'disconnect', 'gap', 'fault', 'protocol-phase', 'operator-action', 'safety'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

const eventFields = z.strictObject({
  sessionId: z.int().positive(),
  streamId: z.int().positive().nullable().default(null),
  kind: z.enum(EVENT_KINDS),
  atMs: z.int().nonnegative(),
  tUs: z.number().nonnegative().nullable().default(null),
  detail: z.record(z.string(), z.json()).default({}),
});

export type SessionEventInput = z.input<typeof eventFields>;

export interface SessionEvent {
  readonly id: number;
  readonly sessionId: number;
  readonly streamId: number | null;
  readonly kind: EventKind;
  readonly atMs: number;
  readonly tUs: number | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** An event as the recorder queues it (typed by construction, so not parsed again). */
export type NewEvent = Omit<SessionEvent, 'id'>;

export function addEvent(storage: Storage, input: unknown): Result<SessionEvent, StorageError> {
  const parsed = parseInput(eventFields, input);
  if (!parsed.ok) return parsed;
  const missing = checkRefs(storage, [
    ['session', parsed.value.sessionId],
    ['stream', parsed.value.streamId],
  ]);
  if (missing !== undefined) return err(missing);
  const id = eventWriter(storage)(parsed.value);
  return ok({ id, ...parsed.value });
}

/** A prepared insert, for one event or a batch inside a transaction. Returns the new row id. */
export function eventWriter(storage: Storage): (event: NewEvent) => number {
  const insert = storage.db.prepare('INSERT INTO events (session_id, stream_id, kind, at_ms, t_us, detail_json) VALUES (?, ?, ?, ?, ?, ?)');
  return (event) => Number(insert.run(event.sessionId, event.streamId, event.kind, event.atMs, event.tUs, JSON.stringify(event.detail)).lastInsertRowid);
}

/** A session's events in the order they happened. */
export function listEvents(storage: Storage, sessionId: number): SessionEvent[] {
  const rows = storage.db.prepare('SELECT * FROM events WHERE session_id = ? ORDER BY at_ms, id').all(sessionId) as {
    id: number;
    session_id: number;
    stream_id: number | null;
    kind: EventKind;
    at_ms: number;
    t_us: number | null;
    detail_json: string;
  }[];
  return rows.map((row) => ({
    id: row.id,
    sessionId: row.session_id,
    streamId: row.stream_id,
    kind: row.kind,
    atMs: row.at_ms,
    tUs: row.t_us,
    detail: JSON.parse(row.detail_json) as Record<string, unknown>,
  }));
}
