/**
 * Starts `proprio web` as a child process, the way a user would, and reads the URL from its first
 * line (`Proprio running at http://127.0.0.1:PORT/?token=…`). Used by the browser-mode specs and
 * the UI bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from '@playwright/test';
import { createFirstAdmin } from './clinic-flows.ts';

export { FIRST_ADMIN } from './clinic-flows.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIRST_LINE = /^Proprio running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))$/;
/** Long enough for a cold renderer build on a loaded two-core machine. */
const START_TIMEOUT_MS = 60_000;

export interface WebHost {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly firstLine: string;
  /** Everything the host wrote to stderr so far (build messages, internal-error references). */
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * Starts browser mode on a fresh database of its own in a temp folder (removed on stop), unless
 * `args` names one with `--db`: a test never touches the clinic's real database.
 */
export async function startWebHost(args: readonly string[]): Promise<WebHost> {
  const dbDir = args.includes('--db') ? undefined : mkdtempSync(path.join(tmpdir(), 'proprio-e2e-db-'));
  const dbArgs = dbDir === undefined ? [] : ['--db', path.join(dbDir, 'proprio.sqlite')];
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin', 'proprio.js'), 'web', ...args, ...dbArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout! });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`proprio web printed no URL within ${START_TIMEOUT_MS} ms; stderr: ${stderr}`)), START_TIMEOUT_MS);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`proprio web exited (${code}) before printing its URL; stderr: ${stderr}`));
    });
  });
  const match = FIRST_LINE.exec(firstLine);
  if (match === null) {
    child.kill('SIGTERM');
    throw new Error(`unexpected first line from proprio web: ${JSON.stringify(firstLine)}`);
  }
  return {
    url: match[1] as string,
    origin: `http://127.0.0.1:${match[2]}`,
    token: match[3] as string,
    firstLine,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      if (dbDir !== undefined) rmSync(dbDir, { recursive: true, force: true });
    },
  };
}

/** Opens the app on a fresh database and creates the first administrator, who is then signed in. */
export async function signInFirstAdmin(page: Page, host: WebHost): Promise<void> {
  await page.goto(host.url);
  await createFirstAdmin(page);
}
