/**
 * Steps a person takes in the clinic app, shared by the browser-mode specs and the Electron one:
 * the same clicks on the same renderer, whichever shell shows it.
 */
import { expect, type Page } from '@playwright/test';

/** The first administrator every fresh database gets. */
export const FIRST_ADMIN = { username: 'admin', displayName: 'Clinic Admin', password: 'proprio e2e passphrase' } as const;

/** On a fresh database's first start: creates the administrator, who is then signed in. */
export async function createFirstAdmin(page: Page): Promise<void> {
  await page.getByLabel('Username').fill(FIRST_ADMIN.username);
  await page.getByLabel('Full name').fill(FIRST_ADMIN.displayName);
  await page.getByLabel(/^Password/).fill(FIRST_ADMIN.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await page.getByTestId('operator-name').waitFor({ timeout: 20_000 });
}

export interface NewPatient {
  readonly clinicId: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly dateOfBirth: string;
  readonly heightCm: string;
}

/** Creates a patient through the Patients screen's form and waits for the confirmation. */
export async function createPatient(page: Page, patient: NewPatient): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Clinic ID').fill(patient.clinicId);
  await page.getByLabel('Family name').fill(patient.familyName);
  await page.getByLabel('Given name').fill(patient.givenName);
  await page.getByLabel('Date of birth').fill(patient.dateOfBirth);
  await page.getByLabel('Height (cm)').fill(patient.heightCm);
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByText(`Saved ${patient.givenName} ${patient.familyName} (${patient.clinicId}).`)).toBeVisible();
}
