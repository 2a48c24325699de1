/**
 * A calibration certificate (issue 8): the device (model, serial number, firmware), the
 * procedure, who did it and when, when it is due, pass or fail, the coefficients, the points and
 * the verification results with the tolerances they were held to, and every failure, all as
 * stored. Printed like the session report.
 */
import {
  COP_TOLERANCE_MM,
  FORCE_TOLERANCE_FRAC_OF_FS,
  FORCE_TOLERANCE_FRAC_OF_LOAD,
  FORCE_TOLERANCE_SWITCH_FRAC_OF_FS,
  ok,
  TABLE_ACCURACY_FRAC,
  TABLE_ACCURACY_FROM_FRAC_OF_FS,
  TABLE_HYSTERESIS_FRAC_OF_FS,
  TABLE_LINEARITY_FRAC_OF_FS,
  type Result,
} from '../../core/index.ts';
import { getCalibration, getOperator, listDevices, readSettings, type Storage, type StorageError } from '../storage/index.ts';
import { clinicHeading, day, dayTime, esc, page, table } from './html-parts.ts';

const cell = (value: unknown): string =>
  typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(4)) : typeof value === 'string' ? value : JSON.stringify(value);

/** An array of flat records as a table; anything else as a line of key: value. */
function section(title: string, value: unknown): string {
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
    const head = [...new Set(value.flatMap((v) => Object.keys(v as object)))];
    return `<h2>${esc(title)}</h2>${table(head, value.map((v) => head.map((k) => cell((v as Record<string, unknown>)[k]))))}`;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([k, v]) => section(`${title}: ${k}`, v))
      .join('');
  }
  return `<p><strong>${esc(title)}</strong>: ${esc(cell(value))}</p>`;
}

/** What each device's verification is held to (core/calibration, docs/calibration.md §3). */
const pct = (frac: number): string => `${(100 * frac).toFixed(2)} %`;
const TOLERANCES = {
  table: `within ${pct(TABLE_ACCURACY_FRAC)} of the reference from ${pct(TABLE_ACCURACY_FROM_FRAC_OF_FS)} of full scale; linearity and hysteresis within ${pct(TABLE_LINEARITY_FRAC_OF_FS)} and ${pct(TABLE_HYSTERESIS_FRAC_OF_FS)} of full scale`,
  plate: `COP within ${COP_TOLERANCE_MM} mm; vertical force within ${pct(FORCE_TOLERANCE_FRAC_OF_LOAD)} of the load from ${pct(FORCE_TOLERANCE_SWITCH_FRAC_OF_FS)} of full scale, ${pct(FORCE_TOLERANCE_FRAC_OF_FS)} of full scale below`,
} as const;

export interface Certificate {
  readonly html: string;
  readonly fileName: string;
}

export function calibrationCertificate(storage: Storage, calibrationId: number, footer: string): Result<Certificate, StorageError> {
  const found = getCalibration(storage, calibrationId);
  if (!found.ok) return found;
  const c = found.value;
  const device = listDevices(storage).find((d) => d.id === c.deviceId);
  const operator = getOperator(storage, c.operatorId);
  const raw = (typeof c.rawReadings === 'object' && c.rawReadings !== null ? c.rawReadings : {}) as Record<string, unknown>;
  const procedure = typeof raw['procedure'] === 'string' ? raw['procedure'] : device?.kind === 'table' ? 'table load cell against a reference gauge' : 'force plate with known masses';
  const { procedure: _, ...readings } = raw;
  const body = [
    clinicHeading(readSettings(storage).clinicName),
    `<h1>Calibration certificate #${c.id} — ${c.passed ? 'PASSED' : 'FAILED'}</h1>`,
    `<table class="meta"><tbody>
<tr><td>Device</td><td>${esc(device === undefined ? `#${c.deviceId}` : `${device.kind}: ${device.model}, serial ${device.serial}, firmware ${device.firmware}`)}</td></tr>
<tr><td>Procedure</td><td>${esc(procedure)}</td></tr>
<tr><td>Tolerances</td><td>${esc(device === undefined ? '—' : TOLERANCES[device.kind])}</td></tr>
<tr><td>Technician</td><td>${esc(operator.ok ? `${operator.value.displayName} (${operator.value.username})` : `#${c.operatorId}`)}</td></tr>
<tr><td>Performed</td><td>${esc(dayTime(c.performedAtMs))}</td></tr>
<tr><td>Due</td><td>${esc(day(c.dueAtMs))}</td></tr>
<tr><td>Result</td><td>${c.passed ? 'PASSED: every check within its tolerance' : 'FAILED: not to be used until calibrated again'}</td></tr>
</tbody></table>`,
    section('Coefficients', c.coefficients),
    section('Readings', readings),
    section('Verification', c.verification),
  ].join('\n');
  const serial = (device?.serial ?? String(c.deviceId)).replace(/[^A-Za-z0-9_-]/g, '_');
  return ok({ html: page(`Calibration ${c.id}`, body, footer), fileName: `proprio-calibration-${c.id}-${serial}-${day(c.performedAtMs)}.pdf` });
}
