/**
 * The patient form's text fields ↔ the contract's patient fields: height in cm and body mass in
 * the clinic's mass unit on screen (clinic units at the edge), mm and kg in the contract; an
 * empty number is "not recorded". Numbers that do not parse are caught here, with a message for the field.
 */
import type { PatientFields } from '../../../api/index.ts';
import type { UnitFormat } from '../../app/units.ts';

export interface PatientFormValues {
  readonly clinicId: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly dateOfBirth: string;
  readonly heightCm: string;
  /** In the clinic's mass unit (settings). */
  readonly bodyMass: string;
  readonly notes: string;
}

export const EMPTY_PATIENT_FORM: PatientFormValues = { clinicId: '', familyName: '', givenName: '', dateOfBirth: '', heightCm: '', bodyMass: '', notes: '' };

/** The contract's field names → the form's, for messages the host gives per field. */
const FORM_FIELD_OF: Readonly<Record<string, keyof PatientFormValues>> = { heightMm: 'heightCm', bodyMassKg: 'bodyMass' };

function parseOptionalNumber(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : undefined;
}

export function toPatientFields(values: PatientFormValues, mass: UnitFormat): { ok: true; value: PatientFields } | { ok: false; errors: Partial<Record<keyof PatientFormValues, string>> } {
  const heightCm = parseOptionalNumber(values.heightCm);
  const bodyMass = parseOptionalNumber(values.bodyMass);
  const errors: Partial<Record<keyof PatientFormValues, string>> = {};
  if (heightCm === undefined) errors.heightCm = 'must be a number of centimetres, or empty';
  if (bodyMass === undefined) errors.bodyMass = `must be a number of ${mass.symbol}, or empty`;
  if (heightCm === undefined || bodyMass === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: {
      clinicId: values.clinicId,
      familyName: values.familyName,
      givenName: values.givenName,
      dateOfBirth: values.dateOfBirth,
      heightMm: heightCm === null ? null : Math.round(heightCm * 10),
      bodyMassKg: bodyMass === null ? null : mass.toSi(bodyMass),
      notes: values.notes,
    },
  };
}

/** The form's field that shows the host's message about a contract field. */
export function formFieldOf(path: string): keyof PatientFormValues {
  return FORM_FIELD_OF[path] ?? (path as keyof PatientFormValues);
}
