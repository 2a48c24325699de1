/**
 * The controller's estimate of the patient's stiffness, from its own reading and position.
 *
 * Reference decompression.md §6.1 (about 5 N/mm, stiffening). Units: N, mm, N/mm.
 */
import { FLOOR_N } from './table-constants.ts';

export const MIN_STIFFNESS_N_PER_MM = 5;
export const MAX_STIFFNESS_N_PER_MM = 40;

/**
 * Tangent stiffness of the patient at the present reading, N/mm, estimated from the secant since
 * the slack position: for a stiffening patient (tension ≈ k0·e + ½·k1·e²) the tangent is
 * 2 × secant − k0, with k0 taken as the softest patient's 5 N/mm (the secant alone under-estimates
 * the tangent by up to half, which made the feed-forward too fast). Clamped to 5–40 N/mm.
 */
export function stiffnessEstimate(measN: number, posMm: number, slackPosMm: number | null): number {
  if (measN <= FLOOR_N) return MIN_STIFFNESS_N_PER_MM;
  const secant = (measN - FLOOR_N) / Math.max(posMm - (slackPosMm ?? 0), 1);
  return clampStiffness(2 * secant - MIN_STIFFNESS_N_PER_MM);
}

export function clampStiffness(stiffnessNPerMm: number): number {
  return Math.min(Math.max(stiffnessNPerMm, MIN_STIFFNESS_N_PER_MM), MAX_STIFFNESS_N_PER_MM);
}

