/**
 * `proprio db`: the database tools for technicians and QA (DB_USAGE in db-args.ts). Exit codes:
 * 0 done, 1 the database or file is not usable (message says why; nothing was changed), 2 bad
 * arguments (main.ts). Export and backup open the database beside a running app without
 * touching its live session (no crash recovery from here).
 */
import { existsSync } from 'node:fs';
import { assertNever } from '../../core/index.ts';
import { backupDatabase, checkDatabase, exportSession, openStorage, restoreDatabase, type CheckReport, type Storage } from '../storage/index.ts';
import type { DbCommand } from './db-args.ts';

export interface DbIo {
  readonly out: (line: string) => void;
  readonly error: (line: string) => void;
}

export async function runDb(command: DbCommand, io: DbIo): Promise<number> {
  switch (command.kind) {
    case 'check':
      return runCheck(command.databasePath, io);
    case 'export':
      return withStorage(command.databasePath, io, (storage) => {
        const exported = exportSession(storage, command.sessionId, command.outDir);
        if (!exported.ok) return failure(io, exported.error.message);
        for (const path of [exported.value.jsonPath, ...exported.value.csvPaths]) io.out(path);
        return 0;
      });
    case 'backup':
      return withStorage(command.databasePath, io, async (storage) => {
        const backup = await backupDatabase(storage, command.outPath);
        if (!backup.ok) return failure(io, backup.error.message);
        io.out(`backed up ${command.databasePath} to ${backup.value.path} (${backup.value.pages} pages, checked)`);
        return 0;
      });
    case 'restore': {
      const restored = await restoreDatabase(command.databasePath, command.fromPath);
      if (!restored.ok) return failure(io, restored.error.message);
      const kept = restored.value.previousCopyPath;
      io.out(`restored ${command.databasePath} from ${command.fromPath} (schema version ${restored.value.backupVersion})`);
      if (kept !== undefined) io.out(`the replaced database is kept as ${kept}`);
      return 0;
    }
    default:
      return assertNever(command, 'db command');
  }
}

function runCheck(path: string, io: DbIo): number {
  const checked = checkDatabase(path);
  if (!checked.ok) return failure(io, checked.error.message);
  const report: CheckReport = checked.value;
  io.out(`database       ${path}`);
  io.out(`schema version ${report.version}`);
  io.out(`integrity      ${report.integrity.join('; ')}`);
  io.out(`foreign keys   ${report.foreignKeyProblems === 0 ? 'ok' : `${report.foreignKeyProblems} broken references`}`);
  for (const [table, rows] of Object.entries(report.rows)) io.out(`${table.padEnd(14)} ${rows}`);
  io.out(`samples        ${report.samples}`);
  if (report.openSessionIds.length > 0) {
    io.out(`recording      sessions ${report.openSessionIds.join(', ')} (live, or interrupted: the app marks them when it next starts)`);
  }
  io.out(report.isSound ? 'result         sound' : 'result         DAMAGED');
  return report.isSound ? 0 : 1;
}

async function withStorage(path: string, io: DbIo, use: (storage: Storage) => number | Promise<number>): Promise<number> {
  if (!existsSync(path)) return failure(io, `no database at ${path}`);
  const opened = openStorage({ path, recoverInterrupted: false });
  if (!opened.ok) return failure(io, opened.error.message);
  try {
    return await use(opened.value.storage);
  } finally {
    opened.value.storage.close();
  }
}

function failure(io: DbIo, message: string): number {
  io.error(`proprio db: ${message}`);
  return 1;
}
