/**
 * Centre of pressure from vertical forces at known cell positions, by moment balance:
 * COP_x = Σ F_i·x_i / Σ F_i, COP_y = Σ F_i·y_i / Σ F_i (shared/reference/balance.md §1.1,
 * [Kwon-COP], [Allain11]). X medio-lateral (+ right), Y antero-posterior (+ forward), mm.
 */
import { STANDARD_GRAVITY_MPS2 } from '../units.ts';

/**
 * Below this total load COP is not reported: it is undefined as ΣF → 0 and meaningless for a
 * nearly empty plate. 5 kg × g, after the `MinWeightForCalibration` of the public C# balance-board
 * proof of concept cited in balance.md §1.3 [CODE]; a design choice, not a clinical threshold.
 */
export const MIN_COP_LOAD_N = 5 * STANDARD_GRAVITY_MPS2;

export interface CellPositionMm {
  readonly xMm: number;
  readonly yMm: number;
}

export interface CopPoint {
  readonly copXMm: number;
  readonly copYMm: number;
  readonly totalN: number;
}

/** `undefined` when the total load is below MIN_COP_LOAD_N (nobody on the plate). */
export function copFromForces(forcesN: ArrayLike<number>, cellsMm: readonly CellPositionMm[], minTotalN = MIN_COP_LOAD_N): CopPoint | undefined {
  let totalN = 0;
  let momentXNmm = 0;
  let momentYNmm = 0;
  for (let i = 0; i < cellsMm.length; i++) {
    const forceN = forcesN[i] ?? 0;
    const cell = cellsMm[i] as CellPositionMm;
    totalN += forceN;
    momentXNmm += forceN * cell.xMm;
    momentYNmm += forceN * cell.yMm;
  }
  if (!(totalN >= minTotalN)) return undefined;
  return { copXMm: momentXNmm / totalN, copYMm: momentYNmm / totalN, totalN };
}
