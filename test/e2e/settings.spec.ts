/**
 * The settings screen by clicking: in kg the decompression console asks for tensions in kgf; the
 * admin switches masses to pounds and every screen follows (a patient's body mass listed in lb,
 * the form asking for lb; decompression-console.spec.ts runs a whole session in lbf); a bad idle-lock time is refused
 * beside its field and nothing is saved. axe-core checks the screen; a screenshot is kept.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './accessibility.ts';
import { signInFirstAdmin, startWebHost, type WebHost } from './web-host.ts';

let host: WebHost;

test.beforeAll(async () => {
  host = await startWebHost(['--port', '0']);
});

test.afterAll(async () => {
  await host.stop();
});

test('kgf on the decompression form in kg; units in lb reach the patient list and form; a bad idle-lock time is refused beside its field, saving nothing', async ({ page }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await signInFirstAdmin(page, host);

  await page.getByRole('button', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Clinic ID').fill('S-1');
  await page.getByLabel('Family name').fill('Lovelace');
  await page.getByLabel('Given name').fill('Ada');
  await page.getByLabel('Date of birth').fill('1965-12-10');
  await page.getByLabel('Body mass (kg)').fill('82.5');
  await page.getByRole('button', { name: 'Save patient' }).click();
  const row = page.getByTestId('patient-list').locator('tbody tr');
  await expect(row).toContainText('82.5 kg');
  await page.getByRole('button', { name: 'Decompression' }).click();
  await expect(page.getByLabel(/^Hold tension \(kgf;/)).toBeVisible();
  await expect(page.getByLabel(/^Ramp speed \(kgf\/s;/)).toBeVisible();

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await page.getByLabel('Body mass and force').selectOption('lb');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  // A time the form cannot read, then one out of bounds: each refused beside the field; the volume typed beside it is not saved.
  await page.getByLabel(/^Cue and alarm volume/).fill('30');
  await page.getByLabel(/^Lock the screen after/).fill('soon');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#settings-idle-lock-error')).toHaveText('must be a number of minutes');
  await page.getByLabel(/^Lock the screen after/).fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#settings-idle-lock-error')).toHaveText('must be from 1 to 60 minutes');
  await expect(page.getByLabel(/^Lock the screen after/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Please correct the marked fields; nothing was saved.')).toBeVisible();
  // One axe pass (each takes seconds), on the screen at its fullest: every message shown.
  await expectAccessible(page, 'settings with refused fields');
  await shot('60-settings-refused');
  await page.reload();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel(/^Cue and alarm volume/)).toHaveValue('60');
  await expect(page.getByLabel(/^Lock the screen after/)).toHaveValue('10');
  await expect(page.getByLabel('Body mass and force')).toHaveValue('lb');

  await page.getByRole('button', { name: 'Patients' }).click();
  await expect(row).toContainText('181.9 lb');
  await page.getByRole('button', { name: 'New patient' }).click();
  await expect(page.getByLabel('Body mass (lb)')).toBeVisible();
});
