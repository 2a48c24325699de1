/**
 * Weight distribution left/right and front/back from the four cell forces: each cell counts to
 * the side of the plate centre it sits on (cells on a centre line count half to each side).
 * Shown as % of the total load, as BTrackS-style weight-distribution tests report it
 * [Lancaster-BTrackS]; asymmetry in % body weight is what weight-bearing feedback trains
 * [JNER13-WBA] (shared/reference/balance.md §2.7, §6.3).
 */
import { MIN_COP_LOAD_N, type CellPositionMm } from '../cop/cop-from-forces.ts';

export interface WeightDistribution {
  readonly totalN: number;
  readonly leftPct: number;
  readonly rightPct: number;
  readonly frontPct: number;
  readonly rearPct: number;
}

const share = (coordinateMm: number): number => (coordinateMm > 0 ? 1 : coordinateMm < 0 ? 0 : 0.5);

/** `undefined` below MIN_COP_LOAD_N (nobody on the plate). */
export function weightDistribution(cellForcesN: ArrayLike<number>, cellsMm: readonly CellPositionMm[]): WeightDistribution | undefined {
  let totalN = 0;
  let rightN = 0;
  let frontN = 0;
  for (let i = 0; i < cellsMm.length; i++) {
    const forceN = cellForcesN[i] ?? 0;
    const cell = cellsMm[i] as CellPositionMm;
    totalN += forceN;
    rightN += forceN * share(cell.xMm);
    frontN += forceN * share(cell.yMm);
  }
  if (!(totalN >= MIN_COP_LOAD_N)) return undefined;
  const rightPct = (100 * rightN) / totalN;
  const frontPct = (100 * frontN) / totalN;
  return { totalN, leftPct: 100 - rightPct, rightPct, frontPct, rearPct: 100 - frontPct };
}
