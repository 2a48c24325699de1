/**
 * The Electron shell end to end: launches the real app and checks, from both sides, that the
 * window is hardened (STYLE.md §8) and that the page sees exactly one narrow `window.proprio`.
 *
 * A second test runs the core flow a therapist follows (first admin, a patient, a Romberg on the
 * simulated plate, its results in history) in the Electron window, with the same clicks as the
 * browser-mode specs (clinic-flows.ts).
 *
 * Needs Electron's binary, which `npm ci` does not bring (from Electron 42 on it downloads on first
 * launch) and which cannot be had offline. When it is absent this spec is skipped, loudly: the
 * reason goes to the console and into the report, so a skip is never mistaken for a pass.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { createFirstAdmin, createPatient } from './clinic-flows.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

type BinaryLookup = { readonly found: true; readonly executablePath: string } | { readonly found: false; readonly reason: string };

/**
 * Finds the Electron executable the way node_modules/electron/index.js does, without calling it:
 * requiring 'electron' from Node starts a download when the binary is missing, which hangs or
 * fails offline.
 */
function findElectronBinary(): BinaryLookup {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { found: false, reason: 'no Electron binary on this machine (offline; see SETUP.md)' };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const executablePath = override ? path.join(override, relative) : path.join(pkgDir, 'dist', relative);
  if (!existsSync(executablePath)) {
    return { found: false, reason: `Electron binary missing at ${executablePath} (offline; see SETUP.md)` };
  }
  return { found: true, executablePath };
}

/** Skips (loudly) without a binary; else builds the shell and runs `use` on its first window, closing it after. */
async function withShell(args: readonly string[], use: (app: ElectronApplication, page: Page) => Promise<void>): Promise<void> {
  const binary = findElectronBinary();
  if (!binary.found) {
    console.log(`electron-shell: skipped — ${binary.reason}`);
    test.skip(true, binary.reason);
    return;
  }
  const build = spawnSync(process.execPath, [path.join(root, 'electron', 'build.js')], { cwd: root, encoding: 'utf8' });
  expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
  // Chromium refuses to start as root with its OS-level sandbox on, and CI runs as root. This
  // switch turns off only that OS layer for the test run; the window's `sandbox: true` mode
  // (no Node in the preload, checked below) still applies.
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const dbDir = mkdtempSync(path.join(tmpdir(), 'proprio-electron-e2e-'));
  const app = await electron.launch({
    executablePath: binary.executablePath,
    args: [...rootOnly, path.join(root, 'out', 'electron'), '--db', path.join(dbDir, 'proprio.sqlite'), ...args],
  });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(app, page);
  } finally {
    await app.close();
    rmSync(dbDir, { recursive: true, force: true });
  }
}

test('electron shell: hardened window exposing only the API client (call, on) as window.proprio', async () => {
  await withShell([], async (app, page) => {
    // Main-process side: the preferences the window really got. getLastWebPreferences() is
    // undocumented, so the page-side checks below must hold on their own.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
        | { getLastWebPreferences?: () => Record<string, unknown> }
        | undefined;
      return contents?.getLastWebPreferences?.() ?? null;
    });
    if (prefs !== null) {
      expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    }

    // Page side: served from our own origin, no Node, one bridge object with one method.
    const seen = await page.evaluate(async () => {
      const bridge = (window as unknown as { proprio?: Record<string, unknown> }).proprio;
      const call = bridge?.['call'];
      return {
        href: location.href,
        requireType: typeof require,
        processType: typeof process,
        bridgeKeys: bridge ? Object.keys(bridge) : null,
        info: typeof call === 'function' ? await (call as (m: string, p: unknown) => Promise<unknown>)('app.info', {}) : null,
        refused: typeof call === 'function' ? await (call as (m: string, p: unknown) => Promise<unknown>)('devices.connect', { role: 'chair' }) : null,
        popup: window.open('https://example.com/') === null ? 'denied' : 'opened',
      };
    });
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(seen).toEqual({
      href: 'app://proprio/index.html',
      requireType: 'undefined',
      processType: 'undefined',
      bridgeKeys: ['call', 'on'],
      info: { ok: true, value: { name: 'Proprio', version: pkg.version } },
      refused: { ok: false, error: expect.objectContaining({ code: 'invalid-request' }) },
      popup: 'denied',
    });
  });
});

test('electron shell: the core flow — first admin, a patient, a Romberg on the simulated plate, its results in history', async () => {
  test.setTimeout(120_000);
  await withShell(['--simulate', '--time-scale', '10'], async (_app, page) => {
    await createFirstAdmin(page);
    await createPatient(page, { clinicId: 'E-1', familyName: 'Shell', givenName: 'Elena', dateOfBirth: '1970-04-05', heightCm: '165' });
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Protocols' }).click();
    await page.getByRole('combobox', { name: 'Protocol' }).selectOption('romberg');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Spotter in place' }).click({ timeout: 30_000 });
    await expect(page.getByTestId('run-phase')).toHaveText('Protocol finished', { timeout: 30_000 });
    await expect(page.getByTestId('run-results').locator('tbody tr')).toHaveCount(2);
    await page.screenshot({ path: test.info().outputPath('90-electron-romberg.png'), fullPage: true });
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'History' }).click();
    await page.getByLabel('Include sessions on simulated devices (QA)').check();
    await expect(page.getByTestId('history-session')).toHaveCount(1);
  });
});
