/**
 * Before a session: the patient, the program and its tensions (in the clinic's force unit, kgf or
 * lbf), previewed against the patient's envelope with the timeline chart; the session can begin
 * only from a preview of exactly what is on the form, in the unit it was typed in. Refusals appear
 * beside their fields.
 */
import { useState } from 'react';
import { PROGRAM_KINDS, type PlanView, type ScreeningStatus } from '../../../api/index.ts';
import { Field, fieldInputProps, FormMessage } from '../../app/Field.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useFormCall } from '../../app/use-form-call.ts';
import type { Units } from '../../app/units.ts';
import { useUnits } from '../../app/use-units.ts';
import { DEFAULT_PRESCRIPTION, FORM_FIELD_OF, toPrescription, type PrescriptionValues } from './prescription-values.ts';
import { PatientSelect } from '../patients/PatientSelect.tsx';
import { usePatientChoice } from '../patients/use-patient-choice.ts';
import { StatsList } from '../../app/StatsList.tsx';
import { ScreeningPanel } from './ScreeningPanel.tsx';
import { TimelinePreview } from './TimelinePreview.tsx';

const textFieldsIn = (forceSymbol: string): readonly { readonly key: keyof PrescriptionValues; readonly label: string; readonly kinds?: readonly string[] }[] => [
  { key: 'maxForce', label: `Hold tension (${forceSymbol}; empty: suggested)` },
  { key: 'minForce', label: `Rest tension (${forceSymbol}; empty: highest allowed)`, kinds: ['intermittent', 'cyclic', 'progressive', 'regressive'] },
  { key: 'holdS', label: 'Hold (s)', kinds: ['intermittent', 'progressive', 'regressive'] },
  { key: 'restS', label: 'Rest (s)', kinds: ['intermittent', 'progressive', 'regressive'] },
  { key: 'rampUpS', label: 'Ramp up (s)', kinds: ['cyclic'] },
  { key: 'rampDownS', label: 'Ramp down (s)', kinds: ['cyclic'] },
  { key: 'steps', label: 'Steps', kinds: ['progressive', 'regressive'] },
  { key: 'rampRate', label: `Ramp speed (${forceSymbol}/s; empty: the limit)` },
  { key: 'minutes', label: 'Treatment (min)' },
  { key: 'angleDeg', label: 'Angle of pull (°)' },
  { key: 'confirmForce', label: `Confirm hold tension (${forceSymbol}), if asked` },
];

function PlanSummary({ plan, units }: { readonly plan: PlanView; readonly units: Units }) {
  const e = plan.envelope;
  return (
    <div data-testid="plan-summary">
      <StatsList
        rows={[
          ['Hold / rest', `${units.formatForce(plan.maxN)} / ${units.formatForce(plan.minN)}`],
          ['Ramp speed', `${units.force.format(plan.rampRateNps, 1)}/s`],
          ['Total time', `${(plan.totalMs / 60_000).toFixed(1)} min`],
          ['Envelope: never above', units.formatForce(e.maxTensionN)],
          ['Confirmation above', units.formatForce(e.confirmAboveN)],
          ['Suggested hold', `${units.formatForce(e.startTensionN)}${e.isFirstCapped ? ' (first-session cap)' : ''}`],
        ]}
      />
      <TimelinePreview segments={plan.segments} force={units.force} />
    </div>
  );
}

export function PrescriptionPanel() {
  const client = useClient();
  const preview = useFormCall();
  const begin = useFormCall();
  const choice = usePatientChoice();
  const units = useUnits();
  const [values, setValues] = useState<PrescriptionValues>(DEFAULT_PRESCRIPTION);
  const [plan, setPlan] = useState<{ readonly plan: PlanView; readonly of: string } | null>(null);
  const [screening, setScreening] = useState<ScreeningStatus | null>(null);
  const chosen = choice.chosenId;
  // A screening may correct the body mass, and with it the envelope: the preview must come after it.
  // The same text means another force in another unit: a change of unit needs a new preview too.
  const key = JSON.stringify([chosen, values, screening?.confirmed?.confirmedAtMs ?? null, units.force.symbol]);
  const isScreened = screening?.confirmed !== null && screening?.confirmed !== undefined && screening.patientId === chosen && screening.region === values.region;
  const canBegin = isScreened && plan?.of === key;
  const errors: Partial<Record<keyof PrescriptionValues, string>> = Object.fromEntries(
    Object.entries({ ...preview.fields, ...begin.fields }).map(([path, message]) => [FORM_FIELD_OF[path] ?? path, message]),
  );
  const set = (field: keyof PrescriptionValues, value: string): void => setValues((v) => ({ ...v, [field]: value }));
  const prescription = () => (chosen === null ? undefined : toPrescription(chosen, values, units.force));

  const doPreview = (): void => {
    const p = prescription();
    if (p === undefined) return;
    if (!p.ok) return preview.refuse(p.errors);
    preview.run(
      () => client.call('decompression.preview', p.value),
      (view) => setPlan({ plan: view, of: key }),
    );
  };
  const doBegin = (): void => {
    const p = prescription();
    if (p?.ok === true) begin.run(() => client.call('decompression.begin', p.value));
  };

  return (
    <section className="card" aria-labelledby="rx-title">
      <h2 id="rx-title">Prescription</h2>
      <div className="form-grid">
        <Field id="rx-patient" label="Patient" error={undefined}>
          <PatientSelect choice={choice} id="rx-patient" detail={(p) => (p.bodyMassKg === null ? ' — no body mass' : `, ${units.formatMass(p.bodyMassKg)}`)} />
        </Field>
        <Field id="rx-region" label="Region" error={errors.region}>
          <select {...fieldInputProps('rx-region', errors.region)} value={values.region} onChange={(e) => set('region', e.target.value)}>
            <option value="lumbar">lumbar</option>
            <option value="cervical">cervical</option>
          </select>
        </Field>
        <Field id="rx-kind" label="Program" error={errors.kind}>
          <select {...fieldInputProps('rx-kind', errors.kind)} value={values.kind} onChange={(e) => set('kind', e.target.value)}>
            {PROGRAM_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </Field>
        <Field id="rx-shape" label="Ramp shape" error={undefined}>
          <select {...fieldInputProps('rx-shape', undefined)} value={values.shape} onChange={(e) => set('shape', e.target.value)}>
            <option value="linear">linear</option>
            <option value="logarithmic">logarithmic (fast then slow)</option>
          </select>
        </Field>
        {textFieldsIn(units.force.symbol).filter((f) => f.kinds === undefined || f.kinds.includes(values.kind)).map(({ key: field, label }) => (
          <Field key={field} id={`rx-${field}`} label={label} error={errors[field]}>
            <input {...fieldInputProps(`rx-${field}`, errors[field])} inputMode="decimal" value={values[field]} onChange={(e) => set(field, e.target.value)} />
          </Field>
        ))}
      </div>
      {chosen !== null && <ScreeningPanel key={`${chosen}-${values.region}`} patientId={chosen} region={values.region} onStatus={setScreening} />}
      <div className="row">
        <button type="button" disabled={preview.isBusy || chosen === null} onClick={doPreview}>
          Preview
        </button>
        <button type="button" disabled={begin.isBusy || !canBegin} onClick={doBegin}>
          Begin prechecks
        </button>
      </div>
      {!begin.isBusy && !canBegin && (
        <p className="hint" data-testid="begin-hint">
          {!isScreened ? 'Begin prechecks opens once the screening above is confirmed and the program previewed.' : 'Preview the program to open Begin prechecks.'}
        </p>
      )}
      <FormMessage message={begin.message ?? preview.message} />
      {plan !== null && plan.of === key && <PlanSummary plan={plan.plan} units={units} />}
    </section>
  );
}
