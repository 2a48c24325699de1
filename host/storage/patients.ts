/**
 * Patients: identity and the anthropometrics the analyses need. Input is validated with zod at
 * this boundary; a refused change writes nothing. Every change is audited with the operator.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../core/index.ts';
import { appendAudit } from './audit.ts';
import { checkRefs, conflict, inTransaction, isUniqueViolation, parseInput } from './repository-kit.ts';
import { notFound, type StorageError } from './storage-errors.ts';
import type { Storage } from './storage.ts';

/** Design choice: wide enough for small children and the tallest adults, narrow enough to catch cm/mm or m slips. */
const HEIGHT_MIN_MM = 400;
const HEIGHT_MAX_MM = 2500;
/** Design choice: as above, catching lb/kg and g/kg slips at the extremes. */
const BODY_MASS_MIN_KG = 2;
const BODY_MASS_MAX_KG = 400;
/** Design choice: no living patient was born earlier. */
const EARLIEST_BIRTH_DATE = '1900-01-01';

const HEIGHT_RANGE = `must be from ${HEIGHT_MIN_MM / 10} to ${HEIGHT_MAX_MM / 10} cm`;
const BODY_MASS_RANGE = `must be from ${BODY_MASS_MIN_KG} to ${BODY_MASS_MAX_KG} kg`;

const name = z.string().trim().min(1, 'must not be empty').max(100);

const patientFields = z.strictObject({
  /** The clinic's own patient number (unique). */
  clinicId: z.string().trim().min(1, 'must not be empty').max(40),
  familyName: name,
  givenName: name,
  // A blank or malformed date gets the format's message alone (abort): the range speaks only about a date.
  dateOfBirth: z.iso.date({ error: 'must be a full date, YYYY-MM-DD', abort: true }).refine((date) => date >= EARLIEST_BIRTH_DATE, `must be ${EARLIEST_BIRTH_DATE} or later`),
  // Messages in the units a clinician types (cm), as the form shows them beside the field.
  heightMm: z.number().min(HEIGHT_MIN_MM, HEIGHT_RANGE).max(HEIGHT_MAX_MM, HEIGHT_RANGE).nullable(),
  bodyMassKg: z.number().min(BODY_MASS_MIN_KG, BODY_MASS_RANGE).max(BODY_MASS_MAX_KG, BODY_MASS_RANGE).nullable(),
  notes: z.string().max(10_000),
});

export type PatientInput = z.input<typeof patientFields>;

export interface Patient extends z.output<typeof patientFields> {
  readonly id: number;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

interface PatientRow {
  id: number;
  clinic_id: string;
  family_name: string;
  given_name: string;
  date_of_birth: string;
  height_mm: number | null;
  body_mass_kg: number | null;
  notes: string;
  created_at_ms: number;
  updated_at_ms: number;
}

const SELECT_PATIENT = 'SELECT * FROM patients';

/** Adds a patient. `operatorId` is who registers them (audited). */
export function createPatient(storage: Storage, input: unknown, operatorId: number): Result<Patient, StorageError> {
  const parsed = parseInput(patientFields, input);
  if (!parsed.ok) return parsed;
  const fields = parsed.value;
  const problem = checkBirthDate(storage, fields.dateOfBirth) ?? checkRefs(storage, [['operator', operatorId]]);
  if (problem !== undefined) return err(problem);
  return inTransaction(storage, () => {
    const nowMs = storage.nowMs();
    let id: number;
    try {
      id = Number(
        storage.db
          .prepare(
            `INSERT INTO patients (clinic_id, family_name, given_name, date_of_birth, height_mm, body_mass_kg, notes, created_at_ms, updated_at_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(fields.clinicId, fields.familyName, fields.givenName, fields.dateOfBirth, fields.heightMm, fields.bodyMassKg, fields.notes, nowMs, nowMs)
          .lastInsertRowid,
      );
    } catch (error) {
      if (isUniqueViolation(error)) return conflict(`clinic ID "${fields.clinicId}" is already used by another patient`);
      throw error;
    }
    appendAudit(storage, { operatorId, action: 'patient-created', entity: 'patient', entityId: id });
    return ok(getPatientRow(storage, id) as Patient);
  });
}

/** Changes some fields of a patient; the audit row lists which. */
export function updatePatient(storage: Storage, id: number, changes: unknown, operatorId: number): Result<Patient, StorageError> {
  const parsed = parseInput(patientFields.partial(), changes);
  if (!parsed.ok) return parsed;
  const current = getPatientRow(storage, id);
  if (current === undefined) return err(notFound('patient', id));
  const { id: _id, createdAtMs: _created, updatedAtMs: _updated, ...currentFields } = current;
  // The merged record is checked whole, so `{ notes: undefined }` cannot blank a required field.
  const mergedResult = parseInput(patientFields, { ...currentFields, ...parsed.value });
  if (!mergedResult.ok) return mergedResult;
  const merged = mergedResult.value;
  const problem = checkBirthDate(storage, merged.dateOfBirth) ?? checkRefs(storage, [['operator', operatorId]]);
  if (problem !== undefined) return err(problem);
  return inTransaction(storage, () => {
    try {
      storage.db
        .prepare(
          `UPDATE patients SET clinic_id = ?, family_name = ?, given_name = ?, date_of_birth = ?, height_mm = ?, body_mass_kg = ?, notes = ?, updated_at_ms = ?
           WHERE id = ?`,
        )
        .run(merged.clinicId, merged.familyName, merged.givenName, merged.dateOfBirth, merged.heightMm, merged.bodyMassKg, merged.notes, storage.nowMs(), id);
    } catch (error) {
      if (isUniqueViolation(error)) return conflict(`clinic ID "${merged.clinicId}" is already used by another patient`);
      throw error;
    }
    appendAudit(storage, { operatorId, action: 'patient-updated', entity: 'patient', entityId: id, detail: { fields: Object.keys(parsed.value) } });
    return ok(getPatientRow(storage, id) as Patient);
  });
}

export function getPatient(storage: Storage, id: number): Result<Patient, StorageError> {
  const patient = getPatientRow(storage, id);
  return patient === undefined ? err(notFound('patient', id)) : ok(patient);
}

/** All patients, by family then given name. */
export function listPatients(storage: Storage): Patient[] {
  return (storage.db.prepare(`${SELECT_PATIENT} ORDER BY family_name, given_name, id`).all() as PatientRow[]).map(fromRow);
}

function getPatientRow(storage: Storage, id: number): Patient | undefined {
  const row = storage.db.prepare(`${SELECT_PATIENT} WHERE id = ?`).get(id) as PatientRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}

function checkBirthDate(storage: Storage, dateOfBirth: string): StorageError | undefined {
  const today = new Date(storage.nowMs()).toISOString().slice(0, 10);
  if (dateOfBirth <= today) return undefined;
  return { code: 'invalid-input', message: `dateOfBirth: ${dateOfBirth} is in the future`, issues: [{ path: 'dateOfBirth', message: 'is in the future' }] };
}

function fromRow(row: PatientRow): Patient {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    familyName: row.family_name,
    givenName: row.given_name,
    dateOfBirth: row.date_of_birth,
    heightMm: row.height_mm,
    bodyMassKg: row.body_mass_kg,
    notes: row.notes,
    createdAtMs: row.created_at_ms,
    updatedAtMs: row.updated_at_ms,
  };
}
