/**
 * The therapist's protocol runner in browser mode, by clicking: a Romberg for a new patient on the
 * simulated plate, time compressed (`--time-scale 10`), the spotter confirmed when the eyes-closed
 * trial asks for it, both results and the Romberg quotient on screen, the uncalibrated plate
 * flagged. axe-core checks the runner while it runs and at the end.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { signInFirstAdmin, startWebHost, type WebHost } from './web-host.ts';
import { expectAccessible } from './accessibility.ts';

let host: WebHost;
// A ceiling, not the expected time: on a loaded 2-core machine the run, the axe checks and the PDF can pass 60 s.
test.setTimeout(120_000);

test.beforeAll(async () => {
  host = await startWebHost(['--simulate', '--port', '0', '--time-scale', '10']);
});

test.afterAll(async () => {
  await host.stop();
});

test('a Romberg for a new patient: countdown, cues, the spotter prompt, both results and the quotient, uncalibrated plate flagged', async ({ page }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await signInFirstAdmin(page, host);
  await page.getByRole('button', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Clinic ID').fill('R-1');
  await page.getByLabel('Family name').fill('Romberg');
  await page.getByLabel('Given name').fill('Rita');
  await page.getByLabel('Date of birth').fill('1961-02-03');
  await page.getByLabel('Height (cm)').fill('168');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByText('Saved Rita Romberg (R-1).')).toBeVisible();

  await page.getByRole('button', { name: 'Protocols' }).click();
  await expect(page.getByRole('combobox', { name: 'Patient' })).toHaveValue(/\d+/);
  // The re-education program's next level as a one-click choice: level 1 for a new patient.
  await expect(page.getByRole('button', { name: 'Next level: Re-education level 1: Static hold, eyes open' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Protocol' }).selectOption('romberg');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: /^Romberg: trial 1 of 2 — Eyes open/ })).toBeVisible();
  await expect(page.getByTestId('uncalibrated-flag')).toBeVisible();
  await expect(page.getByTestId('run-phase')).toHaveText('Recording — stay still until the end tone', { timeout: 20_000 });
  // The live trace while the trial records: the stabilogram and the AP/ML series, the load on the plate.
  await expect(page.getByTestId('live-trace').getByTestId('stabilogram').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('live-trace').getByTestId('sway-series').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('live-trace').getByTestId('plate-load')).toHaveText(/^\d+\.\d kg on the plate$/);
  await shot('20-protocol-recording');
  await expectAccessible(page, 'protocol runner');

  // The eyes-closed trial waits for the therapist's set-up confirmation.
  await page.getByRole('button', { name: 'Spotter in place' }).click({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: /trial 2 of 2 — Eyes closed/ })).toBeVisible();
  await expect(page.getByTestId('run-phase')).toHaveText('Protocol finished', { timeout: 30_000 });
  // Once over, the heading says so instead of naming the last trial.
  await expect(page.getByRole('heading', { name: 'Romberg: finished — 2 of 2 trials recorded' })).toBeVisible();
  const rows = page.getByTestId('run-results').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(/^Eyes open1completed30\.0\d+/);
  await expect(rows.nth(1)).toContainText(/^Eyes closed1completed30\.0\d+/);
  await expect(page.getByTestId('romberg-quotient')).toContainText(/Romberg quotient \(eyes closed \/ eyes open\): mean velocity \d+\.\d\d/);
  await expect(page.getByTestId('baseline-comparison')).toHaveText('Simulated session: not compared with the patient’s baseline or trend.');
  // A symptom marked after the trial shows with the results (and in the report below).
  await page.getByLabel('Symptom', { exact: true }).selectOption('dizziness');
  await page.getByLabel('During').selectOption({ label: 'Eyes closed' });
  await page.getByLabel('Note (optional)').fill('on standing still');
  await page.getByRole('button', { name: 'Mark symptom' }).click();
  await expect(page.getByTestId('symptoms')).toContainText('Dizziness — Eyes closed: on standing still');
  await expect(page.getByRole('heading', { name: 'Start a protocol' })).toBeVisible();
  // The report straight from the runner (its text is checked from History below).
  const fromRunner = page.waitForEvent('download');
  await page.getByRole('region', { name: /^Romberg: finished/ }).getByRole('button', { name: 'Save report (PDF)' }).click();
  expect((await fromRunner).suggestedFilename()).toMatch(/^proprio-session-\d+-R-1-\d{4}-\d\d-\d\d\.pdf$/);
  await expectAccessible(page, 'protocol results');
  await shot('21-protocol-results');

  // History: a simulated session stays out of the patient's history until QA asks for it, then shows flagged.
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByText('No sessions (simulated sessions are hidden).')).toBeVisible();
  await page.getByLabel('Include sessions on simulated devices (QA)').check();
  const session = page.getByTestId('history-session');
  await expect(session).toHaveCount(1);
  await expect(session.getByRole('heading', { level: 2 })).toContainText(/^\d{4}-\d\d-\d\d — Romberg \(complete\) SIMULATED$/);
  await expect(session.locator('tbody tr')).toHaveText([/^eo \(uncalibrated plate\)completed/, /^ec \(uncalibrated plate\)completed/]);
  await expect(page.getByTestId('trend')).toContainText(/romberg · eo: \d+\.\d \(\d{4}-\d\d-\d\d\)/);
  await expectAccessible(page, 'history');
  await shot('22-history');

  // The session's report, saved as PDF: its text says whose session, what was measured and how.
  const download = page.waitForEvent('download');
  await session.getByRole('button', { name: 'Save report (PDF)' }).click();
  const pdf = testInfo.outputPath('session-report.pdf');
  await (await download).saveAs(pdf);
  expect((await download).suggestedFilename()).toMatch(/^proprio-session-\d+-R-1-\d{4}-\d\d-\d\d\.pdf$/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Proprio session report — balance');
  expect(text).toContain('SIMULATED: recorded on the built-in simulator');
  expect(text).toMatch(/Patient\s+Romberg, Rita \(clinic ID R-1\), born 1961-02-03/);
  expect(text).toMatch(/eo\s+completed\s+30\.0\s+\d+/);
  expect(text).toMatch(/ec\s+completed\s+30\.0\s+\d+/);
  expect(text).toMatch(/eo\s+completed[^\n]*\n[^\n]*plate/);
  expect(text).toContain('Measured on a force plate without a valid calibration');
  expect(text).toMatch(/ec\s+Dizziness\s+on standing still/);
  expect(host.stderr()).not.toContain('internal error');
});
