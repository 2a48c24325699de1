/**
 * The decompression console (issue 7 over issue 5): a prescription previewed against the
 * patient's envelope, then a session the host supervises on the table (host/decompression
 * DecompressionRunner). The screen shows `decompression.changed` and sends the operator's inputs;
 * STOP and RELEASE are accepted even while the screen is locked (api/access.ts).
 * Units: N, N/s, ms (the screen converts to lbf and minutes).
 */
import { z } from 'zod';
import type { Envelope } from '../../core/index.ts';
import { method } from '../method-spec.ts';

export const PROGRAM_KINDS = ['static', 'intermittent', 'cyclic', 'progressive', 'regressive'] as const;

/** What the operator fills in; tensions and speed left out default to the envelope's suggestion. */
export const prescriptionSchema = z.strictObject({
  patientId: z.number().int().positive(),
  region: z.enum(['lumbar', 'cervical']),
  kind: z.enum(PROGRAM_KINDS),
  maxN: z.number().nullable(),
  minN: z.number().nullable(),
  holdMs: z.number().int().min(0).max(600_000),
  restMs: z.number().int().min(0).max(600_000),
  rampUpMs: z.number().int().min(0).max(600_000),
  rampDownMs: z.number().int().min(0).max(600_000),
  steps: z.number().int().min(1).max(10),
  shape: z.enum(['linear', 'logarithmic']),
  rampRateNps: z.number().nullable(),
  treatmentMs: z.number().int().min(0).max(7_200_000),
  angleDeg: z.number().min(0).max(90),
  /** The operator's confirmation of a hold tension above the envelope's confirmation threshold. */
  confirmedN: z.number().nullable(),
});
export type PrescriptionInput = z.infer<typeof prescriptionSchema>;

export interface SegmentView {
  readonly startMs: number;
  readonly endMs: number;
  readonly fromN: number;
  readonly toN: number;
  readonly phase: 'ramp-up' | 'hold' | 'ramp-down' | 'rest' | 'final-release';
}

export interface PlanView {
  readonly region: 'lumbar' | 'cervical';
  readonly kind: (typeof PROGRAM_KINDS)[number];
  readonly maxN: number;
  readonly minN: number;
  readonly rampRateNps: number;
  /** The patient's envelope for this session (core/decompression/envelope.ts). */
  readonly envelope: Omit<Envelope, 'region'>;
  readonly segments: readonly SegmentView[];
  readonly treatmentEndMs: number;
  readonly totalMs: number;
}

export interface AlarmView {
  readonly condition: string;
  readonly priority: 'high' | 'medium' | 'low';
  readonly message: string;
  readonly isAcknowledged: boolean;
}

export interface DecompressionView {
  readonly sessionId: number;
  readonly patientId: number;
  readonly plan: PlanView;
  /** idle, prechecking (with its step), ready, running, paused, stopping, released (with its cause), done (with its outcome). */
  readonly phase: string;
  readonly detail: string | null;
  readonly programMs: number;
  readonly measuredN: number | null;
  readonly setpointN: number | null;
  readonly capN: number;
  readonly alarms: readonly AlarmView[];
  readonly isSimulated: boolean;
  readonly isOver: boolean;
}

export const CHECKLIST_ANSWERS = ['no', 'yes', 'unknown'] as const;

/** The screening before a session (ref §7.5): what the screen needs to ask for it. */
export interface ScreeningStatus {
  readonly patientId: number;
  readonly region: 'lumbar' | 'cervical';
  /** The body mass on the patient's record, to be re-confirmed or corrected; null if never recorded. */
  readonly recordBodyMassKg: number | null;
  /** The patient's latest checklist for this region; null before their first program, when the whole checklist is due. */
  readonly lastChecklist: { readonly atMs: number; readonly operator: string; readonly isClear: boolean } | null;
  /** The screening confirmed for this patient and region and not yet used by a session, while it is fresh; else null. */
  readonly confirmed: ScreeningView | null;
}

/** A screening the host accepted; `decompression.begin` takes it for the same patient and region while it is fresh. */
export interface ScreeningView {
  readonly patientId: number;
  readonly region: 'lumbar' | 'cervical';
  readonly kind: 'checklist' | 'unchanged';
  readonly bodyMassKg: number;
  readonly confirmedAtMs: number;
}

export const screeningSchema = z.strictObject({
  patientId: z.number().int().positive(),
  region: z.enum(['lumbar', 'cervical']),
  /** Every item's answer (core CONTRAINDICATIONS ids); null when confirming nothing changed since the latest checklist. */
  checklist: z.record(z.string().max(40), z.enum(CHECKLIST_ANSWERS)).nullable(),
  /** "Nothing changed since the checklist of <date>", asked at every session after the first. */
  isUnchanged: z.boolean(),
  /** This session's body mass, re-confirmed or corrected (kg); the record is corrected with it. */
  bodyMassKg: z.number(),
});
export type ScreeningInput = z.infer<typeof screeningSchema>;

export const OPERATOR_INPUTS = ['start', 'pause', 'resume', 'stop', 'release'] as const;

export const DECOMPRESSION_METHODS = {
  /** The prescription checked against the patient's envelope, with its set-point timeline to chart; nothing starts. */
  'decompression.preview': method<PlanView>()(prescriptionSchema),
  /** Whether the patient's whole checklist is due (first program for the region) or its confirmation, and the recorded body mass. */
  'decompression.screening': method<ScreeningStatus>()(z.strictObject({ patientId: z.number().int().positive(), region: z.enum(['lumbar', 'cervical']) })),
  /** Records the checklist (or that nothing changed) and the confirmed body mass; refused on a contraindication. Audited. */
  'decompression.confirmScreening': method<ScreeningView>()(screeningSchema),
  /** The patient's body mass from the plate's settled total force (kg); refused with no plate, nobody on it, or no stillness. */
  'decompression.weigh': method<{ readonly bodyMassKg: number }>()(z.strictObject({})),
  /** Creates the session and begins the prechecks (link, zero, arm, patient switch test); needs a fresh screening of the same patient and region. */
  'decompression.begin': method<DecompressionView>()(prescriptionSchema),
  'decompression.status': method<DecompressionView | null>()(z.strictObject({})),
  /** start (once ready), pause, resume, stop (controlled, to the floor), release (at once). */
  'decompression.operator': method<DecompressionView>()(z.strictObject({ input: z.enum(OPERATOR_INPUTS) })),
  /** After a safety release: re-arm, with the reason recorded. */
  'decompression.rearm': method<DecompressionView>()(z.strictObject({ reason: z.string().trim().min(3).max(200) })),
  'decompression.acknowledge': method<DecompressionView>()(z.strictObject({ condition: z.string().max(40) })),
  /** Ends the session without going on: after a safety release (instead of re-arming), or before the program started. */
  'decompression.end': method<DecompressionView>()(z.strictObject({})),
};
