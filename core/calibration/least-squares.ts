/**
 * Small dense linear least squares, min ‖A·x − b‖₂, by Householder QR on column-scaled A.
 *
 * Calibration systems are tiny (≤ 8 unknowns, tens of rows) but badly scaled: raw counts are
 * ~10⁶ while gains are ~10⁻⁴ N/count. Normal equations would square that condition number, so
 * the columns are scaled to unit norm and solved by QR. A column that carries no independent
 * information (rank deficiency, e.g. only centre loads for four gains) is an expected failure
 * of the technician's plan and comes back as a value, never as a garbage solution.
 */
import { err, ok, type Result } from '../result.ts';
import { BugError } from '../bug.ts';

export interface LeastSquaresSolution {
  readonly x: readonly number[];
  /** b − A·x for every row, in the units of b. */
  readonly residuals: readonly number[];
}

export type LeastSquaresError =
  | { readonly code: 'underdetermined'; readonly rows: number; readonly unknowns: number }
  | { readonly code: 'rankDeficient'; readonly column: number };

/** Relative size below which a pivot counts as zero (after unit-norm column scaling). */
const RANK_TOLERANCE = 1e-9;

/** Solves min ‖A·x − b‖ for A given as rows; every row must have the same length. */
export function solveLeastSquares(rows: readonly (readonly number[])[], b: readonly number[]): Result<LeastSquaresSolution, LeastSquaresError> {
  const m = rows.length;
  const n = rows[0]?.length ?? 0;
  if (b.length !== m || rows.some((row) => row.length !== n)) throw new BugError('solveLeastSquares: ragged system');
  if (m < n || n === 0) return err({ code: 'underdetermined', rows: m, unknowns: n });
  const a = rows.map((row) => [...row]);
  const scale = new Array<number>(n).fill(0);
  for (let j = 0; j < n; j++) {
    let normSq = 0;
    for (let i = 0; i < m; i++) normSq += (a[i]?.[j] ?? 0) ** 2;
    const norm = Math.sqrt(normSq);
    if (norm === 0) return err({ code: 'rankDeficient', column: j });
    scale[j] = norm;
    for (let i = 0; i < m; i++) (a[i] as number[])[j] = (a[i]?.[j] ?? 0) / norm;
  }
  const y = [...b];
  for (let k = 0; k < n; k++) {
    let normSq = 0;
    for (let i = k; i < m; i++) normSq += (a[i]?.[k] ?? 0) ** 2;
    // The sign opposite to the pivot's avoids cancellation in v = x − alpha·e₁.
    const alpha = ((a[k]?.[k] ?? 0) >= 0 ? -1 : 1) * Math.sqrt(normSq);
    if (Math.abs(alpha) < RANK_TOLERANCE) return err({ code: 'rankDeficient', column: k });
    // Householder vector v = x − alpha·e₁, applied to the remaining columns and to y.
    const v = new Array<number>(m).fill(0);
    for (let i = k; i < m; i++) v[i] = a[i]?.[k] ?? 0;
    v[k] = (v[k] ?? 0) - alpha;
    let vNormSq = 0;
    for (let i = k; i < m; i++) vNormSq += (v[i] ?? 0) ** 2;
    const reflect = (get: (i: number) => number, set: (i: number, value: number) => void): void => {
      let dot = 0;
      for (let i = k; i < m; i++) dot += (v[i] ?? 0) * get(i);
      const f = (2 * dot) / vNormSq;
      for (let i = k; i < m; i++) set(i, get(i) - f * (v[i] ?? 0));
    };
    for (let j = k; j < n; j++) reflect((i) => a[i]?.[j] ?? 0, (i, value) => ((a[i] as number[])[j] = value));
    reflect((i) => y[i] ?? 0, (i, value) => (y[i] = value));
  }
  const z = new Array<number>(n).fill(0);
  for (let k = n - 1; k >= 0; k--) {
    let sum = y[k] ?? 0;
    for (let j = k + 1; j < n; j++) sum -= (a[k]?.[j] ?? 0) * (z[j] ?? 0);
    z[k] = sum / (a[k]?.[k] ?? 1);
  }
  const x = z.map((value, j) => value / (scale[j] ?? 1));
  const residuals = rows.map((row, i) => (b[i] ?? 0) - row.reduce((sum, aij, j) => sum + aij * (x[j] ?? 0), 0));
  return ok({ x, residuals });
}
