/**
 * Calibration from the app (issue 8), for technicians and admins: the table's load cell against
 * the reference gauge. On the built-in simulator the gauge is the simulated harness's own; a real
 * table's gauge readings are typed in by the technician with `proprio calibrate table` until the
 * wizard screen comes.
 */
import { z } from 'zod';
import { method } from '../method-spec.ts';

export interface TableCalibrationView {
  readonly isPassed: boolean;
  readonly storedId: number;
  readonly dueAtMs: number;
  /** Worst error against the gauge with the new coefficients in force, from 20 % of full scale. */
  readonly accuracyMaxPct: number;
  readonly failures: readonly string[];
}

export interface CalibrationRecordView {
  readonly id: number;
  readonly performedAtMs: number;
  readonly dueAtMs: number;
  readonly isPassed: boolean;
  readonly operator: string;
}

export const CALIBRATION_METHODS = {
  /** The calibrations of the device assigned to `role`, newest first (its history). */
  'calibration.history': method<readonly CalibrationRecordView[]>()(z.strictObject({ role: z.enum(['plate', 'table']) })),
  /** Runs the table procedure (zero, levels up and down, fit, service-mode write, verification) and stores the result. */
  'calibration.table': method<TableCalibrationView>()(
    z.strictObject({ levelsN: z.array(z.number().min(1).max(5000)).min(2).max(12) }),
  ),
};
