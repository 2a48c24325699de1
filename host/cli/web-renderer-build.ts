/**
 * Keeps the built renderer current so `proprio web` and `proprio start` work straight after
 * `npm ci`, with no build step to remember: when any source the renderer is built from (renderer/,
 * api/, core/) is newer than the last build, it runs renderer/build.js (Vite's JS API) in a child
 * process into a fresh folder and swaps it into place. A build takes about a second
 * (measured in the report of issue 7); an up-to-date build costs one walk over the source folders.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../core/index.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Where the renderer is built; the Electron shell serves the same folder (electron/main/index.ts). */
export const RENDERER_OUT_DIR = path.join(REPO_ROOT, 'out', 'renderer');
const SOURCE_DIRS = ['renderer', 'api', 'core'];
const STAMP_FILE = '.built-from-sources';
const SKIP = new Set(['node_modules', 'out']);

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(full));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function isRendererBuildCurrent(outDir = RENDERER_OUT_DIR): boolean {
  const stamp = path.join(outDir, STAMP_FILE);
  if (!existsSync(stamp)) return false;
  const sourcesMs = Math.max(...SOURCE_DIRS.map((dir) => newestSourceMs(path.join(REPO_ROOT, dir))));
  return statSync(stamp).mtimeMs >= sourcesMs;
}

export interface RendererBuild {
  readonly built: boolean;
  readonly durationMs: number;
}

/** Builds when stale. Progress and errors of the build go to `log` (stderr), never to stdout. */
export async function ensureRendererBuilt(log: (text: string) => void, outDir = RENDERER_OUT_DIR): Promise<Result<RendererBuild, string>> {
  if (isRendererBuildCurrent(outDir)) return ok({ built: false, durationMs: 0 });
  const started = performance.now();
  log('Proprio: building the user interface (sources changed since the last build)…\n');
  // Built beside the old one and swapped in, so a host already serving never sees a half-written folder.
  const staging = `${outDir}.staging-${process.pid}`;
  mkdirSync(path.dirname(outDir), { recursive: true });
  const status = await new Promise<number | string>((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'renderer', 'build.js'), staging], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (chunk: Buffer): void => log(chunk.toString('utf8'));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', (error) => resolve(error.message));
    child.on('close', (code, signal) => resolve(code ?? String(signal)));
  });
  if (status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    return err(`the user interface could not be built (renderer/build.js ended with ${status})`);
  }
  writeFileSync(path.join(staging, STAMP_FILE), '');
  rmSync(outDir, { recursive: true, force: true });
  try {
    renameSync(staging, outDir);
  } catch (error) {
    // Another Proprio built and swapped in at the same moment: its build is as good as ours.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(outDir)) return err(`the user interface build could not be moved into place: ${String(error)}`);
  }
  return ok({ built: true, durationMs: performance.now() - started });
}
