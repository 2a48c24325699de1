/** The contract's patient methods over the clinic database; changes are audited under the signed-in operator. */
import { apiError, type ApiHandlers, type ApiResponse } from '../../api/index.ts';
import { ok } from '../../core/index.ts';
import { createPatient, getPatient, listPatients, updatePatient, type Patient, type Storage, type StorageError } from '../storage/index.ts';
import type { Result } from '../../core/index.ts';
import type { OperatorSession } from './operator-session.ts';
import { storageRefusal } from './storage-refusal.ts';

type PatientMethods = 'patients.list' | 'patients.get' | 'patients.create' | 'patients.update';

/** The clinic's order for a list of names: "Müller" beside "Muller", not after "Mz". */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = (a: Patient, b: Patient): number => collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName) || a.id - b.id;

/** Case- and accent-insensitive, so "muller" finds "Müller". */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

export function patientHandlers(session: OperatorSession, storage: Storage): Pick<ApiHandlers, PatientMethods> {
  // access.ts lets only a signed-in operator reach these; the id is there.
  const operatorId = (): number | undefined => session.operatorId;
  const answer = (result: Result<Patient, StorageError>): ApiResponse<Patient> => (result.ok ? result : storageRefusal(result.error));
  const withOperator = (run: (id: number) => ApiResponse<Patient>): ApiResponse<Patient> => {
    const id = operatorId();
    return id === undefined ? apiError('not-signed-in', 'Please sign in first.') : run(id);
  };
  return {
    'patients.list': ({ query }) => {
      const words = fold(query ?? '').split(/\s+/).filter((w) => w !== '');
      const patients = listPatients(storage).sort(byName);
      const matches = (p: Patient): boolean => {
        const names = [p.familyName, p.givenName, p.clinicId].map(fold);
        return words.every((w) => names.some((n) => n.startsWith(w)));
      };
      return ok(words.length === 0 ? patients : patients.filter(matches));
    },
    'patients.get': ({ id }) => answer(getPatient(storage, id)),
    'patients.create': (fields) => withOperator((by) => answer(createPatient(storage, fields, by))),
    'patients.update': ({ id, changes }) => withOperator((by) => answer(updatePatient(storage, id, changes, by))),
  };
}
