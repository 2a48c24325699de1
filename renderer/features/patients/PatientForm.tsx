/**
 * Registering a patient. A refused form shows each problem beside its field and saves nothing;
 * numbers that do not parse are caught before anything is sent.
 */
import { useState, type FormEvent } from 'react';
import type { PatientView } from '../../../api/index.ts';
import { Field, fieldInputProps, FormMessage } from '../../app/Field.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useFormCall } from '../../app/use-form-call.ts';
import { useUnits } from '../../app/use-units.ts';
import { EMPTY_PATIENT_FORM, formFieldOf, toPatientFields, type PatientFormValues } from './patient-form-values.ts';

const fieldsIn = (massSymbol: string): readonly { readonly key: keyof PatientFormValues; readonly label: string; readonly type?: string; readonly inputMode?: 'decimal' }[] => [
  { key: 'clinicId', label: 'Clinic ID' },
  { key: 'familyName', label: 'Family name' },
  { key: 'givenName', label: 'Given name' },
  { key: 'dateOfBirth', label: 'Date of birth', type: 'date' },
  { key: 'heightCm', label: 'Height (cm)', inputMode: 'decimal' },
  { key: 'bodyMass', label: `Body mass (${massSymbol})`, inputMode: 'decimal' },
];

export function PatientForm({ onSaved, onCancel }: { readonly onSaved: (patient: PatientView) => void; readonly onCancel: () => void }) {
  const client = useClient();
  const [values, setValues] = useState<PatientFormValues>(EMPTY_PATIENT_FORM);
  const form = useFormCall();
  const { mass } = useUnits();
  // The host names contract fields (heightMm); the form shows them on its own (heightCm).
  const errors: Partial<Record<keyof PatientFormValues, string>> = Object.fromEntries(Object.entries(form.fields).map(([path, message]) => [formFieldOf(path), message]));
  const set = (key: keyof PatientFormValues, value: string): void => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const fields = toPatientFields(values, mass);
    if (fields.ok) form.run(() => client.call('patients.create', fields.value), onSaved);
    else form.refuse(fields.errors);
  };

  return (
    <form className="card" aria-labelledby="patient-form-title" onSubmit={submit} noValidate>
      <h2 id="patient-form-title">New patient</h2>
      <div className="form-grid">
        {fieldsIn(mass.symbol).map(({ key, label, type, inputMode }) => (
          <Field key={key} id={`patient-${key}`} label={label} error={errors[key]}>
            <input {...fieldInputProps(`patient-${key}`, errors[key])} type={type ?? 'text'} inputMode={inputMode} value={values[key]} onChange={(e) => set(key, e.target.value)} />
          </Field>
        ))}
        <Field id="patient-notes" label="Notes" error={errors.notes}>
          <textarea {...fieldInputProps('patient-notes', errors.notes)} value={values.notes} onChange={(e) => set('notes', e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <button type="submit" disabled={form.isBusy}>
          Save patient
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FormMessage message={form.message} />
    </form>
  );
}
