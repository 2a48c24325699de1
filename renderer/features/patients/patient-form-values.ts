/**
 * The patient form's text fields ↔ the contract's patient fields: height in cm and body mass in
 * kg on screen (clinic units at the edge), mm and kg in the contract; an empty number is "not
 * recorded". Numbers that do not parse are caught here, with a message for the field.
 */
import type { PatientFields } from '../../../api/index.ts';

export interface PatientFormValues {
  readonly clinicId: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly dateOfBirth: string;
  readonly heightCm: string;
  readonly bodyMassKg: string;
  readonly notes: string;
}

export const EMPTY_PATIENT_FORM: PatientFormValues = { clinicId: '', familyName: '', givenName: '', dateOfBirth: '', heightCm: '', bodyMassKg: '', notes: '' };

/** The contract's field names → the form's, for messages the host gives per field. */
const FORM_FIELD_OF: Readonly<Record<string, keyof PatientFormValues>> = { heightMm: 'heightCm' };

function parseOptionalNumber(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : undefined;
}

export function toPatientFields(values: PatientFormValues): { ok: true; value: PatientFields } | { ok: false; errors: Partial<Record<keyof PatientFormValues, string>> } {
  const heightCm = parseOptionalNumber(values.heightCm);
  const bodyMassKg = parseOptionalNumber(values.bodyMassKg);
  const errors: Partial<Record<keyof PatientFormValues, string>> = {};
  if (heightCm === undefined) errors.heightCm = 'must be a number of centimetres, or empty';
  if (bodyMassKg === undefined) errors.bodyMassKg = 'must be a number of kilograms, or empty';
  if (heightCm === undefined || bodyMassKg === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: {
      clinicId: values.clinicId,
      familyName: values.familyName,
      givenName: values.givenName,
      dateOfBirth: values.dateOfBirth,
      heightMm: heightCm === null ? null : Math.round(heightCm * 10),
      bodyMassKg,
      notes: values.notes,
    },
  };
}

/** The form's field that shows the host's message about a contract field. */
export function formFieldOf(path: string): keyof PatientFormValues {
  return FORM_FIELD_OF[path] ?? (path as keyof PatientFormValues);
}
