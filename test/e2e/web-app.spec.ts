/**
 * Browser mode end to end, as a person uses it: `proprio web --simulate` started as a child, its
 * URL read from the first line, the app opened in Debian's Chromium (playwright.config.ts), and
 * everything done by clicking. A screenshot of every screen is kept with the test output.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signInFirstAdmin, startWebHost, type WebHost } from './web-host.ts';

let host: WebHost;

test.beforeAll(async () => {
  host = await startWebHost(['--simulate', '--port', '0']);
});

test.afterAll(async () => {
  await host.stop();
});

/** Two pictures of a chart a moment apart differ when it is drawing live data. */
async function isMoving(chart: Locator, page: Page): Promise<boolean> {
  const before = await chart.screenshot();
  await page.waitForTimeout(400);
  const after = await chart.screenshot();
  return !before.equals(after);
}

test('without the token the page, its assets and its socket are refused', async ({ page }) => {
  for (const url of [`${host.origin}/`, `${host.origin}/?token=wrong`, `${host.origin}/index.html`]) {
    const response = await page.goto(url);
    expect([401, 403]).toContain(response?.status());
    await expect(page.getByText('SIMULATED')).toHaveCount(0);
  }
  const opened = await page.evaluate(
    (origin) =>
      new Promise<boolean>((resolve) => {
        const socket = new WebSocket(`${origin.replace('http', 'ws')}/ws`);
        socket.onopen = () => resolve(true);
        socket.onerror = () => resolve(false);
      }),
    host.origin,
  );
  expect(opened).toBe(false);
});

test('simulated plate: banner, live COP, step off and on, unplug and reconnect', async ({ page }, testInfo) => {
  expect(host.firstLine).toMatch(/^Proprio running at http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await signInFirstAdmin(page, host);
  await page.getByRole('button', { name: 'Live balance' }).click();

  // The live balance view: simulated devices announced, the plate connected, the COP moving.
  await expect(page.getByTestId('simulated-banner')).toBeVisible();
  await expect(page.getByTestId('plate-status')).toHaveText('Force plate: Connected', { timeout: 15_000 });
  await expect(page.getByTestId('plate-load')).toHaveText(/^\d+\.\d kg on the plate$/);
  // Issue 8: a plate never calibrated is flagged where it is used.
  await expect(page.getByTestId('plate-calibration-flag')).toHaveText('The force plate has never been calibrated: measurements use its nominal sensitivity and are flagged.');
  await expect.poll(() => isMoving(page.getByTestId('stabilogram'), page)).toBe(true);
  await shot('01-live-balance');

  // Technician's devices screen: both simulated devices with identity and live counters.
  await page.getByRole('button', { name: 'Devices' }).click();
  await expect(page.getByTestId('plate-state')).toContainText('Connected · sim:plate (simulated)');
  await expect(page.getByTestId('plate-identity')).toContainText('PF-600');
  await expect(page.getByTestId('table-state')).toContainText('Connected', { timeout: 15_000 });
  await expect(page.getByTestId('plate-raw')).toContainText('Cell counts');
  await shot('02-devices');

  // QA's simulator panel: step the subject off, then on again, and watch the live view follow.
  await page.getByRole('button', { name: 'Simulator' }).click();
  await shot('03-simulator');
  await page.getByRole('button', { name: 'Step the subject off' }).click();
  await page.getByRole('button', { name: 'Live balance' }).click();
  await expect(page.getByTestId('plate-load')).toHaveText(/^Nobody on the plate/, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Simulator' }).click();
  await page.getByRole('button', { name: 'Step the subject on' }).click();
  await page.getByRole('button', { name: 'Live balance' }).click();
  await expect(page.getByTestId('plate-load')).toHaveText(/^\d+\.\d kg on the plate$/, { timeout: 10_000 });
  await expect.poll(() => isMoving(page.getByTestId('stabilogram'), page)).toBe(true);
  await expect.poll(() => isMoving(page.getByTestId('sway-series'), page)).toBe(true);
  await shot('04-live-balance-after-step-on');

  // Unplug the plate's cable in the simulator panel: the link drops, then comes back by itself once replugged.
  await page.getByRole('button', { name: 'Simulator' }).click();
  await page.getByRole('button', { name: 'Unplug the plate' }).click();
  await page.getByRole('button', { name: 'Devices' }).click();
  await expect(page.getByTestId('plate-state')).not.toContainText(/^Connected/, { timeout: 10_000 });
  await shot('05-devices-plate-unplugged');
  await page.getByRole('button', { name: 'Simulator' }).click();
  await page.getByRole('button', { name: 'Plug the plate back in' }).click();
  await page.getByRole('button', { name: 'Devices' }).click();
  await expect(page.getByTestId('plate-state')).toContainText(/^Connected/, { timeout: 15_000 });
  await expect(page.getByTestId('device-plate')).toContainText(/Link losses \/ reconnects\s*[1-9]\d* \/ [1-9]/);

  // A fault the simulator knows, injected and listed, then cleared.
  await page.getByRole('button', { name: 'Simulator' }).click();
  await page.getByRole('combobox', { name: /^Fault/ }).selectOption('drop');
  await page.getByLabel('Value').fill('0.01');
  await page.getByRole('button', { name: 'Inject' }).click();
  await expect(page.getByTestId('active-faults-plate')).toContainText('drop=0.01');
  await page.getByLabel('Value').fill('7');
  await page.getByRole('button', { name: 'Inject' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'did not accept drop=7' })).toBeVisible();
  await shot('06-simulator-fault');
  await page.getByRole('button', { name: 'Clear plate faults' }).click();
  await expect(page.getByTestId('active-faults-plate')).toContainText('none');

  // The host logged no internal error along the way.
  expect(host.stderr()).not.toContain('internal error');
});
