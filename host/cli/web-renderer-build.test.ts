/**
 * The renderer build that `proprio web` and `proprio start` run by themselves: a fresh folder gets
 * a complete build with its stamp, and the bundle is React's production build whatever NODE_ENV
 * the starting process has (this runs under Vitest, NODE_ENV=test, the case that once shipped
 * React's development build to the page).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ensureRendererBuilt, isRendererBuildCurrent } from './web-renderer-build.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

it('builds a stamped production bundle into a fresh folder, even from a process with NODE_ENV=test', async () => {
  expect(process.env.NODE_ENV).toBe('test');
  dir = mkdtempSync(path.join(tmpdir(), 'proprio-renderer-'));
  const outDir = path.join(dir, 'renderer');
  const log: string[] = [];
  const result = await ensureRendererBuilt((text) => log.push(text), outDir);
  expect(result.ok, log.join('')).toBe(true);
  expect(result.ok && result.value.built).toBe(true);
  expect(isRendererBuildCurrent(outDir)).toBe(true);

  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  expect(html).toMatch(/<script type="module"[^>]* src="\/assets\/index-[\w-]+\.js"/);
  const scripts = readdirSync(path.join(outDir, 'assets')).filter((name) => name.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  const bundle = scripts.map((name) => readFileSync(path.join(outDir, 'assets', name), 'utf8')).join('\n');
  // React's development JSX runtime and its per-element stacks; neither is in a production build.
  // (Booleans, so a failure names the marker instead of printing the whole bundle.)
  expect(bundle.includes('jsxDEV'), 'React development JSX runtime in the bundle').toBe(false);
  expect(bundle.includes('react-stack-top-frame'), 'React development element stacks in the bundle').toBe(false);
  // Source file paths of this machine (the development runtime's element metadata) stay out too.
  expect(bundle.includes(path.join('renderer', 'app')), 'source file paths in the bundle').toBe(false);
}, 120_000);
