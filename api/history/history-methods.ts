/**
 * A patient's history: sessions with their results, newest first. Sessions recorded on simulated
 * devices are kept out unless asked for (QA), and are flagged when shown.
 */
import { z } from 'zod';
import { method } from '../method-spec.ts';
import type { SymptomMark, TrialFigures } from '../balance/balance-methods.ts';

export interface HistoryTrial {
  readonly id: number;
  readonly protocol: string;
  /** The trial within its protocol (`eo`, `ec-foam-2`, …). */
  readonly condition: string;
  readonly outcome: string | null;
  readonly figures: TrialFigures | null;
  /** Measured on a plate without a valid calibration. */
  readonly isUncalibrated: boolean;
  readonly algorithmVersion: string;
}

export interface HistorySession {
  readonly id: number;
  readonly kind: 'balance' | 'decompression';
  readonly status: 'recording' | 'complete' | 'aborted' | 'interrupted';
  readonly startedAtMs: number;
  readonly endedAtMs: number | null;
  readonly isSimulated: boolean;
  /** The protocol's name, or the decompression program and its hold tension. */
  readonly title: string;
  readonly trials: readonly HistoryTrial[];
  /** Symptoms the therapist marked, oldest first. */
  readonly symptoms: readonly SymptomMark[];
}

export const HISTORY_METHODS = {
  'history.sessions': method<readonly HistorySession[]>()(z.strictObject({ patientId: z.number().int().positive(), includeSimulated: z.boolean() })),
};
