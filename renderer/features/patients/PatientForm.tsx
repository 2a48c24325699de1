/**
 * Registering a patient. A refused form shows each problem beside its field and saves nothing;
 * numbers that do not parse are caught before anything is sent.
 */
import { useState, type FormEvent } from 'react';
import type { PatientView } from '../../../api/index.ts';
import { Field, fieldInputProps } from '../../app/Field.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { EMPTY_PATIENT_FORM, formErrorsOf, toPatientFields, type PatientFormValues } from './patient-form-values.ts';

type Errors = Partial<Record<keyof PatientFormValues, string>>;

const FIELDS: readonly { readonly key: keyof PatientFormValues; readonly label: string; readonly type?: string; readonly inputMode?: 'decimal' }[] = [
  { key: 'clinicId', label: 'Clinic ID' },
  { key: 'familyName', label: 'Family name' },
  { key: 'givenName', label: 'Given name' },
  { key: 'dateOfBirth', label: 'Date of birth', type: 'date' },
  { key: 'heightCm', label: 'Height (cm)', inputMode: 'decimal' },
  { key: 'bodyMassKg', label: 'Body mass (kg)', inputMode: 'decimal' },
];

export function PatientForm({ onSaved, onCancel }: { readonly onSaved: (patient: PatientView) => void; readonly onCancel: () => void }) {
  const client = useClient();
  const [values, setValues] = useState<PatientFormValues>(EMPTY_PATIENT_FORM);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const set = (key: keyof PatientFormValues, value: string): void => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const fields = toPatientFields(values);
    if (!fields.ok) {
      setErrors(fields.errors);
      setMessage('Please correct the marked fields; nothing was saved.');
      return;
    }
    setBusy(true);
    void client.call('patients.create', fields.value).then((response) => {
      setBusy(false);
      if (response.ok) {
        onSaved(response.value);
        return;
      }
      setErrors(formErrorsOf(response.error.fields ?? []));
      setMessage(response.error.fields === undefined ? response.error.message : 'Please correct the marked fields; nothing was saved.');
    });
  };

  return (
    <form className="card" aria-labelledby="patient-form-title" onSubmit={submit} noValidate>
      <h2 id="patient-form-title">New patient</h2>
      <div className="form-grid">
        {FIELDS.map(({ key, label, type, inputMode }) => (
          <Field key={key} id={`patient-${key}`} label={label} error={errors[key]}>
            <input {...fieldInputProps(`patient-${key}`, errors[key])} type={type ?? 'text'} inputMode={inputMode} value={values[key]} onChange={(e) => set(key, e.target.value)} />
          </Field>
        ))}
        <Field id="patient-notes" label="Notes" error={errors.notes}>
          <textarea {...fieldInputProps('patient-notes', errors.notes)} value={values.notes} onChange={(e) => set('notes', e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <button type="submit" disabled={isBusy}>
          Save patient
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="action-message" role="status" aria-live="polite">
        {message ?? ''}
      </p>
    </form>
  );
}
