/**
 * The door and the patient list, as a clinic meets them on a fresh install: the first start
 * creates the administrator (bad input refused beside its field), sign-in, lock and unlock,
 * sign-out, and registering patients with every kind of bad input refused beside its field and
 * nothing saved. axe-core checks each screen for serious and critical accessibility violations.
 */
import { expect, test } from '@playwright/test';
import { FIRST_ADMIN, startWebHost, type WebHost } from './web-host.ts';
import { expectAccessible } from './accessibility.ts';

let host: WebHost;
/** A sign-in or unlock hashes the password with scrypt (~0.3 s idle); allow for a busy machine. */
const PASSWORD_CHECK_MS = 20_000;

test.beforeAll(async () => {
  host = await startWebHost(['--simulate', '--port', '0']);
});

test.afterAll(async () => {
  await host.stop();
});

test('first start, sign-in, lock, sign-out, and patients with bad input refused beside each field', async ({ page }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await page.goto(host.url);

  // First start: only the administrator can be created; a short password is refused beside its field.
  await expect(page.getByRole('heading', { name: 'Welcome to Proprio' })).toBeVisible();
  await expectAccessible(page, 'first start');
  await shot('10-first-start');
  await page.getByLabel('Username').fill(FIRST_ADMIN.username);
  await page.getByLabel('Full name').fill(FIRST_ADMIN.displayName);
  await page.getByLabel(/^Password/).fill('short');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.locator('#setup-password-error')).toHaveText('must be at least 8 characters');
  await expect(page.getByLabel(/^Password/)).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Proprio' })).toBeVisible();
  await page.getByLabel('Username').fill(FIRST_ADMIN.username);
  await page.getByLabel('Full name').fill(FIRST_ADMIN.displayName);
  await page.getByLabel(/^Password/).fill(FIRST_ADMIN.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByTestId('operator-name')).toContainText('Clinic Admin (admin)', { timeout: PASSWORD_CHECK_MS });

  // Patients: an empty form, then a height that is not a number, then one out of range; nothing is saved.
  await page.getByRole('button', { name: 'Patients' }).click();
  await expect(page.getByTestId('patient-list')).toContainText('No patients yet.');
  await page.getByRole('button', { name: 'New patient' }).click();
  await expectAccessible(page, 'patient form');
  await page.getByLabel('Height (cm)').fill('tall');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.locator('#patient-heightCm-error')).toHaveText('must be a number of centimetres, or empty');
  await page.getByLabel('Height (cm)').fill('17.5');
  await page.getByLabel('Date of birth').fill('2199-01-01');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.locator('#patient-clinicId-error')).toHaveText('must not be empty');
  await expect(page.locator('#patient-familyName-error')).toHaveText('must not be empty');
  await expect(page.locator('#patient-heightCm-error')).toHaveText('must be from 40 to 250 cm');
  await expect(page.getByText('Please correct the marked fields; nothing was saved.')).toBeVisible();
  await shot('11-patient-form-refused');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('patient-list')).toContainText('No patients yet.');

  // A good form is saved and listed; the search finds it by a name's start and by clinic ID.
  for (const [clinicId, family, given, born, heightCm, massKg] of [
    ['P-0042', 'Müller', 'Jörg', '1958-03-14', '176', '82.5'],
    ['P-0043', 'Okafor', 'Ngozi', '1990-07-01', '', ''],
  ] as const) {
    await page.getByRole('button', { name: 'New patient' }).click();
    await page.getByLabel('Clinic ID').fill(clinicId);
    await page.getByLabel('Family name').fill(family);
    await page.getByLabel('Given name').fill(given);
    await page.getByLabel('Date of birth').fill(born);
    await page.getByLabel('Height (cm)').fill(heightCm);
    await page.getByLabel('Body mass (kg)').fill(massKg);
    await page.getByRole('button', { name: 'Save patient' }).click();
    await expect(page.getByText(`Saved ${given} ${family} (${clinicId}).`)).toBeVisible();
  }
  const list = page.getByTestId('patient-list');
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await expect(list.locator('tbody tr').first()).toContainText('P-0042Müller, Jörg1958-03-14');
  await expect(list.locator('tbody tr').first()).toContainText('176 cm82.5 kg');
  await page.getByLabel('Search patients').fill('mull');
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('Search patients').fill('p-0043');
  await expect(list.locator('tbody tr')).toHaveText([/Okafor, Ngozi/]);
  await expectAccessible(page, 'patients');
  await shot('12-patients');

  // Lock: the workspace is covered; a wrong password is refused, the right one unlocks.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Proprio is locked' })).toBeVisible();
  await expectAccessible(page, 'locked');
  await shot('13-locked');
  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('That password is not right.')).toBeVisible({ timeout: PASSWORD_CHECK_MS });
  await page.getByLabel('Password').fill(FIRST_ADMIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // A password check is deliberately slow (scrypt): on a loaded machine it may take seconds.
  await expect(page.getByRole('heading', { name: 'Proprio is locked' })).toHaveCount(0, { timeout: PASSWORD_CHECK_MS });
  await expect(list.locator('tbody tr')).toHaveCount(1);

  // Sign out, a wrong password, then sign in again.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Proprio' })).toBeVisible();
  await expectAccessible(page, 'sign-in');
  await page.getByLabel('Username').fill(FIRST_ADMIN.username);
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('The username or password is not right.')).toBeVisible({ timeout: PASSWORD_CHECK_MS });
  await page.getByLabel('Password').fill(FIRST_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('operator-name')).toContainText('Clinic Admin', { timeout: PASSWORD_CHECK_MS });

  // The admin adds a therapist (a bad username and a short password refused beside their fields).
  await page.getByRole('button', { name: 'Operators' }).click();
  await page.getByLabel('Username').fill('Tina T');
  await page.getByLabel('Full name').fill('Tina Therapist');
  await page.getByLabel(/^First password/).fill('short');
  await page.getByRole('button', { name: 'Add operator' }).click();
  await expect(page.locator('#operator-password-error')).toHaveText('must be at least 8 characters');
  await page.getByLabel(/^First password/).fill('tina passphrase');
  await page.getByRole('button', { name: 'Add operator' }).click();
  await expect(page.locator('#operator-username-error')).toHaveText('must be 2-40 of a-z 0-9 . _ -', { timeout: PASSWORD_CHECK_MS });
  await page.getByLabel('Username').fill('tina');
  await page.getByRole('button', { name: 'Add operator' }).click();
  await expect(page.getByText('Added Tina Therapist as therapist.')).toBeVisible({ timeout: PASSWORD_CHECK_MS });
  await expect(page.getByTestId('operator-list')).toContainText('tinaTina Therapisttherapist');
  await expectAccessible(page, 'operators');
  await shot('14-operators');

  // The therapist sees patients but not operators.
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The Operators screen has a Username field too: wait for the sign-in form to replace it.
  await expect(page.getByRole('heading', { name: 'Sign in to Proprio' })).toBeVisible();
  await page.getByLabel('Username').fill('tina');
  await page.getByLabel('Password').fill('tina passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('operator-name')).toContainText('Tina Therapist (therapist)', { timeout: PASSWORD_CHECK_MS });
  await expect(page.getByRole('navigation', { name: 'Screens' }).getByRole('button')).toHaveText(['Patients', 'Protocols', 'Decompression', 'History', 'Live balance', 'Devices', 'Simulator', 'Settings']);
  await expect(page.getByTestId('patient-list').locator('tbody tr')).toHaveCount(2);
  expect(host.stderr()).not.toContain('internal error');
});
