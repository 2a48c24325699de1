/**
 * Each finished trial's headline figures against the patient's own baseline and previous session
 * of the same protocol (baseline.ts states the rule). Simulated runs are not compared.
 */
import { useEffect, useState } from 'react';
import type { BalanceRunView, HistorySession, TrialFigures } from '../../../api/index.ts';
import { dayOf } from '../../app/dates.ts';
import { useClient } from '../../app/host-hooks.ts';
import { changeFrom, compareWithHistory, type Reading } from './baseline.ts';

const FIGURES: readonly { readonly key: keyof TrialFigures; readonly label: string; readonly digits: number }[] = [
  { key: 'meanVelocityMmS', label: 'Mean velocity (mm/s)', digits: 1 },
  { key: 'pathLengthMm', label: 'Path (mm)', digits: 0 },
  { key: 'rmsMm', label: 'RMS (mm)', digits: 1 },
  { key: 'ellipseArea95Mm2', label: '95 % ellipse (mm²)', digits: 0 },
];

function versus(value: number, reading: Reading | null, digits: number): string {
  if (reading === null) return '—';
  const { delta, pct } = changeFrom(value, reading.value);
  const sign = delta > 0 ? '+' : '';
  return `${reading.value.toFixed(digits)} (${dayOf(reading.atMs)}); ${sign}${delta.toFixed(digits)}${pct === null ? '' : ` (${sign}${pct.toFixed(0)} %)`}`;
}

export function BaselineComparison({ run }: { readonly run: BalanceRunView }) {
  const client = useClient();
  const [sessions, setSessions] = useState<readonly HistorySession[] | null>(null);
  const shownCount = run.results.length;
  useEffect(() => {
    if (run.isSimulated || shownCount === 0) return;
    let isCurrent = true;
    void client.call('history.sessions', { patientId: run.patientId, includeSimulated: false }).then((r) => isCurrent && r.ok && setSessions(r.value));
    return () => {
      isCurrent = false;
    };
  }, [client, run.patientId, run.isSimulated, shownCount]);

  if (shownCount === 0) return null;
  if (run.isSimulated) {
    return (
      <p className="hint" data-testid="baseline-comparison">
        Simulated session: not compared with the patient’s baseline or trend.
      </p>
    );
  }
  if (sessions === null) return null;
  const rows = run.results.flatMap((r) =>
    FIGURES.flatMap((f) => {
      const value = r.figures?.[f.key];
      if (value === null || value === undefined) return [];
      const c = compareWithHistory(sessions, run.sessionId, run.protocol.id, r.trialId, f.key);
      return [{ key: `${r.trialId}-${r.attempt}-${f.key}`, trial: r.label, figure: f, value, c }];
    }),
  );
  return (
    <table className="list" data-testid="baseline-comparison">
      <caption className="hint">Against the patient’s own baseline (first session of this protocol) and previous session</caption>
      <thead>
        <tr>
          <th scope="col">Trial</th>
          <th scope="col">Figure</th>
          <th scope="col">Now</th>
          <th scope="col">Baseline (date); change</th>
          <th scope="col">Previous (date); change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, trial, figure, value, c }) => (
          <tr key={key}>
            <td>{trial}</td>
            <td>{figure.label}</td>
            <td>{value.toFixed(figure.digits)}</td>
            <td>{c.baseline === null ? 'this is the first' : versus(value, c.baseline, figure.digits)}</td>
            <td>{versus(value, c.previous, figure.digits)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
