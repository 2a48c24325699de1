/**
 * The mCTSIB on a plate and table whose calibrations are overdue, by clicking (issues 7 and 8):
 * both devices flagged wherever they are used (live view, devices, runner, report, decompression
 * console, which refuses to start); all four conditions run on `--time-scale 10`, the spotter and
 * the foam set-up confirmed when asked; the plate unplugged in the simulator panel (QA's second
 * window) mid-trial, the trial voided and repeated once the plate reconnects by itself; results in history and in the
 * report, flagged.
 *
 * The overdue calibrations are written into the app's database beside the running host, as an
 * earlier technician's records would be: a procedure run here would give an in-date one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { storageCalibrationStore } from '../../host/calibration/index.ts';
import { openStorage } from '../../host/storage/index.ts';
import { createPatient, FIRST_ADMIN } from './clinic-flows.ts';
import { signInFirstAdmin, startWebHost, type WebHost } from './web-host.ts';

const DAY_MS = 86_400_000;
let host: WebHost;
let dbDir: string;

test.beforeAll(async () => {
  dbDir = mkdtempSync(path.join(tmpdir(), 'proprio-e2e-overdue-'));
  host = await startWebHost(['--simulate', '--port', '0', '--time-scale', '5', '--db', path.join(dbDir, 'proprio.sqlite')]);
});

test.afterAll(async () => {
  await host.stop();
  rmSync(dbDir, { recursive: true, force: true });
});

interface ShownIdentity {
  readonly kind: 'plate' | 'table';
  readonly model: string;
  readonly serial: string;
  readonly firmware: string;
  readonly protocolVersion: number;
}

/** A device's identity as the Devices screen shows it: `MODEL · serial S · firmware F · protocol P`. */
async function shownIdentity(page: Page, kind: 'plate' | 'table'): Promise<ShownIdentity> {
  const text = (await page.getByTestId(`${kind}-identity`).textContent()) ?? '';
  const match = /^(.+) · serial (.+) · firmware (.+) · protocol (\d+)$/.exec(text);
  if (match === null) throw new Error(`unexpected ${kind} identity: ${text}`);
  return { kind, model: match[1] as string, serial: match[2] as string, firmware: match[3] as string, protocolVersion: Number(match[4]) };
}

/** Passed calibrations of these devices, done 13 months ago and due a month ago. */
function seedOverdueCalibrations(devices: readonly ShownIdentity[]): void {
  const opened = openStorage({ path: path.join(dbDir, 'proprio.sqlite'), recoverInterrupted: false });
  if (!opened.ok) throw new Error(opened.error.message);
  const { storage } = opened.value;
  try {
    const nowMs = Date.now();
    for (const device of devices) {
      const saved = storageCalibrationStore(storage).saveCalibration({
        device,
        operator: FIRST_ADMIN.username,
        procedure: device.kind === 'plate' ? 'plate-multipoint-1' : 'table-zero-span-1',
        performedAtMs: nowMs - 395 * DAY_MS,
        dueAtMs: nowMs - 30 * DAY_MS,
        coefficients: device.kind === 'plate' ? { zeroCounts: [0, 0, 0, 0], nPerCount: [0.01, 0.01, 0.01, 0.01] } : { offsetN: 0, span: 1 },
        rawReadings: { points: [] },
        verification: { failures: [] },
        isPassed: true,
      });
      if (!saved.ok) throw new Error(saved.error);
    }
  } finally {
    storage.close();
  }
}

async function goTo(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();
}

/** Waits for the runner's phase, confirming the spotter whenever a trial asks for its set-up. */
async function confirmSetUpUntil(page: Page, phaseText: string): Promise<void> {
  const spotter = page.getByRole('button', { name: 'Spotter in place' });
  await expect(async () => {
    if (await spotter.isVisible()) await spotter.click();
    await expect(page.getByTestId('run-phase')).toHaveText(phaseText, { timeout: 200 });
  }).toPass({ timeout: 60_000, intervals: [100] });
}

test('mCTSIB on an overdue plate: flagged everywhere, a trial voided by an unplug and repeated, results in history and report; the overdue table cannot start', async ({ page, context }, testInfo) => {
  // Twelve trials and a PDF: about 40 s on a quiet machine, more on a loaded one.
  test.setTimeout(120_000);
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await signInFirstAdmin(page, host);
  await goTo(page, 'Devices');
  await expect(page.getByTestId('plate-state')).toContainText('Connected', { timeout: 15_000 });
  await expect(page.getByTestId('table-state')).toContainText('Connected', { timeout: 15_000 });
  seedOverdueCalibrations([await shownIdentity(page, 'plate'), await shownIdentity(page, 'table')]);
  await page.reload();

  // Live view and devices: the plate's calibration is overdue.
  await goTo(page, 'Live balance');
  await expect(page.getByTestId('plate-calibration-flag')).toHaveText(/^The force plate calibration is overdue \(due \d{4}-\d\d-\d\d\): measurements use its nominal sensitivity and are flagged\.$/);
  await goTo(page, 'Devices');
  await expect(page.getByTestId('table-calibration-flag')).toHaveText(/^The table load cell calibration is overdue \(due \d{4}-\d\d-\d\d\): no decompression program can start\.$/);
  await shot('40-devices-overdue');

  // The decompression console refuses a program on the overdue table.
  await createPatient(page, { clinicId: 'M-1', familyName: 'Sway', givenName: 'Mona', dateOfBirth: '1958-07-09', heightCm: '171' });
  await goTo(page, 'Decompression');
  await expect(page.getByTestId('table-calibration-flag')).toContainText('calibration is overdue');

  // The mCTSIB: twelve 10 s trials, the runner flagging the plate.
  await goTo(page, 'Protocols');
  await page.getByRole('combobox', { name: 'Protocol' }).selectOption('mctsib');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: /^mCTSIB: trial 1 of 12/ })).toBeVisible();
  await expect(page.getByTestId('uncalibrated-flag')).toBeVisible();

  // Mid-way through a trial's recording (2 s at this time scale), QA pulls the plate's cable from
  // the simulator panel, open in a second window beside the runner. On a loaded machine the pull
  // can land in the next countdown instead, which voids nothing: then QA plugs it back and tries
  // again on the next recording.
  const qa = await context.newPage();
  await qa.goto(host.url);
  await goTo(qa, 'Simulator');
  const voided = page.getByTestId('run-voided');
  const heading = page.getByRole('heading', { level: 2, name: /^mCTSIB: trial \d+ of 12/ });
  const unplugged = page.getByText('The plate is disconnected; the trial will be repeated once it is back.');
  let voidedTrial = '';
  for (let tries = 0; voidedTrial === '' && tries < 4; tries++) {
    await confirmSetUpUntil(page, 'Recording — stay still until the end tone');
    const recording = (await heading.textContent()) ?? '';
    await qa.getByRole('button', { name: 'Unplug the plate' }).click();
    await expect(unplugged).toBeVisible({ timeout: 10_000 });
    if ((await voided.count()) > 0) {
      voidedTrial = recording;
      await expect(voided).toContainText(/attempt 1 \(plate disconnected\)/);
      await shot('41-mctsib-plate-unplugged');
    }
    await qa.getByRole('button', { name: 'Plug the plate back in' }).click();
    await expect(unplugged).toBeHidden({ timeout: 20_000 });
  }
  await qa.close();
  expect(voidedTrial).not.toBe('');
  // Once the plate is back by itself, the voided trial runs again as attempt 2.
  await expect(page.getByRole('heading', { level: 2, name: `${voidedTrial.replace(/ \(attempt \d+\)$/, '')} (attempt 2)` })).toBeVisible({ timeout: 20_000 });

  // The rest, until the protocol ends.
  await confirmSetUpUntil(page, 'Protocol finished');
  const rows = page.getByTestId('run-results').locator('tbody tr');
  await expect(rows).toHaveCount(12);
  await expect(rows.filter({ hasText: /^.*trial \d2completed10\.0/ })).toHaveCount(1);
  await shot('42-mctsib-results');

  // History and the report: the session and its trials flagged as measured on an uncalibrated plate.
  await goTo(page, 'History');
  await page.getByLabel('Include sessions on simulated devices (QA)').check();
  const session = page.getByTestId('history-session');
  await expect(session.getByRole('heading')).toContainText(/mCTSIB \(complete\) SIMULATED$/);
  await expect(session.locator('tbody tr')).toHaveCount(12);
  await expect(session.locator('tbody tr').first()).toContainText('(uncalibrated plate)');
  const download = page.waitForEvent('download');
  await session.getByRole('button', { name: 'Save report (PDF)' }).click();
  const pdf = testInfo.outputPath('mctsib-report.pdf');
  await (await download).saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Proprio session report — balance');
  expect(text).toContain('Measured on a force plate without a valid calibration');
  expect(host.stderr()).not.toContain('internal error');
});
