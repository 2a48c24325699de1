import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PROPRIO_APPLICATION_ID, SCHEMA_VERSION } from './migrations.ts';
import { openStorage } from './open-storage.ts';
import { listPatients } from './patients.ts';
import { expectOk } from './testing/clinic-fixture.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempPath(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'proprio-open-'));
  dirs.push(dir);
  return join(dir, name);
}

function refusedUntouched(path: string, code: string): void {
  const before = readFileSync(path);
  const opened = openStorage({ path });
  expect(opened.ok).toBe(false);
  if (!opened.ok) {
    expect(opened.error.code).toBe(code);
    expect(opened.error.message).toContain(path);
  }
  expect(readFileSync(path).equals(before)).toBe(true);
}

describe('openStorage', () => {
  it('creates a new database in WAL mode with foreign keys on', () => {
    const path = tempPath('new.sqlite');
    const { storage } = expectOk(openStorage({ path }));
    expect(storage.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(storage.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(storage.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(storage.db.pragma('application_id', { simple: true })).toBe(PROPRIO_APPLICATION_ID);
    expect(listPatients(storage)).toEqual([]);
    storage.close();
  });

  it('opens an empty file as a new database', () => {
    const path = tempPath('empty.sqlite');
    writeFileSync(path, '');
    const { storage } = expectOk(openStorage({ path }));
    expect(storage.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    storage.close();
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const path = tempPath('notes.txt');
    writeFileSync(path, 'patient notes, not a database\n'.repeat(100));
    refusedUntouched(path, 'not-a-database');
  });

  it("refuses another program's SQLite database and leaves it untouched", () => {
    const path = tempPath('other.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
    db.close();
    refusedUntouched(path, 'foreign-database');
  });

  it('refuses a database from a newer Proprio and leaves it untouched', () => {
    const path = tempPath('newer.sqlite');
    const db = new Database(path);
    db.pragma(`application_id = ${PROPRIO_APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.exec('CREATE TABLE future (x)');
    db.close();
    refusedUntouched(path, 'schema-too-new');
  });

  it('refuses a damaged database and leaves it untouched', () => {
    const path = tempPath('damaged.sqlite');
    const db = new Database(path);
    db.pragma(`application_id = ${PROPRIO_APPLICATION_ID}`);
    db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x);');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(50)}`);
    })();
    db.close();
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, pageSize * 3 + 8, pageSize * 3 + 400);
    writeFileSync(path, bytes);
    refusedUntouched(path, 'corrupt');
  });

  it('reports a folder that does not exist as an I/O error', () => {
    const opened = openStorage({ path: join(tempPath('x'), 'missing', 'proprio.sqlite') });
    expect(opened.ok ? undefined : opened.error.code).toBe('io');
  });
});
