/**
 * `proprio db` arguments: which subcommand, which database, and its own options, checked before
 * anything is opened. Bad arguments are a message and exit code 2 (main.ts), never a half-run.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../../core/index.ts';
import { defaultDatabasePath } from '../storage/index.ts';
import { integerIn } from './cli-numbers.ts';

export const DB_USAGE = `usage: proprio db <command> [--db PATH] [options]
commands:
  check                  integrity check (read-only): file type, schema version, SQLite's page
                         check, references, row and sample counts, sessions still recording
  export --session ID --out DIR
                         session-ID.json (metadata, trials, metrics, events) and one CSV per
                         stream (docs/recording.md), into DIR; never overwrites a file
  backup --out FILE      consistent copy of the database, safe while Proprio records
  restore --from FILE    replace the database with a backup (close Proprio first); the replaced
                         database is kept beside it as PATH.before-restore-<time>.sqlite
options:
  --db PATH              the database (default: ${defaultDatabasePath('<user data>')}, where
                         <user data> is Proprio's folder: ~/.config/Proprio on Linux)`;

export type DbCommand =
  | { readonly kind: 'check'; readonly databasePath: string }
  | { readonly kind: 'export'; readonly databasePath: string; readonly sessionId: number; readonly outDir: string }
  | { readonly kind: 'backup'; readonly databasePath: string; readonly outPath: string }
  | { readonly kind: 'restore'; readonly databasePath: string; readonly fromPath: string };

/** Where Electron keeps `app.getPath('userData')` for the product name Proprio, per platform. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Proprio');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Proprio');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Proprio');
}

const OPTIONS_OF = { check: [], export: ['session', 'out'], backup: ['out'], restore: ['from'] } as const;

export function parseDbArgs(argv: readonly string[], userDataDir: string = defaultUserDataDir()): Result<DbCommand, string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { db: { type: 'string' }, session: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' } },
    });
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (command === undefined) return err('no command given (check, export, backup or restore)');
  if (!(command in OPTIONS_OF)) return err(`unknown command "${command}" (check, export, backup or restore)`);
  if (extra.length > 0) return err(`unexpected argument "${extra[0]}"`);
  const kind = command as keyof typeof OPTIONS_OF;
  const allowed: readonly string[] = OPTIONS_OF[kind];
  for (const name of ['session', 'out', 'from'] as const) {
    if (values[name] !== undefined && !allowed.includes(name)) return err(`--${name} does not apply to "${kind}"`);
    if (values[name] === undefined && allowed.includes(name)) return err(`${kind} needs --${name}`);
    if (values[name] === '') return err(`--${name} must not be empty`);
  }
  if (values.db === '') return err('--db must not be empty');
  const databasePath = values.db ?? defaultDatabasePath(userDataDir);
  switch (kind) {
    case 'check':
      return ok({ kind, databasePath });
    case 'export': {
      const sessionId = integerIn(values.session as string, 1, Number.MAX_SAFE_INTEGER, '--session');
      return sessionId.ok ? ok({ kind, databasePath, sessionId: sessionId.value, outDir: values.out as string }) : sessionId;
    }
    case 'backup':
      return ok({ kind, databasePath, outPath: values.out as string });
    case 'restore':
      return ok({ kind, databasePath, fromPath: values.from as string });
  }
}
