/**
 * The decompression console in browser mode, by clicking, on the simulated table with time
 * compressed (`--time-scale 2`: the table's 500 ms watchdog stays 250 ms of real time, which a
 * loaded machine running Chromium does not miss), with the clinic's units set to lb (forces in lbf,
 * typed and shown; settings.spec.ts sees kgf): the prescription previewed with its envelope and timeline chart,
 * a refused hold tension shown beside its field, the contraindication checklist (a present one refuses) and the
 * body mass, the prechecks with the patient switch pressed in
 * the simulator panel, the program started, then the patient switch pressed mid-program: release,
 * the high-priority alarm, and STOP always on screen, also over the locked screen.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { FIRST_ADMIN, signInFirstAdmin, startWebHost, type WebHost } from './web-host.ts';
import { expectAccessible } from './accessibility.ts';

let host: WebHost;

test.beforeAll(async () => {
  host = await startWebHost(['--simulate', '--port', '0', '--time-scale', '2']);
});

test.afterAll(async () => {
  await host.stop();
});

async function pressPatientSwitch(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Simulator' }).click();
  await page.getByRole('button', { name: 'Switch pressed' }).click();
  await expect(page.getByRole('button', { name: 'Switch pressed' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Switch ready' }).click();
  await page.getByRole('button', { name: 'Decompression' }).click();
}

// The table's calibration runs a few minutes of table time (at 2×): longer than the default test time.
test.setTimeout(180_000);

test('preview, prechecks with the switch, run, patient switch release with its alarm, STOP over the lock', async ({ page }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await signInFirstAdmin(page, host);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Body mass and force').selectOption('lb');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Clinic ID').fill('L-5');
  await page.getByLabel('Family name').fill('Lumbar');
  await page.getByLabel('Given name').fill('Leo');
  await page.getByLabel('Date of birth').fill('1972-04-05');
  // 82.0 kg.
  await page.getByLabel('Body mass (lb)').fill('180.8');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByText('Saved Leo Lumbar (L-5).')).toBeVisible();

  // The prescription: a hold far above the envelope is refused beside its field; the suggestion previews.
  await page.getByRole('button', { name: 'Decompression' }).click();
  await page.getByLabel('Treatment (min)').fill('1');
  await page.getByLabel(/^Hold tension \(lbf;/).fill('400');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('#rx-maxForce-error')).not.toBeEmpty();
  await expect(page.getByRole('button', { name: 'Begin prechecks' })).toBeDisabled();
  await page.getByLabel(/^Hold tension/).fill('');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('plan-summary')).toContainText(/lbf \(first-session cap\)/);
  await expect(page.getByTestId('timeline-chart').locator('canvas')).toBeVisible();
  await expectAccessible(page, 'decompression prescription');
  await shot('30-decompression-preview');

  // The patient's first program: the whole contraindication checklist and the body mass. A present
  // contraindication refuses it; the screening changes what the preview rests on, so it previews again.
  await expect(page.getByLabel('Body mass today (lb)')).toHaveValue('180.8');
  await expect(page.getByRole('button', { name: 'Begin prechecks' })).toBeDisabled();
  for (const no of await page.getByRole('radio', { name: 'No', exact: true }).all()) await no.check();
  await page.getByRole('radiogroup', { name: 'Pregnancy' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Confirm screening' }).click();
  await expect(page.getByText('No program for this patient: contraindication present: pregnancy.')).toBeVisible();
  await expectAccessible(page, 'decompression screening');
  await shot('30a-decompression-screening');
  await page.getByRole('radiogroup', { name: 'Pregnancy' }).getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Confirm screening' }).click();
  await expect(page.getByTestId('screening-done')).toContainText('contraindication checklist clear, body mass 180.8 lb');
  await page.getByRole('button', { name: 'Preview' }).click();

  // Issue 8: the table's load cell was never calibrated, so no program starts; the admin calibrates it.
  await page.getByRole('button', { name: 'Begin prechecks' }).click();
  await expect(page.getByText(/This table’s load cell has never been calibrated\. A technician must calibrate/)).toBeVisible();
  // The console says where a table is calibrated.
  await expect(page.getByText('A technician or an admin calibrates it on the Devices screen (“Calibrate the table load cell”).')).toBeVisible();
  await page.getByRole('button', { name: 'Devices' }).click();
  await expect(page.getByTestId('table-calibration-flag')).toHaveText('The table load cell has never been calibrated: no decompression program can start.');
  await page.getByLabel('Reference levels (N)').fill('150, 600');
  await page.getByRole('button', { name: 'Calibrate the table load cell' }).click();
  // The run says how far it is: at rest, 3 levels, at rest again, 1 verification level.
  await expect(page.getByTestId('table-calibration-progress')).toContainText(/Step [2-6] of 6 · last reading: .+; moving on/, { timeout: 60_000 });
  await expect(page.getByRole('progressbar', { name: 'Calibration progress' })).toBeVisible();
  await shot('28-table-calibrating');
  await expect(page.getByTestId('table-calibration-result')).toContainText(/^PASSED: worst error 0\.\d{3} % against the gauge/, { timeout: 90_000 });
  await expect(page.getByTestId('table-calibration')).toContainText(/^Calibrated \d{4}-\d\d-\d\d, due \d{4}-\d\d-\d\d$/);
  await expect(page.getByTestId('table-calibration-flag')).toHaveCount(0);
  // Its certificate, from the device's calibration history.
  await expect(page.getByTestId('table-calibration-history').locator('tbody tr')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Certificate \(PDF\) #\d+$/ }).click();
  const certificate = testInfo.outputPath('table-certificate.pdf');
  await (await download).saveAs(certificate);
  const text = execFileSync('pdftotext', ['-layout', certificate, '-'], { encoding: 'utf8' });
  expect(text).toMatch(/Calibration certificate #\d+ — PASSED/);
  expect(text).toMatch(/Device\s+table: DT-9\S*, serial \S+/);
  expect(text).toMatch(/Technician\s+Clinic Admin \(admin\)/);
  expect(text).toContain('Verification');
  await shot('29-table-calibrated');
  await page.getByRole('button', { name: 'Decompression' }).click();
  await expect(page.getByText(/calibrates it on the Devices screen/)).toHaveCount(0);
  // A disabled Begin prechecks says what opens it.
  await expect(page.getByTestId('begin-hint')).toHaveText('Preview the program to open Begin prechecks.');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('begin-hint')).toHaveCount(0);

  // Prechecks end with the patient switch test: pressed and let go in the simulator panel.
  await page.getByRole('button', { name: 'Begin prechecks' }).click();
  await expect(page.getByTestId('session-phase')).toHaveText(/switch-test/, { timeout: 15_000 });
  await expect(page.getByText('Simulated table: press the switch on the Simulator screen (“Switch pressed”, then “Switch ready”).')).toBeVisible();
  await expect(page.getByRole('button', { name: 'STOP' })).toBeVisible();
  await pressPatientSwitch(page);
  await expect(page.getByTestId('session-phase')).toHaveText('ready', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Start program' }).click();
  await expect(page.getByTestId('session-phase')).toHaveText('running');
  await expect.poll(async () => Number((await page.getByTestId('measured').textContent())?.replace(/ lbf$/, '') ?? 0), { timeout: 15_000 }).toBeGreaterThan(20);
  // Live tension against the set-point, redrawn from the table's telemetry.
  await expect(page.getByTestId('tension-chart').locator('canvas')).toBeVisible();
  await shot('31-decompression-running');

  // Locked mid-program: the workspace is covered, STOP and RELEASE are not.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Proprio is locked' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'STOP' })).toBeVisible();
  await expectAccessible(page, 'locked with a session');
  await shot('32-locked-stop-reachable');
  await page.getByLabel('Password').fill(FIRST_ADMIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();

  // The patient presses the switch: immediate release, the high-priority alarm.
  await page.getByRole('button', { name: 'Simulator' }).click();
  await page.getByRole('button', { name: 'Switch pressed' }).click();
  await page.getByRole('button', { name: 'Decompression' }).click();
  await expect(page.getByTestId('session-phase')).toHaveText('released (patient-stop)', { timeout: 10_000 });
  await expect(page.getByTestId('alarm-patient-stop')).toContainText('HIGH — PATIENT STOP');
  // The safety bar carries the sounding alarm on every screen; its audio pauses for 2 minutes at most.
  await expect(page.getByTestId('sounding-alarm')).toContainText('*** PATIENT STOP');
  await expect(page.getByTestId('sounding-alarm')).toHaveClass(/alarm-high/);
  await page.getByRole('button', { name: 'Pause alarm audio (2 min)' }).click();
  await expect(page.getByTestId('audio-paused')).toContainText('Alarm audio paused until');
  // The only alarm: the link held all along (no watchdog release while the screen was locked).
  await expect(page.getByRole('list', { name: 'Alarms' }).getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page, 'decompression alarm');
  await shot('33-decompression-patient-stop');
  await page.getByTestId('alarm-patient-stop').getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByTestId('alarm-patient-stop').getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Simulator' }).click();
  await page.getByRole('button', { name: 'Switch ready' }).click();
  await page.getByRole('button', { name: 'Decompression' }).click();
  await page.getByRole('button', { name: 'End session' }).click();
  await expect(page.getByTestId('session-phase')).toHaveText(/^Session over/);
  await expect(page.getByRole('button', { name: 'STOP' })).toHaveCount(0);
  // The last figures are labelled as the session's last, not read as the table now.
  await expect(page.getByText('Measured at the end', { exact: true })).toBeVisible();
  await expect(page.getByText('Elapsed / remaining')).toHaveCount(0);
  // The session's report, from the console.
  const report = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save report (PDF)' }).click();
  expect((await report).suggestedFilename()).toMatch(/^proprio-session-\d+-.+\.pdf$/);
  expect(host.stderr()).not.toContain('internal error');
});
