/**
 * Operators: who uses the app and with which role. The password hash column is filled by
 * password-hash.ts (sign-in comes with the clinic-app issue); repositories never see a password.
 */
import { z } from 'zod';
import { OPERATOR_ROLES, type OperatorRole } from '../../api/index.ts';
import { err, ok, type Result } from '../../core/index.ts';
import { appendAudit } from './audit.ts';
import { checkRefs, conflict, inTransaction, isUniqueViolation, parseInput } from './repository-kit.ts';
import { notFound, type StorageError } from './storage-errors.ts';
import type { Storage } from './storage.ts';

// The roles are the contract's (api/auth), so the screens and the database cannot disagree.
export { OPERATOR_ROLES, type OperatorRole };

const operatorFields = z.strictObject({
  username: z.string().regex(/^[a-z0-9._-]{2,40}$/, 'must be 2-40 of a-z 0-9 . _ -'),
  displayName: z.string().trim().min(1, 'must not be empty').max(100),
  role: z.enum(OPERATOR_ROLES),
  passwordHash: z.string().startsWith('scrypt$', 'must come from hashPassword').nullable(),
});

export interface Operator {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: OperatorRole;
  readonly hasPassword: boolean;
  readonly isActive: boolean;
  readonly createdAtMs: number;
}

interface OperatorRow {
  id: number;
  username: string;
  display_name: string;
  role: OperatorRole;
  password_hash: string | null;
  is_active: number;
  created_at_ms: number;
}

/** Adds an operator. `actorId` is the admin who does it; undefined only for the first operator of a new clinic. */
export function createOperator(storage: Storage, input: unknown, actorId: number | undefined): Result<Operator, StorageError> {
  const parsed = parseInput(operatorFields, input);
  if (!parsed.ok) return parsed;
  const fields = parsed.value;
  const missing = checkRefs(storage, [['operator', actorId]]);
  if (missing !== undefined) return err(missing);
  return inTransaction(storage, () => {
    let id: number;
    try {
      id = Number(
        storage.db
          .prepare('INSERT INTO operators (username, display_name, role, password_hash, created_at_ms) VALUES (?, ?, ?, ?, ?)')
          .run(fields.username, fields.displayName, fields.role, fields.passwordHash, storage.nowMs()).lastInsertRowid,
      );
    } catch (error) {
      if (isUniqueViolation(error)) return conflict(`username "${fields.username}" is taken`);
      throw error;
    }
    appendAudit(storage, { operatorId: actorId, action: 'operator-created', entity: 'operator', entityId: id, detail: { role: fields.role } });
    return getOperator(storage, id);
  });
}

export function getOperator(storage: Storage, id: number): Result<Operator, StorageError> {
  const row = storage.db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow | undefined;
  return row === undefined ? err(notFound('operator', id)) : ok(fromRow(row));
}

export function listOperators(storage: Storage): Operator[] {
  return (storage.db.prepare('SELECT * FROM operators ORDER BY username').all() as OperatorRow[]).map(fromRow);
}

/** The stored hash for sign-in (verifyPassword), or undefined for an unknown, inactive or password-less operator. */
export function passwordHashOf(storage: Storage, username: string): { readonly operatorId: number; readonly passwordHash: string } | undefined {
  const row = storage.db.prepare('SELECT id, password_hash FROM operators WHERE username = ? AND is_active = 1').get(username) as
    | { id: number; password_hash: string | null }
    | undefined;
  return row?.password_hash == null ? undefined : { operatorId: row.id, passwordHash: row.password_hash };
}

function fromRow(row: OperatorRow): Operator {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    hasPassword: row.password_hash !== null,
    isActive: row.is_active === 1,
    createdAtMs: row.created_at_ms,
  };
}
