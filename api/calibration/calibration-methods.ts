/**
 * Calibration from the app (issue 8), for technicians and admins: the table's load cell against
 * the reference gauge, whose reading the technician types in at each level as
 * `calibration.tableChanged` asks for it (on the built-in simulator the simulated harness's gauge
 * can read itself instead); the
 * plate's guided wizard (open, zero, take each point once settled, retake, finish), whose state
 * every screen follows through `calibration.changed`; and rolling a device back to an earlier
 * calibration, which is stored as a new record so the audit trail keeps both.
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

/** Who reads the reference gauge: the technician types each reading, or the simulated harness's gauge reads itself. */
export type TableGaugeSource = 'typed' | 'simulator';

/** The gauge reading the table calibration waits for. */
export interface TableGaugePromptView {
  /** `fit`: the sweep up and back down whose readings are fitted; `verify`: the sweep with the new set in force. */
  readonly sweep: 'fit' | 'verify';
  /** `rest`: where the load cell was just zeroed, before the levels. */
  readonly direction: 'rest' | 'loading' | 'unloading';
  /** The level the table holds, N (0 at rest). */
  readonly levelN: number;
  /** Which level of the sweep (1-based; 0 at rest) and how many it has. */
  readonly step: number;
  readonly steps: number;
  /** What to do, in words ("Level 3 of 7, loading: the table holds about 600 N; …"). */
  readonly text: string;
}

/** A table calibration under way, as every screen follows it. */
export interface TableCalibrationRunView {
  readonly device: { readonly model: string; readonly serial: string };
  readonly operator: string;
  readonly gauge: TableGaugeSource;
  /** The reading asked for now; null while the table moves and settles. */
  readonly prompt: TableGaugePromptView | null;
  /** The load cell's live reading with the coefficients in force, N; null before any telemetry. */
  readonly liveN: number | null;
  /** Why the last typed reading was refused, or that the run is being cancelled; null otherwise. */
  readonly lastError: string | null;
  /** How far the procedure is: the gauge readings reached so far of all it takes; null before the first. */
  readonly progress: TableCalibrationProgress | null;
}

export interface TableCalibrationProgress {
  /** Readings reached (the one awaited counts), of `steps`: at rest, each level up and down, at rest again, each verification level. */
  readonly step: number;
  readonly steps: number;
  /** Where the table is, for a technician: `level 2 of 7, loading, about 300 N`. */
  readonly stage: string;
}

export interface CalibrationRecordView {
  readonly id: number;
  readonly performedAtMs: number;
  readonly dueAtMs: number;
  readonly isPassed: boolean;
  readonly operator: string;
  /** Which procedure produced it (`plate-multipoint-1`, `table-zero-span-1`, `rollback-of-<id>`). */
  readonly procedure: string;
}

/** One point of the plate plan as the wizard shows it. */
export interface PlateWizardPoint {
  readonly id: string;
  /** `fit` points determine the coefficients; `verify` points test them. */
  readonly role: 'fit' | 'verify';
  readonly massKg: number;
  /** Where the mass goes, mm from the plate's centre (x right, y front). */
  readonly xMm: number;
  readonly yMm: number;
  /** The settled load when taken (nominal sensitivity, tared), N; null until taken. */
  readonly takenForceN: number | null;
}

/** When a load counts as settled (core stability.ts), in numbers and in words. */
export interface SettleCriterionView {
  readonly windowMs: number;
  readonly forceSdMaxN: number;
  readonly forceDriftMaxN: number;
  readonly copDriftMaxMm: number;
  readonly timeoutMs: number;
  readonly text: string;
}

/** The plate's live load over the last stability window (nominal sensitivity, tared once zeroed). */
export interface PlateLiveView {
  readonly forceN: number;
  /** Null while the plate carries too little for a COP. */
  readonly copXMm: number | null;
  readonly copYMm: number | null;
  readonly forceSdN: number;
  readonly forceDriftN: number;
  readonly copDriftMm: number | null;
  /** The window holds a full STABILITY_WINDOW_MS of valid samples. */
  readonly isFull: boolean;
  readonly isStable: boolean;
}

/**
 * `zero`: opened, the empty plate not yet zeroed; `zeroing`/`taking`: waiting for the load to
 * settle; `points`: zeroed, ready to take (or retake) any point or to finish.
 */
export type PlateWizardStep = 'zero' | 'zeroing' | 'points' | 'taking';

export interface PlateWizardView {
  readonly step: PlateWizardStep;
  readonly device: { readonly model: string; readonly serial: string };
  /** The built-in simulator's plate: the wizard offers to place the masses itself. */
  readonly isSimulated: boolean;
  readonly operator: string;
  readonly points: readonly PlateWizardPoint[];
  /** The point being taken now, else null. */
  readonly currentPointId: string | null;
  readonly live: PlateLiveView | null;
  readonly criterion: SettleCriterionView;
  /** Why the last step failed (never settled, wrong load, disconnected), until the next step. */
  readonly lastError: string | null;
}

/** One verification point's errors against its tolerances, and before calibration for comparison. */
export interface PlateVerificationView {
  readonly pointId: string;
  readonly appliedN: number;
  readonly measuredN: number;
  readonly forceErrorPct: number;
  /** The force tolerance at this load as a % of it (0.25 % from 20 % FS, 0.05 % FS below). */
  readonly forceTolerancePct: number;
  readonly copErrorMm: number;
  readonly copToleranceMm: number;
  readonly copErrorBeforeMm: number;
  readonly forceErrorBeforePct: number;
  readonly isPassed: boolean;
}

export interface PlateCalibrationResultView {
  readonly isPassed: boolean;
  readonly storedId: number;
  readonly dueAtMs: number;
  readonly verification: readonly PlateVerificationView[];
  readonly residuals: readonly { readonly pointId: string; readonly forceResidualN: number; readonly copResidualMm: number }[];
  readonly rmsForceResidualN: number;
  readonly linearity: { readonly maxDeviationPctFs: number; readonly tolerancePctFs: number; readonly isPassed: boolean };
  readonly copErrorMaxMm: number;
  readonly forceErrorMaxPct: number;
  readonly copErrorBeforeMaxMm: number;
}

export interface RollbackView {
  /** The new record that puts the earlier coefficients in force. */
  readonly storedId: number;
  /** The earlier calibration's own due date: a rollback never extends validity. */
  readonly dueAtMs: number;
}

/** Reference levels and gauge readings: the table's range with room (its load cell's full scale is far below). DESIGN. */
const TABLE_FORCE_MAX_N = 5000;

/** Plate point ids are short names from the plan. */
const POINT_ID_MAX_CHARS = 64;

export const CALIBRATION_METHODS = {
  /** The calibrations of the device assigned to `role`, newest first (its history). */
  'calibration.history': method<readonly CalibrationRecordView[]>()(z.strictObject({ role: z.enum(['plate', 'table']) })),
  /**
   * Runs the table procedure (zero, levels up and down, fit, service-mode write, verification) and
   * stores the result. `gauge` defaults to `typed`, or `simulator` on the built-in simulator.
   */
  'calibration.table': method<TableCalibrationView>()(
    z.strictObject({ levelsN: z.array(z.number().min(1).max(TABLE_FORCE_MAX_N)).min(2).max(12), gauge: z.enum(['typed', 'simulator']).optional() }),
  ),
  /** The table calibration under way, or null. */
  'calibration.tableStatus': method<TableCalibrationRunView | null>()(z.strictObject({})),
  /** The reference gauge's reading where the calibration asks for it; one contradicting the load cell is refused. */
  'calibration.tableGaugeReading': method<TableCalibrationRunView>()(z.strictObject({ forceN: z.number().min(0).max(TABLE_FORCE_MAX_N) })),
  /** Stops the table calibration: the table unloads and nothing is stored. */
  'calibration.tableCancel': method<null>()(z.strictObject({})),
  /** Opens the plate wizard on the assigned plate with the default plan; one wizard at a time. */
  'calibration.plateOpen': method<PlateWizardView>()(z.strictObject({})),
  /** The open wizard, or null. */
  'calibration.plateStatus': method<PlateWizardView | null>()(z.strictObject({})),
  /** Zeroes the empty plate once it has settled; zeroing again drops every point taken. */
  'calibration.plateTare': method<PlateWizardView>()(z.strictObject({})),
  /** Takes a point once its mass has settled where the plan puts it; taking it again is the retake. */
  'calibration.plateTake': method<PlateWizardView>()(z.strictObject({ pointId: z.string().min(1).max(POINT_ID_MAX_CHARS) })),
  /** Fits, verifies and stores the calibration (passed or failed) and closes the wizard. */
  'calibration.plateFinish': method<PlateCalibrationResultView>()(z.strictObject({})),
  /** Closes the wizard; nothing is stored. */
  'calibration.plateCancel': method<null>()(z.strictObject({})),
  /** Puts an earlier passed calibration of the connected device back in force, as a new record. */
  'calibration.rollback': method<RollbackView>()(z.strictObject({ role: z.enum(['plate', 'table']), calibrationId: z.number().int().positive() })),
};
