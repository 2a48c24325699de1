/**
 * The decompression program as the clinician sets it (ref §3 mode vocabulary, §2.3–§2.5 device
 * parameters): a mode, max and min tension, ramp shape and speed, treatment time, and the angle
 * of pull (set mechanically on the table, only recorded here, ref §4.7).
 *
 * `validateProgram` checks shape and timing; force limits belong to the prescription envelope
 * (envelope.ts), which depends on the patient.
 */
import { err, ok, type Result } from '../result.ts';
import {
  ANGLE_CERVICAL_MAX_DEG,
  ANGLE_CERVICAL_MIN_DEG,
  ANGLE_LUMBAR_MAX_DEG,
  ANGLE_LUMBAR_MIN_DEG,
  HOLD_MAX_MS,
  HOLD_MIN_MS,
  SESSION_MAX_MS,
  STEPS_MAX,
} from './decompression-limits.ts';

export type Region = 'lumbar' | 'cervical';

/** Linear, or logarithmic: fast then slow (VAX-D patent, DRX9000 K060735; ref §3). */
export type RampShape = 'linear' | 'logarithmic';

/**
 * Modes (ref §3): static holds one force; intermittent alternates max (hold) and min (rest);
 * cyclic ramps between min and max with separate up and down times (SmarTrac); progressive
 * raises the hold force in N steps before continuing intermittent (SmarTrac, Triton);
 * regressive is its mirror at the end (Triton, ATP9).
 */
export type ProgramMode =
  | { readonly kind: 'static' }
  | { readonly kind: 'intermittent'; readonly holdMs: number; readonly restMs: number }
  | { readonly kind: 'cyclic'; readonly rampUpMs: number; readonly rampDownMs: number }
  | { readonly kind: 'progressive'; readonly steps: number; readonly holdMs: number; readonly restMs: number }
  | { readonly kind: 'regressive'; readonly steps: number; readonly holdMs: number; readonly restMs: number };

export type ProgramModeKind = ProgramMode['kind'];
export const PROGRAM_MODE_KINDS: readonly ProgramModeKind[] = ['static', 'intermittent', 'cyclic', 'progressive', 'regressive'];

export interface Program {
  readonly region: Region;
  readonly mode: ProgramMode;
  /** Hold (traction) tension, N. */
  readonly maxN: number;
  /** Rest (base) tension, N; ignored by static. */
  readonly minN: number;
  readonly rampShape: RampShape;
  /** Steepest ramp speed, up and down (the "Speed" of SmarTrac, "changeover speed" of Eltrac), N/s. */
  readonly rampRateNps: number;
  /** Treatment time before the final release, ms. */
  readonly treatmentMs: number;
  /** Angle of pull, recorded only, degrees. */
  readonly angleDeg: number;
}

export interface ProgramProblem {
  readonly field: string;
  readonly message: string;
}

export function validateProgram(program: Program): Result<Program, readonly ProgramProblem[]> {
  const problems: ProgramProblem[] = [];
  const need = (isFine: boolean, field: string, message: string): void => {
    if (!isFine) problems.push({ field, message });
  };
  const positive = (value: number): boolean => Number.isFinite(value) && value > 0;
  need(positive(program.maxN), 'maxN', 'max tension must be a positive number');
  need(Number.isFinite(program.minN) && program.minN >= 0, 'minN', 'min tension must be a number ≥ 0');
  need(positive(program.rampRateNps), 'rampRateNps', 'ramp speed must be a positive number');
  need(positive(program.treatmentMs) && program.treatmentMs <= SESSION_MAX_MS, 'treatmentMs', `treatment time must be over 0 and at most ${SESSION_MAX_MS / 60_000} min`);
  const [angleMin, angleMax] =
    program.region === 'lumbar' ? [ANGLE_LUMBAR_MIN_DEG, ANGLE_LUMBAR_MAX_DEG] : [ANGLE_CERVICAL_MIN_DEG, ANGLE_CERVICAL_MAX_DEG];
  need(program.angleDeg >= angleMin && program.angleDeg <= angleMax, 'angleDeg', `${program.region} angle of pull must be ${angleMin}–${angleMax}°`);
  const mode = program.mode;
  const duration = (value: number, field: string): void =>
    need(Number.isFinite(value) && value >= HOLD_MIN_MS && value <= HOLD_MAX_MS, field, `${field} must be ${HOLD_MIN_MS / 1000}–${HOLD_MAX_MS / 1000} s`);
  if (mode.kind !== 'static') need(program.minN < program.maxN, 'minN', 'min tension must be below max');
  switch (mode.kind) {
    case 'static':
      break;
    case 'cyclic':
      duration(mode.rampUpMs, 'rampUpMs');
      duration(mode.rampDownMs, 'rampDownMs');
      break;
    case 'progressive':
    case 'regressive':
      need(Number.isInteger(mode.steps) && mode.steps >= 1 && mode.steps <= STEPS_MAX, 'steps', `steps must be a whole number 1–${STEPS_MAX}`);
      duration(mode.holdMs, 'holdMs');
      duration(mode.restMs, 'restMs');
      break;
    case 'intermittent':
      duration(mode.holdMs, 'holdMs');
      duration(mode.restMs, 'restMs');
      break;
  }
  return problems.length === 0 ? ok(program) : err(problems);
}
