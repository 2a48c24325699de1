/**
 * The plate calibration plan the wizard offers (issue 8): 40 kg and 100 kg at the centre and in
 * each quadrant to fit, and four verification points at other masses and places, so verification
 * tests the fit instead of repeating it. Positions are mm from the plate's centre (x right, y
 * front) and sit well inside the PF-600's 600 × 400 mm top. `proprio calibrate plate` reads the
 * same plan from docs/calibration-plate-points.json (an integration test keeps the two equal).
 * DESIGN: two masses a technician can carry in certified 20 kg pieces, loads from 3 % to 23 % of
 * the plate's full scale (the range a standing patient loads), quadrant points at half the cell
 * spacing so every cell's gain is well determined.
 */
import type { PlatePoint } from './plate-plan.ts';

export const DEFAULT_PLATE_PLAN: readonly PlatePoint[] = [
  { id: 'centre-40', massKg: 40, xMm: 0, yMm: 0, role: 'fit' },
  { id: 'front-right-40', massKg: 40, xMm: 150, yMm: 100, role: 'fit' },
  { id: 'front-left-40', massKg: 40, xMm: -150, yMm: 100, role: 'fit' },
  { id: 'rear-left-40', massKg: 40, xMm: -150, yMm: -100, role: 'fit' },
  { id: 'rear-right-40', massKg: 40, xMm: 150, yMm: -100, role: 'fit' },
  { id: 'centre-100', massKg: 100, xMm: 0, yMm: 0, role: 'fit' },
  { id: 'front-right-100', massKg: 100, xMm: 150, yMm: 100, role: 'fit' },
  { id: 'front-left-100', massKg: 100, xMm: -150, yMm: 100, role: 'fit' },
  { id: 'rear-left-100', massKg: 100, xMm: -150, yMm: -100, role: 'fit' },
  { id: 'rear-right-100', massKg: 100, xMm: 150, yMm: -100, role: 'fit' },
  { id: 'verify-20-front-right', massKg: 20, xMm: 200, yMm: 120, role: 'verify' },
  { id: 'verify-60-rear', massKg: 60, xMm: 80, yMm: -40, role: 'verify' },
  { id: 'verify-140-front-left', massKg: 140, xMm: -60, yMm: 50, role: 'verify' },
  { id: 'verify-140-rear-left', massKg: 140, xMm: -220, yMm: -140, role: 'verify' },
];
