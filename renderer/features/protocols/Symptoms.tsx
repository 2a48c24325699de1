/**
 * Marking a symptom during or after a trial (dizziness, pain, a near-fall…) with an optional note,
 * and the list of marks shown with a run's results and in the history. The host stores each mark
 * as an event of the session, audited under the operator.
 */
import { useState } from 'react';
import type { SymptomMark } from '../../../api/index.ts';
import { MAX_SYMPTOM_NOTE_CHARS, SYMPTOM_TEXT, SYMPTOMS, type Symptom } from '../../../core/index.ts';
import { Field, FormMessage, fieldInputProps } from '../../app/Field.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useFormCall } from '../../app/use-form-call.ts';

/** The session as a whole rather than one trial. */
const WHOLE_SESSION = '';

export function SymptomForm({ sessionId, trials, defaultTrialId }: { readonly sessionId: number; readonly trials: readonly { readonly id: string; readonly label: string }[]; readonly defaultTrialId: string | null }) {
  const client = useClient();
  const form = useFormCall();
  const [symptom, setSymptom] = useState<Symptom>('dizziness');
  // Follows the trial under way until the therapist picks one.
  const [picked, setPicked] = useState<string | null>(null);
  const trialId = picked ?? defaultTrialId ?? WHOLE_SESSION;
  const [note, setNote] = useState('');
  const submit = (): void => {
    // The host refuses it too; checked here so the message stands beside the field.
    if (note.trim().length > MAX_SYMPTOM_NOTE_CHARS) return form.refuse({ note: `At most ${MAX_SYMPTOM_NOTE_CHARS} characters.` });
    form.run(
      () => client.call('balance.markSymptom', { sessionId, trialId: trialId === WHOLE_SESSION ? null : trialId, symptom, note }),
      (mark) => {
        setNote('');
        form.say(`Marked ${SYMPTOM_TEXT[mark.symptom].toLowerCase()}.`);
      },
    );
  };
  return (
    <form
      className="card"
      aria-labelledby="symptom-title"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}>
      <h3 id="symptom-title">Mark a symptom</h3>
      <div className="row">
        <Field id="symptom-kind" label="Symptom" error={form.fields.symptom}>
          <select {...fieldInputProps('symptom-kind', form.fields.symptom)} value={symptom} onChange={(e) => setSymptom(e.target.value as Symptom)}>
            {SYMPTOMS.map((s) => (
              <option key={s} value={s}>
                {SYMPTOM_TEXT[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="symptom-trial" label="During" error={form.fields.trialId}>
          <select {...fieldInputProps('symptom-trial', form.fields.trialId)} value={trialId} onChange={(e) => setPicked(e.target.value)}>
            <option value={WHOLE_SESSION}>the session as a whole</option>
            {trials.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="symptom-note" label="Note (optional)" error={form.fields.note}>
          <input {...fieldInputProps('symptom-note', form.fields.note)} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <button type="submit" disabled={form.isBusy}>
          Mark symptom
        </button>
      </div>
      <FormMessage message={form.message} />
    </form>
  );
}

export function SymptomList({ marks, labelOf }: { readonly marks: readonly SymptomMark[]; readonly labelOf?: (trialId: string) => string }) {
  if (marks.length === 0) return null;
  return (
    <div data-testid="symptoms">
      <h3>Symptoms marked</h3>
      <ul>
        {marks.map((m) => (
          <li key={m.id}>
            <strong>{SYMPTOM_TEXT[m.symptom]}</strong> — {m.trialId === null ? 'the session as a whole' : (labelOf?.(m.trialId) ?? m.trialId)}
            {m.note === '' ? '' : `: ${m.note}`} <span className="hint">(marked by {m.operator})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
