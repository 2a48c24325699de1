/**
 * A program as an operator fills it in (the console's form, `proprio run-decompression`'s flags):
 * the mode's own times, and tensions and speed that default to the envelope's suggestion. Units:
 * N, N/s, ms. The result still goes through planSession, which checks it against the envelope.
 */
import { minTensionRange, type Envelope } from './envelope.ts';
import type { Program, ProgramMode, ProgramModeKind, RampShape, Region } from './program.ts';

export interface ProgramForm {
  readonly region: Region;
  readonly kind: ProgramModeKind;
  /** Hold tension; default the envelope's suggested start tension. */
  readonly maxN: number | undefined;
  /** Rest tension; default the highest allowed for `maxN` (or 0 where none is). */
  readonly minN: number | undefined;
  readonly holdMs: number;
  readonly restMs: number;
  readonly rampUpMs: number;
  readonly rampDownMs: number;
  readonly steps: number;
  readonly shape: RampShape;
  /** Ramp speed; default the envelope's steepest. */
  readonly rampRateNps: number | undefined;
  readonly treatmentMs: number;
  readonly angleDeg: number;
}

export function programMode(kind: ProgramModeKind, form: Pick<ProgramForm, 'holdMs' | 'restMs' | 'rampUpMs' | 'rampDownMs' | 'steps'>): ProgramMode {
  const { holdMs, restMs, rampUpMs, rampDownMs, steps } = form;
  switch (kind) {
    case 'static':
      return { kind };
    case 'intermittent':
      return { kind, holdMs, restMs };
    case 'cyclic':
      return { kind, rampUpMs, rampDownMs };
    case 'progressive':
    case 'regressive':
      return { kind, steps, holdMs, restMs };
  }
}

export function programFromForm(form: ProgramForm, envelope: Envelope): Program {
  const maxN = form.maxN ?? envelope.startTensionN;
  return {
    region: form.region,
    mode: programMode(form.kind, form),
    maxN,
    minN: form.minN ?? minTensionRange(form.region, maxN)?.ceilingN ?? 0,
    rampShape: form.shape,
    rampRateNps: form.rampRateNps ?? envelope.rampMaxNps,
    treatmentMs: form.treatmentMs,
    angleDeg: form.angleDeg,
  };
}
