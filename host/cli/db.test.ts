import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualTimers } from '../../test/support/manual-timers.ts';
import { SessionRecorder } from '../recording/index.ts';
import {
  PLATE_CSV_HEADER,
  TABLE_CSV_HEADER,
  addTrial,
  createPatient,
  finishSession,
  listAudit,
  listPatients,
  openStorage,
  readPlateSamples,
} from '../storage/index.ts';
import { clinicFixture, expectOk, PATIENT, plateBlock, PLATE_IDENTITY, seededRandom, type ClinicFixture } from '../storage/testing/clinic-fixture.ts';
import { runDb } from './db.ts';
import type { DbCommand } from './db-args.ts';

let fixture: ClinicFixture;
let out: string[];
let errors: string[];
const io = { out: (line: string) => out.push(line), error: (line: string) => errors.push(line) };
beforeEach(() => {
  fixture = clinicFixture();
  out = [];
  errors = [];
});
afterEach(() => fixture.dispose());

const run = (command: DbCommand): Promise<number> => runDb(command, io);

/** Records 3 s of plate and 1 s of table in the fixture's session, with a trial and an event, and completes it. */
function recordSession(): { plateStreamId: number } {
  const recorder = new SessionRecorder({ storage: fixture.storage, sessionId: fixture.sessionId, timers: new ManualTimers() });
  const plateStreamId = expectOk(recorder.openStream('plate', PLATE_IDENTITY, 1000));
  const tableStreamId = expectOk(recorder.openStream('table', { model: 'DT-9', serial: 'DT9-1', firmware: '2.0.0', protocolVersion: 1 }, 50));
  recorder.pushPlateBlock(plateStreamId, plateBlock(0, 3000, 1000, 1_000_000, seededRandom(5)));
  for (let i = 0; i < 50; i++) {
    recorder.pushTableTelemetry(tableStreamId, { kind: 'telemetry', seq: i, tUs: i * 20_000, state: 'RUN', measuredN: 120.5, setpointN: 121, positionMm: -3.2, velocityMmS: 0, flags: 0x81, region: 'cervical', limitN: 266.9, fault: 0 });
  }
  recorder.note({ kind: 'protocol-phase', tUs: 1_500_000, detail: { phase: 'hold' } });
  expectOk(recorder.stop());
  expectOk(addTrial(fixture.storage, { sessionId: fixture.sessionId, streamId: plateStreamId, protocol: 'romberg', condition: 'eyes-open-firm', startedAtMs: 1, endedAtMs: 2, fromTUs: 1_000_000, toTUs: 3_000_000, metrics: { swayAreaMm2: 88.25 }, algorithmVersion: 'sway-1' }, fixture.operatorId));
  expectOk(finishSession(fixture.storage, fixture.sessionId, 'complete', fixture.operatorId));
  return { plateStreamId };
}

describe('proprio db check', () => {
  it('reports a sound database and its contents', async () => {
    recordSession();
    expect(await run({ kind: 'check', databasePath: fixture.path })).toBe(0);
    expect(out).toContain('integrity      ok');
    expect(out).toContain('samples        3050');
    expect(out.at(-1)).toBe('result         sound');
  });

  it('fails with a clear message for a missing file or one that is not a database', async () => {
    expect(await run({ kind: 'check', databasePath: join(fixture.dir, 'missing.sqlite') })).toBe(1);
    writeFileSync(join(fixture.dir, 'notes.txt'), 'hello');
    expect(await run({ kind: 'check', databasePath: join(fixture.dir, 'notes.txt') })).toBe(1);
    expect(errors).toEqual([`proprio db: no database at ${join(fixture.dir, 'missing.sqlite')}`, `proprio db: ${join(fixture.dir, 'notes.txt')} is not an SQLite database`]);
  });
});

describe('proprio db export', () => {
  it('writes the session as JSON and one CSV per stream, every sample in its documented columns', async () => {
    const { plateStreamId } = recordSession();
    expect(await run({ kind: 'export', databasePath: fixture.path, sessionId: fixture.sessionId, outDir: fixture.dir })).toBe(0);
    const [jsonPath, plateCsv, tableCsv] = out as [string, string, string];
    const document = JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<string, unknown>;
    expect(document).toMatchObject({
      format: { name: 'proprio-session-export', version: 1 },
      session: { id: fixture.sessionId, status: 'complete' },
      patient: { clinicId: PATIENT.clinicId },
      trials: [{ protocol: 'romberg', metrics: { swayAreaMm2: 88.25 }, algorithmVersion: 'sway-1' }],
      events: [{ kind: 'protocol-phase', tUs: 1_500_000, detail: { phase: 'hold' } }],
      streams: [{ kind: 'plate', sampleCount: 3000 }, { kind: 'table', sampleCount: 50 }],
    });
    const plateLines = readFileSync(plateCsv, 'utf8').trimEnd().split('\n');
    const samples = expectOk(readPlateSamples(fixture.storage, plateStreamId));
    expect(plateLines[0]).toBe(PLATE_CSV_HEADER);
    expect(plateLines).toHaveLength(3001);
    expect(plateLines[2]).toBe(`1,1001000,${[...samples.cellCounts.subarray(4, 8)].join(',')},0`);
    const tableLines = readFileSync(tableCsv, 'utf8').trimEnd().split('\n');
    expect(tableLines[0]).toBe(TABLE_CSV_HEADER);
    expect(tableLines[1]).toBe('0,0,RUN,120.5,121,-3.2,0,129,cervical,266.9,0');
    expect(listAudit(fixture.storage, 1)[0]).toMatchObject({ action: 'session-exported', entityId: fixture.sessionId, operatorId: null });
  });

  it('never overwrites: a second export into the same folder fails and leaves the files', async () => {
    recordSession();
    await run({ kind: 'export', databasePath: fixture.path, sessionId: fixture.sessionId, outDir: fixture.dir });
    const before = readFileSync(out[0] as string);
    expect(await run({ kind: 'export', databasePath: fixture.path, sessionId: fixture.sessionId, outDir: fixture.dir })).toBe(1);
    expect(errors[0]).toMatch(/exists; export never overwrites/);
    expect(readFileSync(out[0] as string).equals(before)).toBe(true);
    expect(await run({ kind: 'export', databasePath: fixture.path, sessionId: 404, outDir: fixture.dir })).toBe(1);
    expect(errors[1]).toBe('proprio db: no session with id 404');
  });

  it('refuses a session whose stored samples do not decode, leaving no partial files', async () => {
    const { plateStreamId } = recordSession();
    fixture.storage.db.prepare('UPDATE stream_chunks SET data = substr(data, 1, 100) WHERE id = (SELECT max(id) FROM stream_chunks WHERE stream_id = ?)').run(plateStreamId);
    expect(readPlateSamples(fixture.storage, plateStreamId)).toMatchObject({ ok: false, error: { code: 'corrupt-data' } });
    expect(await run({ kind: 'export', databasePath: fixture.path, sessionId: fixture.sessionId, outDir: fixture.dir })).toBe(1);
    expect(errors[0]).toMatch(/^proprio db: stream \d+, chunk \d+: chunk of 100 bytes is damaged$/);
    expect(readdirSync(fixture.dir).filter((name) => name.startsWith('session-'))).toEqual([]);
  });
});

describe('proprio db backup and restore', () => {
  it('backs up while a session records, and restores the backup, keeping the replaced database', async () => {
    const recorder = new SessionRecorder({ storage: fixture.storage, sessionId: fixture.sessionId, timers: new ManualTimers() });
    const plate = expectOk(recorder.openStream('plate', PLATE_IDENTITY, 1000));
    recorder.pushPlateBlock(plate, plateBlock(0, 2000, 1000, 0, seededRandom(6)));
    recorder.flush();
    const backupPath = join(fixture.dir, 'backup.sqlite');
    expect(await run({ kind: 'backup', databasePath: fixture.path, outPath: backupPath })).toBe(0);
    recorder.pushPlateBlock(plate, plateBlock(2000, 2000, 1000, 0, seededRandom(7)));
    expectOk(recorder.stop());
    expectOk(createPatient(fixture.storage, { ...PATIENT, clinicId: 'C-after-backup' }, fixture.operatorId));
    expect(await run({ kind: 'backup', databasePath: fixture.path, outPath: backupPath })).toBe(1);
    expect(errors[0]).toMatch(/never overwrites/);
    fixture.storage.close();

    expect(await run({ kind: 'restore', databasePath: fixture.path, fromPath: backupPath })).toBe(0);
    const kept = (out.at(-1) as string).replace('the replaced database is kept as ', '');
    const { storage } = expectOk(openStorage({ path: fixture.path }));
    expect(listPatients(storage).map((p) => p.clinicId)).toEqual([PATIENT.clinicId]);
    expect(expectOk(readPlateSamples(storage, plate)).count).toBeGreaterThan(0);
    // The backup caught the session mid-recording: restored, it reads as interrupted.
    expect(listAudit(storage, 2)).toMatchObject([
      { action: 'session-interrupted', entityId: fixture.sessionId },
      { action: 'database-restored', detail: { from: backupPath } },
    ]);
    storage.close();
    const previous = new Database(kept, { readonly: true });
    expect(previous.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 2 });
    previous.close();
  });

  it('refuses a backup that is not a Proprio database, is newer or is damaged, and changes nothing', async () => {
    fixture.storage.close();
    const bytesBefore = readFileSync(fixture.path);
    const text = join(fixture.dir, 'text.sqlite');
    writeFileSync(text, 'not a database at all'.repeat(50));
    const foreign = join(fixture.dir, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const empty = join(fixture.dir, 'empty.sqlite');
    writeFileSync(empty, '');
    for (const [path, message] of [
      [text, /is not an SQLite database/],
      [foreign, /another program/],
      [empty, /empty: not a Proprio backup/],
      [join(fixture.dir, 'none.sqlite'), /empty: not a Proprio backup/],
    ] as const) {
      errors = [];
      expect(await run({ kind: 'restore', databasePath: fixture.path, fromPath: path })).toBe(1);
      expect(errors[0]).toMatch(message);
    }
    expect(readFileSync(fixture.path).equals(bytesBefore)).toBe(true);
    expect(existsSync(`${fixture.path}.restoring`)).toBe(false);
  });
});
