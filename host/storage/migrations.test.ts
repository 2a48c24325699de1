import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from './migrations.ts';
import { openStorage } from './open-storage.ts';
import { getPatient } from './patients.ts';
import { getSession } from './sessions.ts';
import { expectOk } from './testing/clinic-fixture.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function databaseAt(version: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'proprio-migrate-'));
  dirs.push(dir);
  const path = join(dir, 'proprio.sqlite');
  const db = new Database(path);
  migrate(db, version);
  SEEDS[version]?.(db);
  db.close();
  return path;
}

/** Rows as the app wrote them at each version, written with that version's columns only. */
const SEEDS: Record<number, (db: Database.Database) => void> = {
  1: (db) => {
    db.exec(`INSERT INTO operators (id, username, display_name, role, created_at_ms) VALUES (1, 'thera', 'Thera', 'therapist', 1);
      INSERT INTO patients (id, clinic_id, family_name, given_name, date_of_birth, height_mm, body_mass_kg, created_at_ms, updated_at_ms)
        VALUES (1, 'C-1', 'Doe', 'Jo', '1970-02-03', 1750, 80, 1, 1);
      INSERT INTO sessions (id, patient_id, operator_id, kind, status, started_at_ms, ended_at_ms) VALUES (1, 1, 1, 'balance', 'complete', 10, 20);
      INSERT INTO audit_log (at_ms, action, entity, detail_json) VALUES (1, 'patient-created', 'patient', '{}');`);
  },
  // Version 2 added only a defaulted column: the same rows fit.
  2: (db) => SEEDS[1]?.(db),
};

function schemaOf(path: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  const freshSchema = schemaOf(databaseAt(SCHEMA_VERSION));

  for (let version = 0; version < SCHEMA_VERSION; version++) {
    it(`migrates a database at version ${version} to ${SCHEMA_VERSION}, keeping its rows and ending with the fresh schema`, () => {
      const path = databaseAt(version);
      const { storage } = expectOk(openStorage({ path, recoverInterrupted: false }));
      try {
        expect(storage.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(storage.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(storage.db.pragma('foreign_key_check')).toEqual([]);
        if (version >= 1) {
          expect(expectOk(getPatient(storage, 1)).clinicId).toBe('C-1');
          const session = expectOk(getSession(storage, 1));
          expect(session).toMatchObject({ status: 'complete', endedAtMs: 20, isSimulated: false });
          expect((storage.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(1);
        }
      } finally {
        storage.close();
      }
      expect(schemaOf(path)).toEqual(freshSchema);
    });
  }

  it('leaves a database already at the latest version as it is', () => {
    const path = databaseAt(SCHEMA_VERSION);
    const before = schemaOf(path);
    expectOk(openStorage({ path })).storage.close();
    expect(schemaOf(path)).toEqual(before);
  });

  it('never goes down: migrating to an older version is a bug', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(() => migrate(db, SCHEMA_VERSION - 1)).toThrow(/cannot migrate/);
    db.close();
  });
});
