/** Each finished trial of a run with its headline sway figures, the voided attempts, and the Romberg quotient. */
import type { BalanceRunView } from '../../../api/index.ts';
import { useUnits } from '../../app/use-units.ts';

/** Readable names of the measures a Romberg quotient is given for (protocol-summaries.ts). */
const MEASURE_TEXT: Readonly<Record<string, string>> = { meanVelocityMmS: 'mean velocity', pathLengthMm: 'path length', ellipseArea95Mm2: '95 % ellipse area' };

const VOID_TEXT = { steppedOff: 'stepped off', plateDisconnected: 'plate disconnected', aborted: 'aborted' } as const;

export function RunResults({ run }: { readonly run: BalanceRunView }) {
  const { length, speed, area } = useUnits();
  if (run.results.length === 0 && run.voided.length === 0) return null;
  return (
    <>
      <table className="list" data-testid="run-results">
        <caption className="hint">Results{run.isPlateCalibrated ? '' : ' (uncalibrated plate)'}</caption>
        <thead>
          <tr>
            <th scope="col">Trial</th>
            <th scope="col">Attempt</th>
            <th scope="col">Outcome</th>
            <th scope="col">Held (s)</th>
            <th scope="col">Path ({length.symbol})</th>
            <th scope="col">Mean velocity ({speed.symbol})</th>
            <th scope="col">RMS ({length.symbol})</th>
            <th scope="col">95 % ellipse ({area.symbol})</th>
          </tr>
        </thead>
        <tbody>
          {run.results.map((r) => (
            <tr key={r.trialId}>
              <td>{r.label}</td>
              <td>{r.attempt}</td>
              <td>{r.outcome === 'fell' ? 'fell' : 'completed'}</td>
              <td>{(r.holdMs / 1000).toFixed(1)}</td>
              <td>{length.number(r.figures?.pathLengthMm, 0)}</td>
              <td>{speed.number(r.figures?.meanVelocityMmS, 1)}</td>
              <td>{length.number(r.figures?.rmsMm, 1)}</td>
              <td>{area.number(r.figures?.ellipseArea95Mm2, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {run.voided.length > 0 && (
        <p className="hint" data-testid="run-voided">
          Repeated: {run.voided.map((v) => `${v.trialId} attempt ${v.attempt} (${VOID_TEXT[v.reason]})`).join('; ')}
        </p>
      )}
      {run.rombergQuotients.length > 0 && (
        <p data-testid="romberg-quotient">
          Romberg quotient (eyes closed / eyes open):{' '}
          {run.rombergQuotients.map((q) => `${MEASURE_TEXT[q.measure] ?? q.measure} ${q.quotient === null ? '—' : q.quotient.toFixed(2)}`).join(', ')}
        </p>
      )}
    </>
  );
}
