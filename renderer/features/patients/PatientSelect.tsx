/** The patient chooser of the protocol, decompression and history screens. */
import type { PatientView } from '../../../api/index.ts';
import type { PatientChoice } from './use-patient-choice.ts';

export function PatientSelect({ choice, id, detail }: { readonly choice: PatientChoice; readonly id: string; readonly detail?: (p: PatientView) => string }) {
  return (
    <select id={id} value={choice.chosenId ?? ''} onChange={(e) => choice.choose(Number(e.target.value))}>
      {choice.patients.map((p) => (
        <option key={p.id} value={p.id}>
          {p.familyName}, {p.givenName} ({p.clinicId}){detail?.(p) ?? ''}
        </option>
      ))}
    </select>
  );
}
