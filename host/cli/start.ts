/**
 * `proprio start`: the clinic app. With an Electron binary it opens the Electron window (shell and
 * renderer built first when their sources changed). Where Electron cannot launch — no binary
 * offline, a server without a display — it says so in one line and falls back to browser mode
 * (`proprio web`): the next line is the address to open.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { err, ok, type Result } from '../../core/index.ts';
import { findElectronBinary } from './electron-binary.ts';
import { integerIn, numberIn } from './cli-numbers.ts';
import type { MonitorIo } from './monitor.ts';
import { REPO_ROOT, ensureRendererBuilt } from './web-renderer-build.ts';
import { parseStrictOptions } from './web-cli-options.ts';
import { runWeb } from './web.ts';

export interface StartOptions {
  readonly simulate: boolean;
  readonly durationMs: number | undefined;
  readonly port: number;
  readonly seed: number;
  /** Browser mode only: the database file (default: the app's). */
  readonly dbPath: string | undefined;
}

export const START_USAGE = `usage: proprio start [--simulate] [--port N] [--db PATH] [--duration S] [--seed N]
  --simulate  connect the built-in simulated plate and table at start
  --port      browser mode only: port on 127.0.0.1 (default 0: a free one)
  --db        browser mode only: the database file (default: the app's, <user data>/proprio.sqlite)
  --duration  stop after S seconds, 0.1-86400 (default: until Ctrl-C or the window closes)
  --seed      simulator seed, a whole number 0-4294967295 (default 1)`;

export function parseStartArgs(argv: readonly string[]): Result<StartOptions, string> {
  const parsed = parseStrictOptions(argv, {
    simulate: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    duration: { type: 'string' },
    seed: { type: 'string', default: '1' },
    db: { type: 'string' },
  });
  if (!parsed.ok) return parsed;
  const values = parsed.value;
  const durationS = values.duration === undefined ? ok(undefined) : numberIn(values.duration, 0.1, 86400, '--duration');
  const port = integerIn(values.port, 0, 65535, '--port');
  const seed = integerIn(values.seed, 0, 4294967295, '--seed');
  if (!durationS.ok) return durationS;
  if (!port.ok) return port;
  if (!seed.ok) return seed;
  if (values.db !== undefined && values.db.trim() === '') return err('--db needs a file path');
  return ok({
    simulate: values.simulate,
    durationMs: durationS.value === undefined ? undefined : durationS.value * 1000,
    port: port.value,
    seed: seed.value,
    dbPath: values.db,
  });
}

/** The same terminal, with "stop" also arriving after `durationMs`. */
function withDuration(io: MonitorIo, durationMs: number | undefined): MonitorIo {
  if (durationMs === undefined) return io;
  const elapsed = new Promise<void>((resolve) => setTimeout(resolve, durationMs).unref());
  return { ...io, interrupted: Promise.race([io.interrupted, elapsed]) };
}

export async function runStart(options: StartOptions, io: MonitorIo): Promise<number> {
  const electron = findElectronBinary();
  if (!electron.found) {
    io.write(`Proprio: Electron cannot start here (${electron.reason}); starting browser mode instead — open the address below.\n`);
    return runWeb({ port: options.port, dbPath: options.dbPath, simulate: options.simulate, timeScale: 1, seed: options.seed }, withDuration(io, options.durationMs));
  }
  return runElectron(electron.path, options, io);
}

/** Builds the shell and the renderer when stale, then runs the Electron window until it closes. */
async function runElectron(binary: string, options: StartOptions, io: MonitorIo): Promise<number> {
  const renderer = await ensureRendererBuilt(io.writeError);
  if (!renderer.ok) {
    io.writeError(`proprio start: ${renderer.error}\n`);
    return 1;
  }
  const shell = await runChild(process.execPath, [path.join(REPO_ROOT, 'electron', 'build.js')], io, undefined);
  if (shell !== 0) {
    io.writeError('proprio start: the Electron shell could not be built (electron/build.js failed)\n');
    return 1;
  }
  io.write('Proprio: opening the Proprio window.\n');
  // The shell's main process reads these with parseShellDeviceOptions (device-options.ts).
  const args = [
    path.join(REPO_ROOT, 'out', 'electron'),
    ...(options.simulate ? ['--simulate'] : []),
    ...(options.dbPath === undefined ? [] : ['--db', path.resolve(options.dbPath)]),
    '--seed',
    String(options.seed),
  ];
  return runChild(binary, args, io, withDuration(io, options.durationMs).interrupted);
}

function runChild(command: string, args: readonly string[], io: MonitorIo, stop: Promise<void> | undefined): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => io.write(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => io.writeError(chunk.toString('utf8')));
    child.on('error', (error) => {
      io.writeError(`proprio start: could not run ${command}: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 0));
    void stop?.then(() => child.kill('SIGTERM'));
  });
}
