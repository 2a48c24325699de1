/**
 * The technician's plan for a plate calibration: which known mass goes where, and whether the
 * point is used to fit the coefficients or only to verify them.
 *
 * Rules (issue 8): masses > 0; every position on the plate's top; no point twice; the fitting
 * points cover the centre and all four quadrants with at least two different masses (fewer leave
 * some cell's gain undetermined or untested); at least one verification point, and verification
 * points are never fitting points (same mass at the same place), so verification tests the fit
 * instead of repeating it. The plan must not overload the plate, nor load it too little to have a
 * COP (core/cop MIN_COP_LOAD_N).
 */
import { err, ok, type Result } from '../result.ts';
import { MIN_COP_LOAD_N } from '../cop/cop-from-forces.ts';
import { plateFullScaleN, type PlateGeometry } from './plate-coefficients.ts';

export type PointRole = 'fit' | 'verify';

export interface PlatePoint {
  readonly id: string;
  readonly massKg: number;
  readonly xMm: number;
  readonly yMm: number;
  readonly role: PointRole;
}

export type PlanErrorCode =
  | 'noPoints'
  | 'badId'
  | 'massNotPositive'
  | 'tooLight'
  | 'offPlate'
  | 'overload'
  | 'duplicateId'
  | 'duplicatePoint'
  | 'missingPosition'
  | 'tooFewMasses'
  | 'noVerification';

export interface PlanError {
  readonly code: PlanErrorCode;
  readonly message: string;
}

/** Positions within this distance of the centre count as "the centre". DESIGN. */
export const CENTRE_RADIUS_MM = 10;
/** Two points closer than this at the same mass are the same point. DESIGN. */
export const SAME_POSITION_MM = 1;
/** Masses within this of each other are the same mass. DESIGN: certified masses differ by far more. */
const SAME_MASS_KG = 1e-3;

const REGIONS = ['centre', 'front-right quadrant', 'front-left quadrant', 'rear-left quadrant', 'rear-right quadrant'] as const;

function regionOf(point: PlatePoint): (typeof REGIONS)[number] | undefined {
  if (Math.hypot(point.xMm, point.yMm) <= CENTRE_RADIUS_MM) return 'centre';
  if (point.xMm > 0 && point.yMm > 0) return 'front-right quadrant';
  if (point.xMm < 0 && point.yMm > 0) return 'front-left quadrant';
  if (point.xMm < 0 && point.yMm < 0) return 'rear-left quadrant';
  if (point.xMm > 0 && point.yMm < 0) return 'rear-right quadrant';
  return undefined;
}

const isSamePoint = (a: PlatePoint, b: PlatePoint): boolean =>
  Math.abs(a.massKg - b.massKg) < SAME_MASS_KG && Math.hypot(a.xMm - b.xMm, a.yMm - b.yMm) < SAME_POSITION_MM;

/** Checks a plan against the plate; every problem is listed, each with a message for the technician. */
export function validatePlatePlan(points: readonly PlatePoint[], geometry: PlateGeometry, gravityMps2: number): Result<readonly PlatePoint[], PlanError[]> {
  const errors: PlanError[] = [];
  const add = (code: PlanErrorCode, message: string): void => void errors.push({ code, message });
  if (points.length === 0) return err([{ code: 'noPoints', message: 'the plan has no points' }]);
  const fullScaleN = plateFullScaleN(geometry);
  const seenIds = new Set<string>();
  points.forEach((point, index) => {
    const name = `point "${point.id}"`;
    if (point.id.trim() === '') add('badId', `point ${index + 1} has no id`);
    else if (seenIds.has(point.id)) add('duplicateId', `${name} appears more than once`);
    seenIds.add(point.id);
    if (!(Number.isFinite(point.massKg) && point.massKg > 0)) add('massNotPositive', `${name}: mass must be more than 0 kg, got ${point.massKg}`);
    else if (point.massKg * gravityMps2 < MIN_COP_LOAD_N) add('tooLight', `${name}: ${point.massKg} kg is below the ${(MIN_COP_LOAD_N / gravityMps2).toFixed(0)} kg the plate needs to place a COP`);
    else if (point.massKg * gravityMps2 > fullScaleN) add('overload', `${name}: ${point.massKg} kg exceeds the plate's full scale of ${(fullScaleN / gravityMps2).toFixed(0)} kg`);
    const halfW = geometry.widthMm / 2;
    const halfD = geometry.depthMm / 2;
    if (!(Math.abs(point.xMm) < halfW && Math.abs(point.yMm) < halfD)) {
      add('offPlate', `${name}: position (${point.xMm}, ${point.yMm}) mm is off the plate (x within ±${halfW} mm, y within ±${halfD} mm)`);
    }
    const twin = points.slice(0, index).find((other) => other.role === point.role && isSamePoint(other, point));
    if (twin !== undefined) add('duplicatePoint', `${name} repeats point "${twin.id}" (same mass at the same place)`);
    if (point.role === 'verify') {
      const fit = points.find((other) => other.role === 'fit' && isSamePoint(other, point));
      if (fit !== undefined) add('duplicatePoint', `verification ${name} repeats fitting point "${fit.id}": verify at other places or masses`);
    }
  });
  const fitPoints = points.filter((point) => point.role === 'fit');
  const covered = new Set(fitPoints.map(regionOf));
  const missing = REGIONS.filter((region) => !covered.has(region));
  if (missing.length > 0) add('missingPosition', `fitting points must cover the centre and the four quadrants; missing: ${missing.join(', ')}`);
  const masses = new Set(fitPoints.map((point) => Math.round(point.massKg / SAME_MASS_KG)));
  if (masses.size < 2) add('tooFewMasses', `fitting points need at least two different masses, got ${masses.size}`);
  if (!points.some((point) => point.role === 'verify')) add('noVerification', 'the plan has no verification point');
  return errors.length === 0 ? ok(points) : err(errors);
}
