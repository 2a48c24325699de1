/**
 * The table's load cell against a reference gauge: zero and span by least squares over two or
 * more points, linearity (loading points), hysteresis (unloading against loading at the same
 * level), readings that contradict the gauge beyond reason, and bounds on how far new
 * coefficients may move from the ones in force. Corrected reading = offsetN + span · readingN.
 * Sources of every tolerance: docs/calibration.md §3.
 */
import { err, ok, type Result } from '../result.ts';
import { solveLeastSquares } from './least-squares.ts';

export type LoadDirection = 'loading' | 'unloading';

export interface TablePoint {
  /** The reference gauge's reading, typed in by the technician, N. */
  readonly referenceN: number;
  /** The load cell's settled reading at the same moment, N. */
  readonly readingN: number;
  readonly direction: LoadDirection;
}

export interface TableCoefficients {
  readonly offsetN: number;
  readonly span: number;
}

export const IDENTITY_TABLE_COEFFICIENTS: TableCoefficients = { offsetN: 0, span: 1 };

/** Reading within 0.5 % of the reference for loads ≥ 20 % of full scale (issue 8 "Done when"). */
export const TABLE_ACCURACY_FRAC = 0.005;
export const TABLE_ACCURACY_FROM_FRAC_OF_FS = 0.2;
/**
 * Linearity and hysteresis allowances, fraction of full scale: 0.25 %, the upper end of the
 * strain-gauge class 0.03–0.25 % FS (decompression.md §6.3 [MKT]).
 */
export const TABLE_LINEARITY_FRAC_OF_FS = 0.0025;
export const TABLE_HYSTERESIS_FRAC_OF_FS = 0.0025;
/**
 * A gauge reading is taken as mistyped (wrong unit, wrong digit) when it differs from the load
 * cell by more than the YY 0697-2008 force band: ≤ 200 N → max(10 %, 10 N); above →
 * min(20 %, 50 N) (decompression.md §5.5, TRACKING_TOLERANCE of §7.1). An uncalibrated cell of
 * the 0.25 % class with a few % span error is far inside it.
 */
export function contradictionBandN(referenceN: number): number {
  const abs = Math.abs(referenceN);
  return abs <= 200 ? Math.max(0.1 * abs, 10) : Math.min(0.2 * abs, 50);
}

/** Why a gauge reading cannot be right beside the load cell's, or undefined when it may be. */
export function gaugeContradiction(referenceN: number, readingN: number): string | undefined {
  const bandN = contradictionBandN(referenceN);
  if (Math.abs(referenceN - readingN) <= bandN) return undefined;
  return `gauge ${referenceN} N contradicts the load cell's ${readingN.toFixed(1)} N by more than ${bandN.toFixed(1)} N: check the unit and the digits`;
}
/**
 * New coefficients may differ from those in force by at most this much. DESIGN: a span change
 * beyond 5 % (the sensitivity spread of an uncalibrated cell, plate.md §1's ±5 % gains) or a zero
 * change beyond the ±10 N zero-check tolerance (decompression.md §7.1, ZERO_CHECK_TOLERANCE_N)
 * means a damaged cell or a bad procedure, not drift or a cell leaving the factory.
 */
export const TABLE_MAX_SPAN_CHANGE_FRAC = 0.05;
export const TABLE_MAX_OFFSET_CHANGE_N = 10;
/** Loading and unloading points closer than this fraction of full scale are the same level. DESIGN. */
const SAME_LEVEL_FRAC_OF_FS = 0.02;

export type TableCalibrationError =
  | { readonly code: 'tooFewPoints'; readonly message: string }
  | { readonly code: 'gaugeContradicts'; readonly message: string }
  | { readonly code: 'badReference'; readonly message: string };

export interface TableCalibrationResult {
  readonly coefficients: TableCoefficients;
  /** Worst |corrected − reference| / reference over points ≥ 20 % FS, %. */
  readonly accuracyMaxPct: number;
  readonly linearityPctFs: number;
  /** NaN when no unloading point matches a loading level. */
  readonly hysteresisPctFs: number;
  readonly isPassed: boolean;
  readonly failures: readonly string[];
}

const corrected = (c: TableCoefficients, readingN: number): number => c.offsetN + c.span * readingN;

/** Fits and checks; refuses input that cannot be a calibration (values, not throws). */
export function calibrateTableLoadCell(points: readonly TablePoint[], fullScaleN: number): Result<TableCalibrationResult, TableCalibrationError> {
  for (const p of points) {
    if (!(Number.isFinite(p.referenceN) && p.referenceN >= 0 && p.referenceN <= fullScaleN && Number.isFinite(p.readingN))) {
      return err({ code: 'badReference', message: `gauge reading ${p.referenceN} N is outside 0–${fullScaleN} N` });
    }
    const contradiction = gaugeContradiction(p.referenceN, p.readingN);
    if (contradiction !== undefined) return err({ code: 'gaugeContradicts', message: contradiction });
  }
  const loading = points.filter((p) => p.direction === 'loading');
  const levels = new Set(loading.map((p) => Math.round(p.referenceN / (SAME_LEVEL_FRAC_OF_FS * fullScaleN))));
  if (levels.size < 2) return err({ code: 'tooFewPoints', message: `zero and span need loading points at two or more levels, got ${levels.size}` });
  const fit = solveLeastSquares(
    loading.map((p) => [1, p.readingN / fullScaleN]),
    loading.map((p) => p.referenceN),
  );
  if (!fit.ok) return err({ code: 'tooFewPoints', message: 'loading points do not determine a zero and a span' });
  const coefficients = { offsetN: fit.value.x[0] ?? 0, span: (fit.value.x[1] ?? 0) / fullScaleN };
  const linearityPctFs = (100 * Math.max(...fit.value.residuals.map(Math.abs))) / fullScaleN;
  const accuracyMaxPct = Math.max(
    0,
    ...points
      .filter((p) => p.referenceN >= TABLE_ACCURACY_FROM_FRAC_OF_FS * fullScaleN)
      .map((p) => (100 * Math.abs(corrected(coefficients, p.readingN) - p.referenceN)) / p.referenceN),
  );
  const gaps = points
    .filter((p) => p.direction === 'unloading')
    .flatMap((u) => {
      const twin = loading.find((l) => Math.abs(l.referenceN - u.referenceN) <= SAME_LEVEL_FRAC_OF_FS * fullScaleN);
      // Compare errors, not raw readings, so a small difference in the gauge level does not count.
      return twin === undefined ? [] : [Math.abs(u.readingN - u.referenceN - (twin.readingN - twin.referenceN)) * coefficients.span];
    });
  const hysteresisPctFs = gaps.length === 0 ? Number.NaN : (100 * Math.max(...gaps)) / fullScaleN;
  const failures: string[] = [];
  if (accuracyMaxPct > 100 * TABLE_ACCURACY_FRAC) failures.push(`accuracy ${accuracyMaxPct.toFixed(3)} % > ${100 * TABLE_ACCURACY_FRAC} %`);
  if (linearityPctFs > 100 * TABLE_LINEARITY_FRAC_OF_FS) failures.push(`linearity ${linearityPctFs.toFixed(3)} % FS > ${100 * TABLE_LINEARITY_FRAC_OF_FS} % FS`);
  if (Number.isNaN(hysteresisPctFs)) failures.push('no unloading point at a loading level: hysteresis not checked');
  else if (hysteresisPctFs > 100 * TABLE_HYSTERESIS_FRAC_OF_FS) failures.push(`hysteresis ${hysteresisPctFs.toFixed(3)} % FS > ${100 * TABLE_HYSTERESIS_FRAC_OF_FS} % FS`);
  return ok({ coefficients, accuracyMaxPct, linearityPctFs, hysteresisPctFs, isPassed: failures.length === 0, failures });
}

/** Whether new coefficients stay within the allowed change from those in force; a message if not. */
export function checkCoefficientChange(previous: TableCoefficients, next: TableCoefficients): Result<void, string> {
  const spanChange = Math.abs(next.span / previous.span - 1);
  if (!(spanChange <= TABLE_MAX_SPAN_CHANGE_FRAC)) {
    return err(`span would change by ${(100 * spanChange).toFixed(2)} %, more than the ${100 * TABLE_MAX_SPAN_CHANGE_FRAC} % allowed`);
  }
  const offsetChange = Math.abs(next.offsetN - previous.offsetN);
  if (!(offsetChange <= TABLE_MAX_OFFSET_CHANGE_N)) {
    return err(`zero would change by ${offsetChange.toFixed(1)} N, more than the ${TABLE_MAX_OFFSET_CHANGE_N} N allowed`);
  }
  return ok(undefined);
}
