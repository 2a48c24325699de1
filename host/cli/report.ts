/**
 * `proprio report SESSION --out FILE.pdf [--db PATH]`: a session's printable report as PDF, from
 * the clinic database, for the clinic's records (the app's History screen saves the same page).
 * Needs Chromium at run time (Debian: apt-get install chromium, or PROPRIO_CHROMIUM=path).
 * Exit 0 written, 1 the database or the PDF failed, 2 bad arguments. The export is audited.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../../core/index.ts';
import { htmlToPdf, sessionReport } from '../report/index.ts';
import { appendAudit, defaultDatabasePath, openStorage } from '../storage/index.ts';
import { defaultUserDataDir } from './db-args.ts';

export const REPORT_USAGE = `usage: proprio report SESSION --out FILE.pdf [--db PATH]
  SESSION     the session's number (History screen, proprio db export)
  --out FILE  where to write the PDF (must end in .pdf)
  --db PATH   the database (default: the app's, <user data>/proprio.sqlite)
needs Chromium: apt-get install chromium, or PROPRIO_CHROMIUM=/path/to/chromium`;

export interface ReportOptions {
  readonly sessionId: number;
  readonly outPath: string;
  readonly dbPath: string;
}

export function parseReportArgs(argv: readonly string[], userDataDir = defaultUserDataDir()): Result<ReportOptions, string> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: { out: { type: 'string' }, db: { type: 'string' } } });
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
  const [session, ...extra] = parsed.positionals;
  if (session === undefined || !/^[1-9]\d{0,14}$/.test(session)) return err('SESSION must be a session number, e.g. proprio report 12 --out report.pdf');
  if (extra.length > 0) return err(`unexpected arguments: ${extra.join(' ')}`);
  const out = parsed.values.out;
  if (out === undefined || !out.toLowerCase().endsWith('.pdf')) return err('--out FILE.pdf is required');
  if (parsed.values.db !== undefined && parsed.values.db.trim() === '') return err('--db needs a file path');
  return ok({ sessionId: Number(session), outPath: out, dbPath: parsed.values.db ?? defaultDatabasePath(userDataDir) });
}

export async function runReport(options: ReportOptions, io: { readonly out: (line: string) => void; readonly error: (line: string) => void }, footer: string): Promise<number> {
  const opened = openStorage({ path: options.dbPath, recoverInterrupted: false });
  if (!opened.ok) {
    io.error(`proprio report: ${opened.error.message}`);
    return 1;
  }
  const storage = opened.value.storage;
  try {
    const report = sessionReport(storage, options.sessionId, footer);
    if (!report.ok) {
      io.error(`proprio report: ${report.error.message}`);
      return 1;
    }
    const pdf = await htmlToPdf(report.value.html);
    if (!pdf.ok) {
      io.error(`proprio report: ${pdf.error}`);
      return 1;
    }
    writeFileSync(options.outPath, pdf.value);
    appendAudit(storage, { operatorId: undefined, action: 'report-exported', entity: 'session', entityId: options.sessionId, detail: { file: path.resolve(options.outPath), via: 'cli' } });
    io.out(`session ${options.sessionId}: ${pdf.value.length} bytes written to ${options.outPath}`);
    return 0;
  } finally {
    storage.close();
  }
}
