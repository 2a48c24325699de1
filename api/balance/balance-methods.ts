/**
 * Running a balance protocol on the plate for a patient (issue 7, the protocol runner). The host
 * runs it on the plate's own clock (host/balance ProtocolRunner) and records the session; the
 * screen only shows `balance.changed` and sends the therapist's buttons. One run at a time.
 */
import { z } from 'zod';
import { MAX_SYMPTOM_NOTE_CHARS, SYMPTOMS, type ReferenceValue, type Symptom } from '../../core/index.ts';
import { method } from '../method-spec.ts';

export interface ProtocolInfo {
  readonly id: string;
  readonly name: string;
  /** Source keys of shared/reference/balance.md. */
  readonly source: string;
  readonly trialCount: number;
  /** Duration of the recorded trials, without countdowns and pauses. */
  readonly recordedMs: number;
}

export interface BalanceTrialView {
  readonly index: number;
  readonly id: string;
  readonly label: string;
  readonly instruction: string;
  readonly durationMs: number;
  readonly eyes: 'open' | 'closed';
  readonly surface: 'firm' | 'foam';
}

/** The headline sway figures of a finished quiet-stance trial (the full set is stored); null where a figure is undefined. */
export interface TrialFigures {
  readonly pathLengthMm: number | null;
  readonly meanVelocityMmS: number | null;
  readonly rmsMm: number | null;
  readonly ellipseArea95Mm2: number | null;
}

export interface BalanceResultView {
  readonly trialId: string;
  readonly label: string;
  readonly attempt: number;
  readonly outcome: 'completed' | 'fell';
  readonly holdMs: number;
  /** Quiet-stance trials that did not fall; null otherwise. */
  readonly figures: TrialFigures | null;
  /** Published values for this very protocol and measure (core published-norms.ts), with the patient's own value; mostly none. */
  readonly references: readonly ReferenceValueView[];
}

export interface ReferenceValueView extends ReferenceValue {
  /** The patient's value of the same measure in this trial, or null when undefined. */
  readonly patientValueMmS: number | null;
}

/** A symptom the therapist marked during or after a trial, stored as an event of the session. */
export interface SymptomMark {
  readonly id: number;
  readonly sessionId: number;
  /** The trial it happened in (`eo`, `ec-foam-2`, …), or null for the session as a whole. */
  readonly trialId: string | null;
  readonly symptom: Symptom;
  readonly note: string;
  readonly atMs: number;
  /** Who marked it. */
  readonly operator: string;
}

export interface BalanceRunView {
  readonly sessionId: number;
  readonly patientId: number;
  readonly protocol: { readonly id: string; readonly name: string };
  readonly trial: BalanceTrialView;
  readonly trialCount: number;
  readonly attempt: number;
  /**
   * waiting: for the patient to stand still on the plate (or for the therapist, below);
   * countdown: before the start cue; recording: the trial runs; ended: the protocol is over.
   */
  readonly phase: 'waiting' | 'countdown' | 'recording' | 'ended';
  /** Waiting for the therapist to confirm the set-up and the spotter or harness. */
  readonly isAwaitingTherapist: boolean;
  readonly secondsLeft: number | null;
  /** The last cue: a large banner and a sound; `seq` grows with each, so the screen plays each once. */
  readonly cue: { readonly seq: number; readonly banner: string; readonly sound: 'tick' | 'start' | 'end' | 'error' } | null;
  readonly isPlateConnected: boolean;
  readonly results: readonly BalanceResultView[];
  readonly voided: readonly { readonly trialId: string; readonly attempt: number; readonly reason: 'steppedOff' | 'plateDisconnected' | 'aborted' }[];
  readonly outcome: 'finished' | 'stopped' | null;
  /** Romberg quotient(s) (closed/open) when the protocol has them. */
  readonly rombergQuotients: readonly { readonly measure: string; readonly quotient: number | null }[];
  /** False when the plate has no passed calibration in date: results are flagged. */
  readonly isPlateCalibrated: boolean;
  /** Recorded on simulated devices: kept out of the patient's history. */
  readonly isSimulated: boolean;
  /** Something the therapist must know (a result that could not be saved), or null. */
  readonly problem: string | null;
  /** Symptoms marked in this session so far, oldest first. */
  readonly symptoms: readonly SymptomMark[];
}

/** The next level of the patient's re-education program, as the host proposes it. */
export interface NextLevelView {
  readonly level: number;
  readonly protocolId: string;
  /** The level's protocol name, e.g. `Re-education level 2: Slow weight shifts`. */
  readonly name: string;
  /** Why this level, for the therapist (mastered, not yet mastered, symptoms, first level, top). */
  readonly reason: string;
  /** The session judged, or null for a first level. */
  readonly basedOnSessionId: number | null;
}

export const BALANCE_METHODS = {
  'balance.protocols': method<readonly ProtocolInfo[]>()(z.strictObject({})),
  /** The run in progress (or the last one, ended), or null. */
  'balance.status': method<BalanceRunView | null>()(z.strictObject({})),
  /** Starts a protocol for a patient on the connected plate; refused while another runs. */
  'balance.start': method<BalanceRunView>()(z.strictObject({ patientId: z.number().int().positive(), protocolId: z.string().max(60) })),
  /** The therapist confirms the set-up: a spotter stands by, the patient wears a harness, or declined both. */
  'balance.ready': method<BalanceRunView>()(z.strictObject({ safety: z.enum(['spotter', 'harness', 'declined']) })),
  'balance.abortTrial': method<BalanceRunView>()(z.strictObject({})),
  'balance.repeatLastTrial': method<BalanceRunView>()(z.strictObject({})),
  'balance.stop': method<BalanceRunView>()(z.strictObject({})),
  /** The next re-education level for a patient, from their completed ladder sessions (simulated ones left out). */
  'balance.nextLevel': method<NextLevelView>()(z.strictObject({ patientId: z.number().int().positive() })),
  /** Marks a symptom in a balance session (the run's or an earlier one), for one of its trials or the whole session; audited. */
  'balance.markSymptom': method<SymptomMark>()(
    z.strictObject({
      sessionId: z.number().int().positive(),
      trialId: z.string().min(1).max(60).nullable(),
      symptom: z.enum(SYMPTOMS, { error: `choose one of: ${SYMPTOMS.join(', ')}` }),
      note: z.string().trim().max(MAX_SYMPTOM_NOTE_CHARS, { error: `at most ${MAX_SYMPTOM_NOTE_CHARS} characters` }),
    }),
  ),
};
