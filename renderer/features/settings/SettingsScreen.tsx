/**
 * The clinic's settings (issue 7; issue 8's calibration interval). Units and cue volume for
 * everyone; the clinic name, idle lock and calibration interval are the clinic's policy, changed
 * by an administrator and shown read-only to others. Minutes and percent on screen, ms and a
 * fraction in the contract; the host checks each field and a refused form saves nothing.
 */
import { useState, type FormEvent } from 'react';
import {
  CALIBRATION_INTERVAL_MAX_MONTHS,
  CALIBRATION_INTERVAL_MIN_MONTHS,
  CLINIC_NAME_MAX_CHARS,
  IDLE_LOCK_MAX_MS,
  IDLE_LOCK_MIN_MS,
  LENGTH_UNITS,
  MASS_UNITS,
  type LengthUnit,
  type MassUnit,
  type SettingsPatch,
  type SettingsView,
} from '../../../api/index.ts';
import { Field, fieldInputProps, FormMessage } from '../../app/Field.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useFormCall, type FieldMessages, type FormCall } from '../../app/use-form-call.ts';
import { useSettings } from '../../app/use-units.ts';
import { StatsList } from '../../app/StatsList.tsx';

const MINUTE_MS = 60_000;
const MASS_TEXT: Readonly<Record<MassUnit, string>> = { kg: 'kilograms (kg; forces in kgf)', lb: 'pounds (lb; forces in lbf)' };
const LENGTH_TEXT: Readonly<Record<LengthUnit, string>> = { mm: 'millimetres (mm)', cm: 'centimetres (cm)' };

interface FormValues {
  readonly massUnit: MassUnit;
  readonly lengthUnit: LengthUnit;
  readonly volumePct: string;
  readonly clinicName: string;
  readonly idleLockMin: string;
  readonly calibrationIntervalMonths: string;
}

function formOf(settings: SettingsView): FormValues {
  return {
    massUnit: settings.massUnit,
    lengthUnit: settings.lengthUnit,
    volumePct: String(Math.round(settings.cueVolumeFrac * 100)),
    clinicName: settings.clinicName,
    idleLockMin: String(settings.idleLockMs / MINUTE_MS),
    calibrationIntervalMonths: String(settings.calibrationIntervalMonths),
  };
}

const numberOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : undefined);

/** The form as a patch in contract units (only the fields this operator may change), or a message per unreadable field. */
function patchOf(values: FormValues, isAdmin: boolean): { ok: true; patch: SettingsPatch } | { ok: false; errors: FieldMessages } {
  const errors: Record<string, string> = {};
  const volumePct = numberOf(values.volumePct);
  if (volumePct === undefined) errors.cueVolumeFrac = 'must be a number from 0 to 100';
  const patch: SettingsPatch = { massUnit: values.massUnit, lengthUnit: values.lengthUnit, cueVolumeFrac: (volumePct ?? 0) / 100 };
  if (!isAdmin) return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, patch };
  const idleLockMin = numberOf(values.idleLockMin);
  if (idleLockMin === undefined) errors.idleLockMs = 'must be a number of minutes';
  const months = numberOf(values.calibrationIntervalMonths);
  if (months === undefined) errors.calibrationIntervalMonths = 'must be a number of months';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    patch: { ...patch, clinicName: values.clinicName, idleLockMs: Math.round((idleLockMin ?? 0) * MINUTE_MS), calibrationIntervalMonths: months ?? 0 },
  };
}

function PolicyReadOnly({ settings }: { readonly settings: SettingsView }) {
  return (
    <section className="card" aria-labelledby="policy-title" data-testid="settings-policy">
      <h2 id="policy-title">Clinic policy</h2>
      <p className="hint">Only an administrator can change these.</p>
      <StatsList
        rows={[
          ['Clinic name on reports', settings.clinicName === '' ? '(none)' : settings.clinicName],
          ['Lock the screen after', `${settings.idleLockMs / MINUTE_MS} minutes without use`],
          ['Calibration due after', `${settings.calibrationIntervalMonths} months`],
        ]}
      />
    </section>
  );
}

function SettingsForm({ settings, isAdmin, form }: { readonly settings: SettingsView; readonly isAdmin: boolean; readonly form: FormCall }) {
  const client = useClient();
  const [values, setValues] = useState<FormValues>(() => formOf(settings));
  const set = (key: keyof FormValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }));
  const errors = form.fields;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = patchOf(values, isAdmin);
    if (!parsed.ok) {
      form.refuse(parsed.errors);
      return;
    }
    form.run(
      () => client.call('settings.update', parsed.patch),
      () => form.say('Settings saved.'),
    );
  };
  return (
    <form aria-labelledby="settings-title" onSubmit={submit} noValidate>
      <section className="card" aria-labelledby="display-title">
        <h2 id="display-title">Units and sound</h2>
        <div className="form-grid">
          <Field id="settings-mass-unit" label="Body mass and force" error={errors.massUnit}>
            <select {...fieldInputProps('settings-mass-unit', errors.massUnit)} value={values.massUnit} onChange={set('massUnit')}>
              {MASS_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {MASS_TEXT[unit]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="settings-length-unit" label="Sway lengths and areas" error={errors.lengthUnit}>
            <select {...fieldInputProps('settings-length-unit', errors.lengthUnit)} value={values.lengthUnit} onChange={set('lengthUnit')}>
              {LENGTH_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {LENGTH_TEXT[unit]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="settings-volume" label="Cue and alarm volume (%, 0–100)" error={errors.cueVolumeFrac}>
            <input {...fieldInputProps('settings-volume', errors.cueVolumeFrac)} inputMode="numeric" value={values.volumePct} onChange={set('volumePct')} />
          </Field>
        </div>
      </section>
      {isAdmin ? (
        <section className="card" aria-labelledby="policy-title">
          <h2 id="policy-title">Clinic policy</h2>
          <div className="form-grid">
            <Field id="settings-clinic-name" label={`Clinic name on reports (up to ${CLINIC_NAME_MAX_CHARS} characters; empty: none)`} error={errors.clinicName}>
              <input {...fieldInputProps('settings-clinic-name', errors.clinicName)} autoComplete="organization" value={values.clinicName} onChange={set('clinicName')} />
            </Field>
            <Field id="settings-idle-lock" label={`Lock the screen after (minutes, ${IDLE_LOCK_MIN_MS / MINUTE_MS}–${IDLE_LOCK_MAX_MS / MINUTE_MS})`} error={errors.idleLockMs}>
              <input {...fieldInputProps('settings-idle-lock', errors.idleLockMs)} inputMode="numeric" value={values.idleLockMin} onChange={set('idleLockMin')} />
            </Field>
            <Field
              id="settings-calibration-interval"
              label={`Calibration due after (months, ${CALIBRATION_INTERVAL_MIN_MONTHS}–${CALIBRATION_INTERVAL_MAX_MONTHS})`}
              error={errors.calibrationIntervalMonths}>
              <input
                {...fieldInputProps('settings-calibration-interval', errors.calibrationIntervalMonths)}
                inputMode="numeric"
                value={values.calibrationIntervalMonths}
                onChange={set('calibrationIntervalMonths')}
              />
            </Field>
          </div>
        </section>
      ) : (
        <PolicyReadOnly settings={settings} />
      )}
      <button type="submit" className="go" disabled={form.isBusy}>
        Save settings
      </button>
      <FormMessage message={form.message} />
    </form>
  );
}

export function SettingsScreen({ isAdmin }: { readonly isAdmin: boolean }) {
  const settings = useSettings();
  // Held here, not in the form: the form is remade when the settings change, and "Settings saved." must outlive that.
  const form = useFormCall();
  return (
    <div className="screen">
      <h1 id="settings-title">Settings</h1>
      {settings === null ? (
        <p className="hint" role="status">
          Reading the settings…
        </p>
      ) : (
        // Keyed by the settings in force: a change saved here or at another screen refreshes the form.
        <SettingsForm key={JSON.stringify(settings)} settings={settings} isAdmin={isAdmin} form={form} />
      )}
    </div>
  );
}
