/**
 * One plate calibration against the live plate: tare the empty plate, take each planned point
 * once its load has settled (and retake any), then fit and verify. The wizard and the headless
 * `proprio calibrate plate` drive the same session; neither stores anything until `finish` has
 * produced a complete outcome (docs/calibration.md §1).
 *
 *   open ──► tare ──► takePoint(id)… (any order, any point again = retake) ──► finish
 *
 * A step that fails (never settles, wrong load, disconnect) changes nothing already taken.
 */
import {
  err,
  ok,
  plateFullScaleN,
  validatePlatePlan,
  type PlateGeometry,
  type PlatePoint,
  type PlateReading,
  type Result,
  type StabilityAssessment,
  type StabilityScale,
} from '../../core/index.ts';
import type { DeviceIdentity, Timers } from '../../native-bridge/index.ts';
import { evaluatePlateCalibration, type PlateCalibrationOutcome } from './plate-outcome.ts';
import { waitForSettledLoad, type PlateSource, type SettleError } from './settled-load.ts';

/** Longest wait for a point to settle. DESIGN: a dead mass settles in seconds; 30 s allows a careful placement. */
export const SETTLE_TIMEOUT_MS = 30_000;
/** No samples for this long means the plate is gone. DESIGN: 3× the driver's 1 s silence limit. */
export const SILENCE_LIMIT_MS = 3000;
/**
 * Largest empty-plate reading of a cell at nominal sensitivity, fraction of its full scale: the
 * ±2 % FS offsets plate.md §1 allows, with margin. DESIGN. More means something is on the plate.
 */
export const TARE_MAX_FRAC_OF_CELL_FS = 0.03;
/** A settled load must be within 10 % of the mass's weight at nominal sensitivity (gains differ ≤ ±5 %). DESIGN. */
export const LOAD_MATCH_FRAC = 0.1;
/** …and its COP within 40 mm of the planned position (uncalibrated COP errors are ≤ ~15 mm). DESIGN. */
export const POSITION_MATCH_MM = 40;

export type CalibrationStepError =
  | { readonly code: 'notConnected' | 'badPlan' | 'unknownPoint' | 'notTared' | 'missingPoints' | 'fitFailed'; readonly message: string }
  | SettleError;

export interface PlateSessionSetup {
  readonly source: PlateSource;
  readonly plan: readonly PlatePoint[];
  readonly gravityMps2: number;
  readonly timers: Timers;
  readonly settleTimeoutMs?: number;
  readonly onAssessment?: (assessment: StabilityAssessment) => void;
}

export class PlateCalibrationSession {
  private tareCounts: readonly number[] | undefined;
  private readonly readings = new Map<string, PlateReading>();

  private constructor(
    private readonly setup: PlateSessionSetup,
    readonly identity: DeviceIdentity,
    readonly geometry: PlateGeometry,
    readonly rateHz: number,
    readonly plan: readonly PlatePoint[],
  ) {}

  /** Checks the plan against the connected plate's geometry; every plan problem is in the message. */
  static open(setup: PlateSessionSetup): Result<PlateCalibrationSession, CalibrationStepError> {
    const connected = setup.source.connected;
    if (connected === undefined) return err({ code: 'notConnected', message: 'the plate is not connected' });
    const caps = connected.capabilities;
    const geometry: PlateGeometry = {
      widthMm: caps.widthMm,
      depthMm: caps.depthMm,
      cellsMm: caps.cellPositionsMm,
      countsPerN: caps.countsPerN,
      cellFullScaleN: caps.cellFullScaleN,
    };
    const plan = validatePlatePlan(setup.plan, geometry, setup.gravityMps2);
    if (!plan.ok) return err({ code: 'badPlan', message: plan.error.map((e) => e.message).join('; ') });
    return ok(new PlateCalibrationSession(setup, connected.identity, geometry, connected.rateHz, plan.value));
  }

  get isTared(): boolean {
    return this.tareCounts !== undefined;
  }

  /** Points of the plan not yet taken. */
  get pendingPoints(): readonly PlatePoint[] {
    return this.plan.filter((point) => !this.readings.has(point.id));
  }

  /** Zero: waits for the empty plate to settle and keeps its mean counts. Retaking it drops every point taken. */
  async tare(): Promise<Result<readonly number[], CalibrationStepError>> {
    const cellLimitN = TARE_MAX_FRAC_OF_CELL_FS * this.geometry.cellFullScaleN;
    const settled = await this.settle(undefined, (a) => {
      const worst = a.meanCounts.map((c) => Math.abs(c) / this.geometry.countsPerN).reduce((m, f, i, all) => (f > (all[m] ?? 0) ? i : m), 0);
      const readN = Math.abs(a.meanCounts[worst] ?? 0) / this.geometry.countsPerN;
      return readN > cellLimitN ? `the plate is not empty: cell ${worst} reads ${readN.toFixed(0)} N, more than the ${cellLimitN.toFixed(0)} N an empty cell can` : undefined;
    });
    if (!settled.ok) return settled;
    this.tareCounts = settled.value.meanCounts;
    this.readings.clear();
    return ok(settled.value.meanCounts);
  }

  /** Waits for the point's mass to settle where the plan puts it; taking a point again replaces it (retake). */
  async takePoint(pointId: string): Promise<Result<PlateReading, CalibrationStepError>> {
    const point = this.plan.find((p) => p.id === pointId);
    if (point === undefined) return err({ code: 'unknownPoint', message: `no point "${pointId}" in the plan` });
    const zero = this.tareCounts;
    if (zero === undefined) return err({ code: 'notTared', message: 'zero the empty plate before taking points' });
    const weightN = point.massKg * this.setup.gravityMps2;
    const settled = await this.settle(zero, (a) => {
      if (Math.abs(a.forceN - weightN) > LOAD_MATCH_FRAC * weightN) {
        return `point "${point.id}": expected about ${weightN.toFixed(0)} N (${point.massKg} kg), the plate reads ${a.forceN.toFixed(0)} N: is the right mass in place?`;
      }
      const copMm = this.nominalCop(a, zero);
      const offMm = Math.hypot(copMm.xMm - point.xMm, copMm.yMm - point.yMm);
      return offMm > POSITION_MATCH_MM
        ? `point "${point.id}": the load sits ${offMm.toFixed(0)} mm from (${point.xMm}, ${point.yMm}) mm: is the mass on its mark?`
        : undefined;
    });
    if (!settled.ok) return settled;
    const reading = { pointId: point.id, massKg: point.massKg, xMm: point.xMm, yMm: point.yMm, meanCounts: settled.value.meanCounts };
    this.readings.set(point.id, reading);
    return ok(reading);
  }

  /** Fits and verifies once every point is taken; stores nothing. */
  finish(): Result<PlateCalibrationOutcome, CalibrationStepError> {
    const zero = this.tareCounts;
    if (zero === undefined) return err({ code: 'notTared', message: 'the empty plate was never zeroed' });
    const missing = this.pendingPoints;
    if (missing.length > 0) return err({ code: 'missingPoints', message: `points not taken: ${missing.map((p) => p.id).join(', ')}` });
    const outcome = evaluatePlateCalibration(zero, this.plan.map((p) => this.readings.get(p.id) as PlateReading), this.plan, this.geometry, this.setup.gravityMps2);
    return outcome.ok ? outcome : err({ code: 'fitFailed', message: outcome.error });
  }

  private nominalCop(a: StabilityAssessment, zero: readonly number[]): { xMm: number; yMm: number } {
    const forces = a.meanCounts.map((c, i) => c - (zero[i] ?? 0));
    const total = forces.reduce((s, f) => s + f, 0);
    const xMm = forces.reduce((s, f, i) => s + f * (this.geometry.cellsMm[i]?.xMm ?? 0), 0) / total;
    const yMm = forces.reduce((s, f, i) => s + f * (this.geometry.cellsMm[i]?.yMm ?? 0), 0) / total;
    return { xMm, yMm };
  }

  private settle(zeroCounts: readonly number[] | undefined, judge: (a: StabilityAssessment) => string | undefined) {
    const scale: StabilityScale = {
      cellsMm: this.geometry.cellsMm,
      countsPerN: this.geometry.countsPerN,
      fullScaleN: plateFullScaleN(this.geometry),
      ...(zeroCounts === undefined ? {} : { zeroCounts }),
    };
    return waitForSettledLoad(this.setup.source, {
      scale,
      rateHz: this.rateHz,
      settleTimeoutMs: this.setup.settleTimeoutMs ?? SETTLE_TIMEOUT_MS,
      silenceLimitMs: SILENCE_LIMIT_MS,
      timers: this.setup.timers,
      judge,
      ...(this.setup.onAssessment === undefined ? {} : { onAssessment: this.setup.onAssessment }),
    });
  }
}
