/**
 * A session's printable report (issue 7): patient, operator, times, the results of each trial
 * with the calibration flag, or the decompression program with its tension chart, then every
 * alarm and event. Built from the clinic database only, so `proprio report` and the app print
 * the same page. Simulated sessions say so at the top.
 */
import { clinicForceUnit, err, ok, type Result } from '../../core/index.ts';
import {
  getOperator,
  getPatient,
  getSession,
  type Patient,
  listEvents,
  listTrials,
  readSettings,
  readTableTelemetry,
  streamsOfSession,
  type SessionEvent,
  type Storage,
  type StorageError,
} from '../storage/index.ts';
import { clinicHeading, day, dayTime, esc, fixed, lineChart, page, table } from './html-parts.ts';
import { copPlots } from './cop-plot.ts';
import { trialCop } from './trial-cop.ts';
import { protocolFor } from '../app/balance-catalogue.ts';
import { symptomsOfSession } from '../app/symptom-marks.ts';
import { trialReferences } from '../app/trial-references.ts';
import { ageYearsAt, SYMPTOM_TEXT } from '../../core/index.ts';

export interface SessionReport {
  readonly html: string;
  readonly fileName: string;
}

const TRIAL_HEAD = ['Trial', 'Outcome', 'Held (s)', 'Path (mm)', 'Mean velocity (mm/s)', 'RMS (mm)', '95 % ellipse (mm²)', 'Calibration'];

function trialRows(storage: Storage, sessionId: number): { rows: string[][]; isAnyUncalibrated: boolean } {
  let isAnyUncalibrated = false;
  const rows = listTrials(storage, sessionId).map((t) => {
    const m = t.metrics;
    const sway = (typeof m['sway'] === 'object' && m['sway'] !== null ? m['sway'] : {}) as Record<string, unknown>;
    const isUncalibrated = m['isPlateCalibrated'] === false;
    isAnyUncalibrated ||= isUncalibrated;
    const holdMs = typeof m['holdMs'] === 'number' ? m['holdMs'] : Number.NaN;
    return [
      t.condition,
      typeof m['outcome'] === 'string' ? m['outcome'] : '—',
      fixed(holdMs / 1000, 1),
      fixed(sway['pathLengthMm'], 0),
      fixed(sway['meanVelocityMmS'], 1),
      fixed(sway['rmsMm'], 1),
      fixed(sway['ellipseArea95Mm2'], 0),
      isUncalibrated ? 'UNCALIBRATED plate' : t.calibrationId === null ? '—' : `#${t.calibrationId}`,
    ];
  });
  return { rows, isAnyUncalibrated };
}

const REFERENCE_HEAD = ['Trial', 'Measure', 'Patient (mm/s)', 'Reference (mm/s)', 'Source', 'Population'];

/** The published values beside each trial, as the run showed them (trial-references.ts). */
function referenceRows(storage: Storage, sessionId: number, patient: Patient, atMs: number): string[][] {
  const ageY = ageYearsAt(patient.dateOfBirth, atMs);
  return listTrials(storage, sessionId).flatMap((t) => {
    const spec = protocolFor(t.protocol, patient);
    const trial = spec.ok ? spec.value.trials.find((x) => x.id === t.condition) : undefined;
    return trialReferences(t.protocol, trial, ageY, t.metrics['sway']).map((r) => [t.condition, r.label, fixed(r.patientValueMmS, 1), `${r.kind} ${fixed(r.valueMmS, 0)}`, r.source, r.population]);
  });
}

/** Each stored trial's stabilogram and AP/ML trace, recomputed from its raw counts (trial-cop.ts). */
function trialPlots(storage: Storage, sessionId: number, events: readonly SessionEvent[]): string[] {
  return listTrials(storage, sessionId).map((t) => {
    const cop = trialCop(storage, t, events);
    return `<section class="trial-plots" style="break-inside:avoid"><h3>${esc(t.condition)}</h3>${cop.ok ? copPlots(cop.value) : `<p>${esc(cop.error)}</p>`}</section>`;
  });
}

/** Measured tension against the set-point, in the clinic's force unit (kgf or lbf, the units setting). */
function tensionChart(storage: Storage, sessionId: number): string {
  const stream = streamsOfSession(storage, sessionId).find((s) => s.kind === 'table');
  if (stream === undefined) return '<p>No table telemetry was recorded.</p>';
  const read = readTableTelemetry(storage, stream.id);
  if (!read.ok) return `<p class="flag">The table telemetry could not be read: ${esc(read.error.message)}</p>`;
  const t0 = read.value.tUs[0] ?? 0;
  const tS = read.value.tUs.map((t) => (t - t0) / 1e6);
  const force = clinicForceUnit(readSettings(storage).massUnit);
  const inUnit = (column: Float64Array): Float64Array => column.map((n) => force.fromNewtons(n));
  return lineChart(
    [
      { label: 'measured', colour: '#1f5f8b', x: tS, y: inUnit(read.value.measuredN) },
      { label: 'set-point', colour: '#6b4c9a', x: tS, y: inUnit(read.value.setpointN) },
    ],
    { x: 'time, s', y: `tension, ${force.symbol}` },
  );
}

function eventText(detail: Readonly<Record<string, unknown>>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

export function sessionReport(storage: Storage, sessionId: number, footer: string): Result<SessionReport, StorageError> {
  const session = getSession(storage, sessionId);
  if (!session.ok) return session;
  const s = session.value;
  const patient = getPatient(storage, s.patientId);
  if (!patient.ok) return err(patient.error);
  const p = patient.value;
  const operator = getOperator(storage, s.operatorId);
  const parts: string[] = [
    clinicHeading(readSettings(storage).clinicName),
    `<h1>Proprio session report — ${esc(s.kind === 'balance' ? 'balance' : 'decompression')}</h1>`,
    s.isSimulated ? '<p class="flag">SIMULATED: recorded on the built-in simulator, not on a patient. Not part of the patient’s history.</p>' : '',
    `<table class="meta"><tbody>
<tr><td>Patient</td><td>${esc(`${p.familyName}, ${p.givenName}`)} (clinic ID ${esc(p.clinicId)}), born ${esc(p.dateOfBirth)}</td></tr>
<tr><td>Session</td><td>#${s.id}, ${esc(s.status)}, ${esc(dayTime(s.startedAtMs))} to ${esc(dayTime(s.endedAtMs))}</td></tr>
<tr><td>Operator</td><td>${esc(operator.ok ? `${operator.value.displayName} (${operator.value.username})` : `#${s.operatorId}`)}</td></tr>
<tr><td>Notes</td><td>${esc(s.notes)}</td></tr>
</tbody></table>`,
  ];
  const events = listEvents(storage, s.id);
  if (s.kind === 'balance') {
    const { rows, isAnyUncalibrated } = trialRows(storage, s.id);
    parts.push('<h2>Results</h2>', rows.length === 0 ? '<p>No trial was completed.</p>' : table(TRIAL_HEAD, rows));
    if (isAnyUncalibrated) parts.push('<p class="flag">Measured on a force plate without a valid calibration: its nominal sensitivity was used, and the results are flagged.</p>');
    if (rows.length > 0) parts.push('<h2>Centre of pressure</h2>', ...trialPlots(storage, s.id, events));
    const references = referenceRows(storage, s.id, p, s.startedAtMs);
    if (references.length > 0) parts.push('<h3>Published reference values (same protocol and measure only)</h3>', table(REFERENCE_HEAD, references));
    const symptoms = symptomsOfSession(storage, s.id);
    parts.push(
      '<h2>Symptoms marked</h2>',
      symptoms.length === 0 ? '<p>None.</p>' : table(['Time', 'Trial', 'Symptom', 'Note', 'Marked by'], symptoms.map((m) => [dayTime(m.atMs), m.trialId ?? 'session', SYMPTOM_TEXT[m.symptom], m.note, m.operator])),
    );
  } else {
    parts.push('<h2>Tension</h2>', tensionChart(storage, s.id));
  }
  parts.push('<h2>Events and alarms</h2>', events.length === 0 ? '<p>None.</p>' : table(['Time', 'Kind', 'Detail'], events.map((e) => [dayTime(e.atMs), e.kind, eventText(e.detail)])));
  const fileName = `proprio-session-${s.id}-${p.clinicId.replace(/[^A-Za-z0-9_-]/g, '_')}-${day(s.startedAtMs)}.pdf`;
  return ok({ html: page(`Session ${s.id}`, parts.join('\n'), footer), fileName });
}
