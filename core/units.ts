/**
 * Clinic units at the edges (DEVELOPERS.md: SI inside). Exact factors as
 * shared/reference/decompression.md states them.
 */
export const NEWTONS_PER_POUND_FORCE = 4.4482216152605;
export const STANDARD_GRAVITY_MPS2 = 9.80665;

export function newtonsToPoundsForce(forceN: number): number {
  return forceN / NEWTONS_PER_POUND_FORCE;
}

export function newtonsToKilogramsForce(forceN: number): number {
  return forceN / STANDARD_GRAVITY_MPS2;
}

/** How a clinic reads a tension: kgf where it weighs in kg, lbf where it weighs in lb (the units setting). */
export interface ClinicForceUnit {
  readonly symbol: 'kgf' | 'lbf';
  fromNewtons(forceN: number): number;
}

export function clinicForceUnit(massUnit: 'kg' | 'lb'): ClinicForceUnit {
  return massUnit === 'lb' ? { symbol: 'lbf', fromNewtons: newtonsToPoundsForce } : { symbol: 'kgf', fromNewtons: newtonsToKilogramsForce };
}
