/**
 * The prescription form's text fields ↔ the contract (clinic units at the edge): tensions in lbf
 * and minutes and seconds on screen, N and ms in the contract. An empty tension or speed means
 * "the envelope's suggestion". Numbers that do not parse are caught here, per field.
 */
import { PROGRAM_KINDS, type PrescriptionInput } from '../../../api/index.ts';
import { NEWTONS_PER_POUND_FORCE } from '../../../core/index.ts';

export interface PrescriptionValues {
  readonly region: 'lumbar' | 'cervical';
  readonly kind: (typeof PROGRAM_KINDS)[number];
  readonly maxLbf: string;
  readonly minLbf: string;
  readonly holdS: string;
  readonly restS: string;
  readonly rampUpS: string;
  readonly rampDownS: string;
  readonly steps: string;
  readonly shape: 'linear' | 'logarithmic';
  readonly rateLbfps: string;
  readonly minutes: string;
  readonly angleDeg: string;
  readonly confirmLbf: string;
}

export const DEFAULT_PRESCRIPTION: PrescriptionValues = {
  region: 'lumbar',
  kind: 'intermittent',
  maxLbf: '',
  minLbf: '',
  holdS: '60',
  restS: '30',
  rampUpS: '10',
  rampDownS: '10',
  steps: '3',
  shape: 'linear',
  rateLbfps: '',
  minutes: '12',
  angleDeg: '10',
  confirmLbf: '',
};

/** The contract's field → the form's, for messages the host gives per field. */
export const FORM_FIELD_OF: Readonly<Record<string, keyof PrescriptionValues>> = {
  maxN: 'maxLbf',
  minN: 'minLbf',
  rampRateNps: 'rateLbfps',
  confirmedN: 'confirmLbf',
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

export function toPrescription(patientId: number, v: PrescriptionValues): { ok: true; value: PrescriptionInput } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const required = (key: keyof PrescriptionValues, scale: number): number => {
    const n = number(v[key]);
    if (n === undefined) errors[key] = 'must be a number';
    return Math.round((n ?? 0) * scale);
  };
  const optionalN = (key: keyof PrescriptionValues): number | null => {
    if (v[key].trim() === '') return null;
    const n = number(v[key]);
    if (n === undefined) errors[key] = 'must be a number of lbf, or empty for the suggestion';
    return (n ?? 0) * NEWTONS_PER_POUND_FORCE;
  };
  const value: PrescriptionInput = {
    patientId,
    region: v.region,
    kind: v.kind,
    maxN: optionalN('maxLbf'),
    minN: optionalN('minLbf'),
    holdMs: required('holdS', 1000),
    restMs: required('restS', 1000),
    rampUpMs: required('rampUpS', 1000),
    rampDownMs: required('rampDownS', 1000),
    steps: required('steps', 1),
    shape: v.shape,
    rampRateNps: optionalN('rateLbfps'),
    treatmentMs: required('minutes', 60_000),
    angleDeg: required('angleDeg', 1),
    confirmedN: optionalN('confirmLbf'),
  };
  return Object.keys(errors).length === 0 ? { ok: true, value } : { ok: false, errors };
}
