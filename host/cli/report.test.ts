/**
 * `proprio report`: arguments refused with the reason, an unknown session or a missing Chromium
 * refused with a clear message and nothing written, and a real PDF of a stored session whose
 * text (pdftotext) names the patient and the trial, with the export in the audit log.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addTrial, finishSession, listAudit } from '../storage/index.ts';
import { clinicFixture, expectOk, type ClinicFixture } from '../storage/testing/clinic-fixture.ts';
import { parseReportArgs, runReport } from './report.ts';

let fixture: ClinicFixture | undefined;
afterEach(() => {
  fixture?.dispose();
  fixture = undefined;
});

function output() {
  const lines = { out: [] as string[], error: [] as string[] };
  return { lines, io: { out: (l: string) => void lines.out.push(l), error: (l: string) => void lines.error.push(l) } };
}

describe('proprio report arguments', () => {
  it.each([
    [[], /SESSION must be a session number/],
    [['twelve', '--out', 'r.pdf'], /SESSION must be a session number/],
    [['12'], /--out FILE\.pdf is required/],
    [['12', '--out', 'report.txt'], /--out FILE\.pdf is required/],
    [['12', '13', '--out', 'r.pdf'], /unexpected arguments: 13/],
    [['12', '--out', 'r.pdf', '--db', ' '], /--db needs a file path/],
    [['12', '--out', 'r.pdf', '--pages', '2'], /Unknown option '--pages'/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseReportArgs(argv, '/tmp/none');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('defaults the database to the app’s', () => {
    expect(parseReportArgs(['7', '--out', 'x.pdf'], '/home/u/.config/Proprio')).toEqual({ ok: true, value: { sessionId: 7, outPath: 'x.pdf', dbPath: '/home/u/.config/Proprio/proprio.sqlite' } });
  });
});

describe('proprio report', () => {
  it('writes the session as a PDF that names the patient and the trial, and audits the export', async () => {
    fixture = clinicFixture();
    const f = fixture;
    const metrics = { outcome: 'completed', holdMs: 30_000, isPlateCalibrated: false, sway: { pathLengthMm: 412.5, meanVelocityMmS: 13.75, rmsMm: 4.2, ellipseArea95Mm2: 180 } };
    expectOk(addTrial(f.storage, { sessionId: f.sessionId, protocol: 'romberg', condition: 'ec', startedAtMs: 1, endedAtMs: 2, metrics, algorithmVersion: 'v1' }, f.operatorId));
    expectOk(finishSession(f.storage, f.sessionId, 'complete', f.operatorId));
    const out = join(f.dir, 'report.pdf');
    const { lines, io } = output();
    expect(await runReport({ sessionId: f.sessionId, outPath: out, dbPath: f.path }, io, 'Proprio test')).toBe(0);
    expect(lines.error).toEqual([]);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Patient\s+Lovelace, Ada \(clinic ID C-0001\), born 1965-12-10/);
    expect(text).toMatch(/ec\s+completed\s+30\.0\s+413\s+13\.8\s+4\.2\s+180/);
    expect(text).toContain('Measured on a force plate without a valid calibration');
    expect(listAudit(f.storage, 5).find((a) => a.action === 'report-exported')).toMatchObject({ entity: 'session', entityId: f.sessionId, detail: { via: 'cli' } });
  });

  it('refuses an unknown session and a missing Chromium with a message, writing nothing', async () => {
    fixture = clinicFixture();
    const out = join(fixture.dir, 'none.pdf');
    const unknown = output();
    expect(await runReport({ sessionId: 999, outPath: out, dbPath: fixture.path }, unknown.io, 'Proprio test')).toBe(1);
    expect(unknown.lines.error.join('\n')).toMatch(/no session with id 999/);
    const previous = process.env['PROPRIO_CHROMIUM'];
    process.env['PROPRIO_CHROMIUM'] = '/nonexistent/chromium';
    try {
      const missing = output();
      expect(await runReport({ sessionId: fixture.sessionId, outPath: out, dbPath: fixture.path }, missing.io, 'Proprio test')).toBe(1);
      expect(missing.lines.error.join('\n')).toMatch(/needs Chromium, not found at \/nonexistent\/chromium/);
    } finally {
      if (previous === undefined) delete process.env['PROPRIO_CHROMIUM'];
      else process.env['PROPRIO_CHROMIUM'] = previous;
    }
    expect(existsSync(out)).toBe(false);
  });
});
