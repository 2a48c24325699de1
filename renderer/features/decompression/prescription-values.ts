/**
 * The prescription form's text fields ↔ the contract (clinic units at the edge): tensions in the
 * clinic's force unit (kgf or lbf, settings) and minutes and seconds on screen, N and ms in the
 * contract. An empty tension or speed means "the envelope's suggestion". Numbers that do not parse
 * are caught here, per field.
 */
import { PROGRAM_KINDS, type PrescriptionInput } from '../../../api/index.ts';
import type { UnitFormat } from '../../app/units.ts';

export interface PrescriptionValues {
  readonly region: 'lumbar' | 'cervical';
  readonly kind: (typeof PROGRAM_KINDS)[number];
  /** Tensions and the ramp speed in the clinic's force unit (per second for the speed). */
  readonly maxForce: string;
  readonly minForce: string;
  readonly holdS: string;
  readonly restS: string;
  readonly rampUpS: string;
  readonly rampDownS: string;
  readonly steps: string;
  readonly shape: 'linear' | 'logarithmic';
  readonly rampRate: string;
  readonly minutes: string;
  readonly angleDeg: string;
  readonly confirmForce: string;
}

export const DEFAULT_PRESCRIPTION: PrescriptionValues = {
  region: 'lumbar',
  kind: 'intermittent',
  maxForce: '',
  minForce: '',
  holdS: '60',
  restS: '30',
  rampUpS: '10',
  rampDownS: '10',
  steps: '3',
  shape: 'linear',
  rampRate: '',
  minutes: '12',
  angleDeg: '10',
  confirmForce: '',
};

/** The contract's field → the form's, for messages the host gives per field. */
export const FORM_FIELD_OF: Readonly<Record<string, keyof PrescriptionValues>> = {
  maxN: 'maxForce',
  minN: 'minForce',
  rampRateNps: 'rampRate',
  confirmedN: 'confirmForce',
  treatmentMs: 'minutes',
  holdMs: 'holdS',
  restMs: 'restS',
  'mode.holdMs': 'holdS',
  'mode.restMs': 'restS',
};

type Errors = Partial<Record<keyof PrescriptionValues, string>>;

const number = (text: string): number | undefined => {
  const t = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
};

/** The form in contract units; `force` is the unit the tensions were typed in. */
export function toPrescription(patientId: number, v: PrescriptionValues, force: UnitFormat): { ok: true; value: PrescriptionInput } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const required = (key: keyof PrescriptionValues, scale: number): number => {
    const n = number(v[key]);
    if (n === undefined) errors[key] = 'must be a number';
    return Math.round((n ?? 0) * scale);
  };
  // The conversion is linear, so a speed per second converts as its force does.
  const optionalN = (key: keyof PrescriptionValues, symbol: string): number | null => {
    if (v[key].trim() === '') return null;
    const n = number(v[key]);
    if (n === undefined) errors[key] = `must be a number of ${symbol}, or empty for the suggestion`;
    return force.toSi(n ?? 0);
  };
  const value: PrescriptionInput = {
    patientId,
    region: v.region,
    kind: v.kind,
    maxN: optionalN('maxForce', force.symbol),
    minN: optionalN('minForce', force.symbol),
    holdMs: required('holdS', 1000),
    restMs: required('restS', 1000),
    rampUpMs: required('rampUpS', 1000),
    rampDownMs: required('rampDownS', 1000),
    steps: required('steps', 1),
    shape: v.shape,
    rampRateNps: optionalN('rampRate', `${force.symbol}/s`),
    treatmentMs: required('minutes', 60_000),
    angleDeg: required('angleDeg', 1),
    confirmedN: optionalN('confirmForce', force.symbol),
  };
  return Object.keys(errors).length === 0 ? { ok: true, value } : { ok: false, errors };
}
