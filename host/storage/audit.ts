/**
 * The audit trail: who did what, when. Append-only: triggers in the schema refuse UPDATE and
 * DELETE on `audit_log` (schema-v1.ts), so not even a bug here can rewrite history. Repositories
 * append inside the transaction of the change they record, so a change and its audit row are
 * committed together or not at all.
 */
import type { Storage } from './storage.ts';

export interface AuditEntry {
  /** The operator who acted; undefined for the system (crash recovery, restore from the CLI). */
  readonly operatorId: number | undefined;
  readonly action: string;
  readonly entity: string;
  readonly entityId: number | undefined;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface AuditRow {
  readonly id: number;
  readonly atMs: number;
  readonly operatorId: number | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: number | null;
  readonly detail: Record<string, unknown>;
}

export function appendAudit(storage: Storage, entry: AuditEntry): void {
  storage.db
    .prepare('INSERT INTO audit_log (at_ms, operator_id, action, entity, entity_id, detail_json) VALUES (?, ?, ?, ?, ?, ?)')
    .run(storage.nowMs(), entry.operatorId ?? null, entry.action, entry.entity, entry.entityId ?? null, JSON.stringify(entry.detail ?? {}));
}

type AuditDbRow = { id: number; at_ms: number; operator_id: number | null; action: string; entity: string; entity_id: number | null; detail_json: string };
const COLUMNS = 'id, at_ms, operator_id, action, entity, entity_id, detail_json';

function fromRow(row: AuditDbRow): AuditRow {
  return {
    id: row.id,
    atMs: row.at_ms,
    operatorId: row.operator_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    detail: JSON.parse(row.detail_json) as Record<string, unknown>,
  };
}

/** The most recent `limit` entries, newest first. */
export function listAudit(storage: Storage, limit: number): AuditRow[] {
  const rows = storage.db.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY id DESC LIMIT ?`).all(limit) as AuditDbRow[];
  return rows.map(fromRow);
}

/** Every entry of `action` about one entity (e.g. a patient's contraindication checklists), newest first. */
export function auditOf(storage: Storage, action: string, entity: string, entityId: number): AuditRow[] {
  const rows = storage.db.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE action = ? AND entity = ? AND entity_id = ? ORDER BY id DESC`).all(action, entity, entityId) as AuditDbRow[];
  return rows.map(fromRow);
}
