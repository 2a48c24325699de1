/**
 * The prescription envelope (ref §7.1, §7.5): from body mass, region and the patient's session
 * history, the hard maximum tension for this session, the threshold above which the operator
 * must confirm, the suggested starting tension, the min-tension range and the ramp-speed limit.
 *
 * Used twice (ref §7 "every limit is enforced twice in the app"): `checkPrescription` when the
 * program is set, and `checkSetpoint` on every set-point as it is sent. Both reject, never clamp
 * (ref §7.6). Pure; forces N, rates N/s.
 */
import { err, ok, type Result } from '../result.ts';
import {
  BODY_MASS_MAX_KG,
  BODY_MASS_MIN_KG,
  CERVICAL_CONFIRM_ABOVE_FRACTION_BW,
  CERVICAL_CONFIRM_ABOVE_N,
  CERVICAL_HARD_MAX_FRACTION_BW,
  CERVICAL_MAX_TENSION_N,
  CERVICAL_START_MAX_FRACTION_BW,
  CERVICAL_START_N,
  FIRST_CAPPED_SESSIONS,
  FIRST_SESSION_CAP_LUMBAR_N,
  FIRST_SESSION_DEFAULT_LUMBAR_N,
  LUMBAR_HARD_MAX_FRACTION_BW,
  LUMBAR_MAX_FRACTION_BW,
  LUMBAR_MAX_TENSION_N,
  LUMBAR_MIN_MAX_GAP_N,
  LUMBAR_START_FRACTION_BW,
  MAX_INCREASE_PER_SESSION_CERVICAL_N,
  MAX_INCREASE_PER_SESSION_LUMBAR_N,
  MIN_TENSION_FLOOR_N,
  MIN_TENSION_FRACTION,
  PROGRESSION_GAP_RESET_DAYS,
  RAMP_MAX_CERVICAL_N_PER_S,
  RAMP_MAX_LUMBAR_N_PER_S,
  bodyWeightN,
} from './decompression-limits.ts';
import type { Program, Region } from './program.ts';
import { buildTimeline, segmentRateNps } from './timeline.ts';

/** Body mass checked against the plausibility range: a typed number cannot be passed by mistake. */
export type BodyMassKg = number & { readonly unit: 'kg' };

export function bodyMassKg(value: number): Result<BodyMassKg, string> {
  return Number.isFinite(value) && value >= BODY_MASS_MIN_KG && value <= BODY_MASS_MAX_KG
    ? ok(value as BodyMassKg)
    : err(`body mass must be ${BODY_MASS_MIN_KG}–${BODY_MASS_MAX_KG} kg, not ${value}`);
}

/** The patient's sessions for this region (ref §7.5 defines "previous session"). */
export interface SessionHistory {
  /** Completed sessions (normal end, no safety release, patient stop or symptom). */
  readonly completedSessions: number;
  /** Max tension of the last completed session. */
  readonly previousMaxN: number | undefined;
  readonly daysSincePrevious: number | undefined;
  /** A patient stop, safety release, abort or symptom in any session since the previous completed one. */
  readonly hasSafetyEventSincePrevious: boolean;
}

export const FIRST_SESSION: SessionHistory = {
  completedSessions: 0,
  previousMaxN: undefined,
  daysSincePrevious: undefined,
  hasSafetyEventSincePrevious: false,
};

export interface PatientContext {
  readonly region: Region;
  readonly bodyMassKg: BodyMassKg;
  readonly history: SessionHistory;
  /** Lumbar first-session cap chosen by the clinician, at most FIRST_SESSION_CAP_LUMBAR_N (default 40 lbf). */
  readonly firstSessionCapN?: number;
}

export interface Envelope {
  readonly region: Region;
  readonly bodyWeightN: number;
  /** Nothing above this is ever commanded in this session. */
  readonly maxTensionN: number;
  /** Above this the operator must confirm the force. */
  readonly confirmAboveN: number;
  /** Suggested max tension for this session. */
  readonly startTensionN: number;
  /** Steepest ramp, up or down, N/s. */
  readonly rampMaxNps: number;
  /** First-session caps apply (sessions 1–2, or after a break). */
  readonly isFirstCapped: boolean;
}

/** Per-region rules of ref §7.1: ceilings, BW fractions, first-session cap, progression step, ramp limit. */
interface RegionRules {
  readonly ceilingN: number;
  readonly hardFractionBw: number;
  readonly increasePerSessionN: number;
  readonly rampMaxNps: number;
  readonly confirmAboveN: (bw: number) => number;
  readonly startN: (bw: number) => number;
  readonly firstCapN: (patient: PatientContext, bw: number) => number;
}

const REGION_RULES: Readonly<Record<Region, RegionRules>> = {
  lumbar: {
    ceilingN: LUMBAR_MAX_TENSION_N,
    hardFractionBw: LUMBAR_HARD_MAX_FRACTION_BW,
    increasePerSessionN: MAX_INCREASE_PER_SESSION_LUMBAR_N,
    rampMaxNps: RAMP_MAX_LUMBAR_N_PER_S,
    confirmAboveN: (bw) => LUMBAR_MAX_FRACTION_BW * bw,
    startN: (bw) => LUMBAR_START_FRACTION_BW * bw,
    firstCapN: (patient) => Math.min(patient.firstSessionCapN ?? FIRST_SESSION_DEFAULT_LUMBAR_N, FIRST_SESSION_CAP_LUMBAR_N),
  },
  cervical: {
    ceilingN: CERVICAL_MAX_TENSION_N,
    hardFractionBw: CERVICAL_HARD_MAX_FRACTION_BW,
    increasePerSessionN: MAX_INCREASE_PER_SESSION_CERVICAL_N,
    rampMaxNps: RAMP_MAX_CERVICAL_N_PER_S,
    confirmAboveN: (bw) => Math.min(CERVICAL_CONFIRM_ABOVE_N, CERVICAL_CONFIRM_ABOVE_FRACTION_BW * bw),
    startN: (bw) => Math.min(CERVICAL_START_N, CERVICAL_START_MAX_FRACTION_BW * bw),
    firstCapN: (_patient, bw) => Math.min(CERVICAL_START_N, CERVICAL_START_MAX_FRACTION_BW * bw),
  },
};

export function deriveEnvelope(patient: PatientContext): Envelope {
  const rules = REGION_RULES[patient.region];
  const bw = bodyWeightN(patient.bodyMassKg);
  const h = patient.history;
  const isFirstCapped =
    h.completedSessions < FIRST_CAPPED_SESSIONS || h.previousMaxN === undefined || (h.daysSincePrevious ?? Infinity) > PROGRESSION_GAP_RESET_DAYS;
  const previousMaxN = isFirstCapped ? undefined : h.previousMaxN;
  const progressionCapN =
    previousMaxN === undefined ? rules.firstCapN(patient, bw) : previousMaxN + (h.hasSafetyEventSincePrevious ? 0 : rules.increasePerSessionN);
  const maxTensionN = Math.min(rules.ceilingN, rules.hardFractionBw * bw, progressionCapN);
  return {
    region: patient.region,
    bodyWeightN: bw,
    maxTensionN,
    confirmAboveN: Math.min(rules.confirmAboveN(bw), previousMaxN ?? Infinity),
    startTensionN: Math.min(maxTensionN, previousMaxN ?? rules.startN(bw)),
    rampMaxNps: rules.rampMaxNps,
    isFirstCapped,
  };
}

/**
 * The min (rest) tension allowed with a given max: never below the 15 N floor; at most half the
 * max, and lumbar at least 10 lbf below it (ref §7.1). `undefined` when nothing fits: only
 * static is offered at that max.
 */
export function minTensionRange(region: Region, maxN: number): { readonly floorN: number; readonly ceilingN: number } | undefined {
  const ceilingN = region === 'lumbar' ? Math.min(MIN_TENSION_FRACTION * maxN, maxN - LUMBAR_MIN_MAX_GAP_N) : MIN_TENSION_FRACTION * maxN;
  return ceilingN >= MIN_TENSION_FLOOR_N ? { floorN: MIN_TENSION_FLOOR_N, ceilingN } : undefined;
}

/** A program plus the force the operator confirmed, if any (ref §7.1 confirmation thresholds). */
export interface Prescription {
  readonly program: Program;
  readonly confirmedN: number | undefined;
}

export interface EnvelopeViolation {
  readonly code: 'region' | 'above-max' | 'needs-confirmation' | 'min-tension' | 'rate' | 'not-a-number' | 'negative';
  readonly message: string;
}

export function checkPrescription(envelope: Envelope, prescription: Prescription): Result<void, readonly EnvelopeViolation[]> {
  const { program, confirmedN } = prescription;
  const found: EnvelopeViolation[] = [];
  if (program.region !== envelope.region) found.push({ code: 'region', message: `program is ${program.region}, envelope ${envelope.region}` });
  const target = checkTarget(envelope, program.maxN, confirmedN);
  if (!target.ok) found.push(target.error);
  if (program.mode.kind !== 'static') {
    const range = minTensionRange(program.region, program.maxN);
    if (range === undefined) found.push({ code: 'min-tension', message: `at ${program.maxN.toFixed(1)} N max only static is possible` });
    else if (program.minN < range.floorN || program.minN > range.ceilingN) {
      found.push({ code: 'min-tension', message: `min tension must be ${range.floorN.toFixed(1)}–${range.ceilingN.toFixed(1)} N, not ${program.minN.toFixed(1)} N` });
    }
  }
  const steepestNps = buildTimeline(program).segments.reduce((max, s) => Math.max(max, segmentRateNps(s)), program.rampRateNps);
  const rate = checkRate(envelope, steepestNps);
  if (!rate.ok) found.push(rate.error);
  return found.length === 0 ? ok(undefined) : err(found);
}

/** What this session may command: the envelope, the prescribed max, and the operator's confirmation. */
export interface SetpointGrant {
  readonly envelope: Envelope;
  /** The prescription's max, or lower (after a patient stop, ref §7.5). */
  readonly capN: number;
  readonly confirmedN: number | undefined;
}

/** Checked on every set-point as it is sent (ref §7, §7.6: reject, never clamp). */
export function checkSetpoint(grant: SetpointGrant, targetN: number, rateNps: number): Result<void, EnvelopeViolation> {
  if (targetN > grant.capN) return err({ code: 'above-max', message: `requested ${targetN.toFixed(1)} N > prescribed ${grant.capN.toFixed(1)} N` });
  const target = checkTarget(grant.envelope, targetN, grant.confirmedN);
  return target.ok ? checkRate(grant.envelope, rateNps) : target;
}

function checkTarget(envelope: Envelope, targetN: number, confirmedN: number | undefined): Result<void, EnvelopeViolation> {
  if (!Number.isFinite(targetN)) return err({ code: 'not-a-number', message: `tension ${targetN} is not a number` });
  if (targetN < 0) return err({ code: 'negative', message: `tension ${targetN} N is negative` });
  if (targetN > envelope.maxTensionN) {
    return err({ code: 'above-max', message: `requested ${targetN.toFixed(1)} N > allowed ${envelope.maxTensionN.toFixed(1)} N` });
  }
  if (targetN > envelope.confirmAboveN && !(confirmedN !== undefined && confirmedN >= targetN)) {
    return err({ code: 'needs-confirmation', message: `${targetN.toFixed(1)} N is above ${envelope.confirmAboveN.toFixed(1)} N and needs the operator's confirmation` });
  }
  return ok(undefined);
}

/** A ramp or release speed the app may command: positive and within the region's limit. */
export function checkRate(envelope: Envelope, rateNps: number): Result<void, EnvelopeViolation> {
  if (!Number.isFinite(rateNps) || rateNps <= 0) return err({ code: 'not-a-number', message: `ramp speed ${rateNps} is not a positive number` });
  return rateNps <= envelope.rampMaxNps + 1e-9
    ? ok(undefined)
    : err({ code: 'rate', message: `ramp ${rateNps.toFixed(2)} N/s > allowed ${envelope.rampMaxNps.toFixed(2)} N/s` });
}
