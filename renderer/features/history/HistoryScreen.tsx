/**
 * A patient's sessions with their results, newest first, and a metric's trend across them.
 * Simulated sessions stay out of the history unless QA asks for them; shown, they are flagged.
 */
import { useEffect, useState } from 'react';
import type { HistorySession, TrialFigures } from '../../../api/index.ts';
import { useClient } from '../../app/host-hooks.ts';
import { SaveReport } from '../../app/SaveReport.tsx';
import { PatientSelect } from '../patients/PatientSelect.tsx';
import { usePatientChoice } from '../patients/use-patient-choice.ts';
import { trendOf } from './trend.ts';
import { dayOf } from '../../app/dates.ts';
import { SymptomList } from '../protocols/Symptoms.tsx';
import type { Units } from '../../app/units.ts';
import { useUnits } from '../../app/use-units.ts';

/** `digits` for the SI unit (mm); a larger display unit shows more (units.ts). */
const METRICS: readonly { readonly key: keyof TrialFigures; readonly name: string; readonly quantity: 'speed' | 'length' | 'area'; readonly digits: number }[] = [
  { key: 'meanVelocityMmS', name: 'Mean velocity', quantity: 'speed', digits: 1 },
  { key: 'pathLengthMm', name: 'Path length', quantity: 'length', digits: 0 },
  { key: 'rmsMm', name: 'RMS', quantity: 'length', digits: 1 },
  { key: 'ellipseArea95Mm2', name: '95 % ellipse', quantity: 'area', digits: 0 },
];
type Metric = (typeof METRICS)[number];

const labelOf = (m: Metric, units: Units): string => `${m.name} (${units[m.quantity].symbol})`;

function SessionCard({ session }: { readonly session: HistorySession }) {
  const units = useUnits();
  return (
    <article className="card" aria-label={`${session.title}, ${dayOf(session.startedAtMs)}`} data-testid="history-session">
      <h2>
        {dayOf(session.startedAtMs)} — {session.title} <span className="hint">({session.status})</span>
        {session.isSimulated && <span className="badge-simulated"> SIMULATED</span>}
      </h2>
      {session.trials.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Trial</th>
              <th scope="col">Outcome</th>
              {METRICS.map((m) => (
                <th key={m.key} scope="col">
                  {labelOf(m, units)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {session.trials.map((t) => (
              <tr key={t.id}>
                <td>
                  {t.condition}
                  {t.isUncalibrated ? ' (uncalibrated plate)' : ''}
                </td>
                <td>{t.outcome ?? '—'}</td>
                {METRICS.map((m) => (
                  <td key={m.key}>{units[m.quantity].number(t.figures?.[m.key], m.digits)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SymptomList marks={session.symptoms} />
      <SaveReport sessionId={session.id} />
    </article>
  );
}

export function HistoryScreen() {
  const client = useClient();
  const choice = usePatientChoice();
  const [includeSimulated, setIncludeSimulated] = useState(false);
  const [sessions, setSessions] = useState<readonly HistorySession[]>([]);
  const [metric, setMetric] = useState<keyof TrialFigures>('meanVelocityMmS');
  const chosen = choice.chosenId;
  useEffect(() => {
    if (chosen === null) return;
    let isCurrent = true;
    void client.call('history.sessions', { patientId: chosen, includeSimulated }).then((r) => isCurrent && r.ok && setSessions(r.value));
    return () => {
      isCurrent = false;
    };
  }, [client, chosen, includeSimulated]);
  const units = useUnits();
  const shown = METRICS.find((m) => m.key === metric) ?? METRICS[0];
  return (
    <div className="screen">
      <h1>History</h1>
      <div className="row">
        <label>
          Patient
          <PatientSelect choice={choice} id="history-patient" />
        </label>
        <label className="check">
          <input type="checkbox" checked={includeSimulated} onChange={(e) => setIncludeSimulated(e.target.checked)} />
          Include sessions on simulated devices (QA)
        </label>
        <label>
          Trend of
          <select value={metric} onChange={(e) => setMetric(e.target.value as keyof TrialFigures)}>
            {METRICS.map((m) => (
              <option key={m.key} value={m.key}>
                {labelOf(m, units)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <section className="card" aria-labelledby="trend-title" data-testid="trend">
        <h2 id="trend-title">Trend across sessions, oldest first</h2>
        {trendOf(sessions, metric).map((row) => (
          <p key={row.key}>
            <strong>{row.key}</strong>: {row.points.map((p) => `${shown === undefined ? '—' : units[shown.quantity].number(p.value, shown.digits)} (${dayOf(p.atMs)})`).join(' → ')}
          </p>
        ))}
      </section>
      {sessions.length === 0 && <p className="hint">No sessions{includeSimulated ? '' : ' (simulated sessions are hidden)'}.</p>}
      {sessions.map((s) => (
        <SessionCard key={s.id} session={s} />
      ))}
    </div>
  );
}
