/**
 * The screening before each session (issue 7; ref §4.8, §7.5): before the patient's first program
 * for the region, every contraindication answered; at later sessions "nothing changed since the
 * checklist of <date>" (or the checklist again); every time the body mass re-confirmed or
 * corrected, typed or weighed on the plate, in the clinic's mass unit (sent in kg). The host keeps
 * the answers and refuses to begin without this screening; a contraindication refuses it here,
 * with the reason.
 */
import { useEffect, useState } from 'react';
import { CHECKLIST_ANSWERS, type ScreeningStatus } from '../../../api/index.ts';
import { contraindicationsFor, type ChecklistAnswer, type Region } from '../../../core/index.ts';
import { Field, fieldInputProps, FormMessage } from '../../app/Field.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useFormCall } from '../../app/use-form-call.ts';
import { useUnits } from '../../app/use-units.ts';

const ANSWER_LABEL: Readonly<Record<ChecklistAnswer, string>> = { no: 'No', yes: 'Yes', unknown: 'Not known' };
const day = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);
const clock = (epochMs: number): string => new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * The body mass field: either the exact kg it was filled from (the record or the plate), shown in
 * the clinic's unit, or, once edited, the text typed. A rounded lb figure left as it was thus
 * never sends a "corrected" mass a few grams off the record.
 */
type MassField = { readonly kg: number } | { readonly text: string };

function Checklist({ region, answers, onAnswer, error }: { readonly region: Region; readonly answers: Readonly<Record<string, ChecklistAnswer>>; readonly onAnswer: (id: string, answer: ChecklistAnswer) => void; readonly error: string | undefined }) {
  return (
    <fieldset className="checklist" aria-describedby="screen-checklist-error">
      <legend>Contraindications (from the Saunders Lumbar HomeTrac manual, the iTrac quick start and the Lane CC traction course): is any of these present?</legend>
      {contraindicationsFor(region).map((item) => (
        <div key={item.id} className="checklist-item" role="radiogroup" aria-label={item.label}>
          <span>{item.label}</span>
          {CHECKLIST_ANSWERS.map((answer) => (
            <label key={answer} className="check">
              <input type="radio" name={`ci-${item.id}`} checked={answers[item.id] === answer} onChange={() => onAnswer(item.id, answer)} />
              {ANSWER_LABEL[answer]}
            </label>
          ))}
        </div>
      ))}
      <span id="screen-checklist-error" className="field-error" role={error === undefined ? undefined : 'alert'}>
        {error ?? ''}
      </span>
    </fieldset>
  );
}

/** One patient and region's screening (the parent keys it by both); `onStatus` hears each status the host gives. */
export function ScreeningPanel({ patientId, region, onStatus }: { readonly patientId: number; readonly region: Region; readonly onStatus: (status: ScreeningStatus | null) => void }) {
  const client = useClient();
  const confirm = useFormCall();
  const weigh = useFormCall();
  const units = useUnits();
  const [status, setStatus] = useState<ScreeningStatus | null>(null);
  const [massField, setMassField] = useState<MassField>({ text: '' });
  const massText = 'kg' in massField ? units.mass.number(massField.kg, 1) : massField.text;
  const [answers, setAnswers] = useState<Record<string, ChecklistAnswer>>({});
  const [isUnchanged, setUnchanged] = useState(false);
  const [isRedoing, setRedoing] = useState(false);

  const load = (id: number): void => {
    void client.call('decompression.screening', { patientId: id, region }).then((response) => {
      const next = response.ok ? response.value : null;
      setStatus(next);
      onStatus(next);
      const recordKg = next?.recordBodyMassKg ?? null;
      setMassField(recordKg === null ? { text: '' } : { kg: recordKg });
    });
  };
  useEffect(() => {
    load(patientId);
    // Loaded once: the parent gives each patient and region a panel of its own (key).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (status === null) return null;
  const last = status.lastChecklist;
  const isFullChecklist = last === null || !last.isClear || isRedoing;

  const doConfirm = (): void => {
    const typed = Number(massText.trim().replace(',', '.'));
    if (massText.trim() === '' || !Number.isFinite(typed)) return confirm.refuse({ bodyMassKg: `Enter the body mass in ${units.mass.symbol}.` });
    const mass = 'kg' in massField ? massField.kg : units.mass.toSi(typed);
    confirm.run(
      () => client.call('decompression.confirmScreening', { patientId, region, checklist: isFullChecklist ? answers : null, isUnchanged: !isFullChecklist && isUnchanged, bodyMassKg: mass }),
      () => load(patientId),
    );
  };

  if (status.confirmed !== null) {
    const c = status.confirmed;
    return (
      <section className="card" aria-labelledby="screen-title">
        <h2 id="screen-title">Screening</h2>
        <p data-testid="screening-done">
          Screened at {clock(c.confirmedAtMs)}: {c.kind === 'checklist' ? 'contraindication checklist clear' : 'no change since the last checklist'}, body mass {units.formatMass(c.bodyMassKg)}.
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="screen-title">
      <h2 id="screen-title">Screening</h2>
      <div className="row">
        <Field id="screen-bodyMassKg" label={`Body mass today (${units.mass.symbol})`} error={confirm.fields['bodyMassKg'] ?? weigh.message ?? undefined}>
          <input {...fieldInputProps('screen-bodyMassKg', confirm.fields['bodyMassKg'])} inputMode="decimal" value={massText} onChange={(e) => setMassField({ text: e.target.value })} />
        </Field>
        <button type="button" disabled={weigh.isBusy} onClick={() => weigh.run(() => client.call('decompression.weigh', {}), (w) => setMassField({ kg: w.bodyMassKg }))}>
          {weigh.isBusy ? 'Weighing… stand still' : 'Weigh on plate'}
        </button>
      </div>
      {status.recordBodyMassKg !== null && <p className="hint">On record: {units.formatMass(status.recordBodyMassKg)}. A corrected value replaces it.</p>}
      {isFullChecklist ? (
        <>
          {last === null && <p className="instruction">First {region} program for this patient: go through the whole checklist.</p>}
          {last !== null && !last.isClear && <p className="instruction">The checklist of {day(last.atMs)} found a contraindication: a new checklist is needed.</p>}
          <Checklist region={region} answers={answers} onAnswer={(id, answer) => setAnswers((a) => ({ ...a, [id]: answer }))} error={confirm.fields['checklist']} />
        </>
      ) : (
        <div className="row">
          <label className="check">
            <input type="checkbox" checked={isUnchanged} onChange={(e) => setUnchanged(e.target.checked)} />
            Nothing has changed since the contraindication checklist of {day(last.atMs)} ({last.operator})
          </label>
          <button type="button" onClick={() => setRedoing(true)}>
            Go through the checklist again
          </button>
        </div>
      )}
      <div className="row">
        <button type="button" disabled={confirm.isBusy} onClick={doConfirm}>
          Confirm screening
        </button>
      </div>
      <FormMessage message={confirm.message} />
    </section>
  );
}
