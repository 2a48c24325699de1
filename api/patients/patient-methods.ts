/**
 * Patients: the list with search, one patient, the registration form and its changes. Fields are
 * checked by the host, which answers a refused form with a message per field (ApiError.fields).
 */
import { z } from 'zod';
import { method } from '../method-spec.ts';

export interface PatientView {
  readonly id: number;
  /** The clinic's own patient number (unique). */
  readonly clinicId: string;
  readonly familyName: string;
  readonly givenName: string;
  /** YYYY-MM-DD. */
  readonly dateOfBirth: string;
  readonly heightMm: number | null;
  readonly bodyMassKg: number | null;
  readonly notes: string;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

/** Shapes and lengths only; the host checks the content (storage/patients.ts) per field. */
const patientFields = z.strictObject({
  clinicId: z.string().max(100),
  familyName: z.string().max(200),
  givenName: z.string().max(200),
  dateOfBirth: z.string().max(40),
  heightMm: z.number().nullable(),
  bodyMassKg: z.number().nullable(),
  notes: z.string().max(10_000),
});
export type PatientFields = z.infer<typeof patientFields>;

const patientId = z.number().int().positive();

export const PATIENT_METHODS = {
  /** Patients by family then given name; `query` matches the start of either name or the clinic ID, any case. */
  'patients.list': method<readonly PatientView[]>()(z.strictObject({ query: z.string().max(100).optional() })),
  'patients.get': method<PatientView>()(z.strictObject({ id: patientId })),
  'patients.create': method<PatientView>()(patientFields),
  'patients.update': method<PatientView>()(z.strictObject({ id: patientId, changes: patientFields.partial() })),
};
