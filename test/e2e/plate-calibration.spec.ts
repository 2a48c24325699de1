/**
 * The plate calibration wizard in browser mode, by clicking (issue 8), on the simulated plate with
 * its seeded cell errors and time compressed (`--time-scale 4`: each point settles in about a
 * second): the simulator places each mass, the host waits for the load to settle before taking it,
 * one point is retaken, and the finished calibration passes with its errors against tolerances;
 * the plate's flag goes, and the certificate is offered as PDF. axe-core on the wizard and the result.
 */
import { expect, test } from '@playwright/test';
import { DEFAULT_PLATE_PLAN } from '../../core/index.ts';
import { expectAccessible } from './accessibility.ts';
import { signInFirstAdmin, startWebHost, type WebHost } from './web-host.ts';

let host: WebHost;

test.beforeAll(async () => {
  host = await startWebHost(['--simulate', '--port', '0', '--time-scale', '4']);
});

test.afterAll(async () => {
  await host.stop();
});

// About 20 s on a quiet machine; the headroom is for a loaded one (the settling is device time).
test.setTimeout(120_000);

test('zero, every point placed by the simulator and taken once settled, a retake, finish: passed and stored', async ({ page }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await signInFirstAdmin(page, host);
  await page.getByRole('button', { name: 'Devices' }).click();
  await expect(page.getByTestId('plate-state')).toContainText('Connected', { timeout: 15_000 });
  await expect(page.getByTestId('plate-calibration-flag')).toBeVisible();
  const wizard = page.getByTestId('plate-calibration');
  await wizard.getByRole('button', { name: 'Calibrate the force plate' }).click();
  await expect(wizard.getByText(/^Settled when, over the last 2 s/)).toBeVisible();

  await wizard.getByRole('button', { name: 'Clear plate (simulator)' }).click();
  await wizard.getByRole('button', { name: 'Zero the empty plate' }).click();
  await expect(wizard.getByTestId('plate-wizard-instruction')).toHaveText(/^Next: centre-40, 40 kg at \(0, 0\) mm/, { timeout: 10_000 });
  for (const point of DEFAULT_PLATE_PLAN) {
    await wizard.getByRole('button', { name: `Place it (simulator): ${point.id}` }).click();
    await wizard.getByRole('button', { name: `Take ${point.id}` }).click();
    await expect(wizard.getByRole('button', { name: `Retake ${point.id}` })).toBeEnabled({ timeout: 10_000 });
    if (point.id === 'rear-left-100') {
      await expect(wizard.getByTestId('plate-live-settled')).toHaveText('Settled');
      await expectAccessible(page, 'plate calibration wizard');
      await shot('40-plate-calibration-wizard');
    }
  }
  // The retake: the first point again, its reading replaced.
  await wizard.getByRole('button', { name: 'Place it (simulator): centre-40' }).click();
  await wizard.getByRole('button', { name: 'Retake centre-40' }).click();
  await expect(wizard.getByRole('button', { name: 'Finish and store' })).toBeEnabled({ timeout: 10_000 });
  await expect(wizard.getByTestId('plate-wizard-instruction')).toHaveText('Every point is taken: retake any point, or finish.');

  await wizard.getByRole('button', { name: 'Clear plate (simulator)' }).click();
  await wizard.getByRole('button', { name: 'Finish and store' }).click();
  const result = wizard.getByTestId('plate-calibration-result');
  await expect(result).toContainText(/^PASSED: worst COP error 0\.\d\d mm \(uncalibrated \d+\.\d mm\)/);
  await expect(result.locator('tbody tr')).toHaveCount(DEFAULT_PLATE_PLAN.filter((p) => p.role === 'verify').length);
  await expect(result.locator('tbody tr td:last-child')).toHaveText(['pass', 'pass', 'pass', 'pass']);
  await expect(page.getByTestId('plate-calibration-flag')).toHaveCount(0, { timeout: 5_000 });
  await expectAccessible(page, 'plate calibration result');
  // The certificate's PDF itself is read back in the decompression spec (same reports.calibration).
  await expect(result.getByRole('button', { name: 'Save certificate PDF' })).toBeEnabled();
  await shot('41-plate-calibrated');
});
