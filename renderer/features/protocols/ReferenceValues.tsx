/**
 * Published reference values beside a run's trials, only where the host found one for the same
 * protocol and measure (core published-norms.ts), each with its source and population. Nothing
 * is shown for any other trial.
 */
import type { BalanceRunView } from '../../../api/index.ts';

const fixed = (value: number | null, digits: number): string => (value === null ? '—' : value.toFixed(digits));

export function ReferenceValues({ run }: { readonly run: BalanceRunView }) {
  const rows = run.results.flatMap((r) => r.references.map((ref) => ({ key: `${r.trialId}-${r.attempt}-${ref.measure}`, trial: r.label, ref })));
  if (rows.length === 0) return null;
  return (
    <table className="list" data-testid="reference-values">
      <caption className="hint">Published reference values (same protocol and measure only)</caption>
      <thead>
        <tr>
          <th scope="col">Trial</th>
          <th scope="col">Measure</th>
          <th scope="col">Patient (mm/s)</th>
          <th scope="col">Reference (mm/s)</th>
          <th scope="col">Source</th>
          <th scope="col">Population</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, trial, ref }) => (
          <tr key={key}>
            <td>{trial}</td>
            <td>{ref.label}</td>
            <td>{fixed(ref.patientValueMmS, 1)}</td>
            <td>
              {ref.kind} {fixed(ref.valueMmS, 0)}
            </td>
            <td>{ref.source}</td>
            <td>{ref.population}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
