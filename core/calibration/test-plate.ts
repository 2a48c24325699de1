/**
 * Test fixtures for plate calibration: the PF-600 geometry (docs/protocols/plate.md §1, §3) and
 * a noiseless plate whose cells follow F_i = g_i·(raw_i − zero_i) exactly, loaded by the
 * bilinear split that satisfies the moment balance. Used by this folder's tests only.
 */
import type { PlateGeometry } from './plate-coefficients.ts';
import type { PlateReading } from './plate-fit.ts';
import type { PlatePoint } from './plate-plan.ts';

export const GRAVITY = 9.80665;

export const PF600: PlateGeometry = {
  widthMm: 600,
  depthMm: 400,
  cellsMm: [
    { xMm: -270, yMm: 170 },
    { xMm: 270, yMm: 170 },
    { xMm: 270, yMm: -170 },
    { xMm: -270, yMm: -170 },
  ],
  countsPerN: 5000,
  cellFullScaleN: 1500,
};

export interface TrueCell {
  readonly zeroCounts: number;
  readonly countsPerN: number;
}

/** Counts of a noiseless plate under a mass at (x, y). */
export function countsUnder(cells: readonly TrueCell[], massKg: number, xMm: number, yMm: number): number[] {
  const forceN = massKg * GRAVITY;
  const right = 0.5 + xMm / 540;
  const front = 0.5 + yMm / 340;
  const shares = [(1 - right) * front, right * front, right * (1 - front), (1 - right) * (1 - front)];
  return cells.map((cell, i) => cell.zeroCounts + cell.countsPerN * forceN * (shares[i] ?? 0));
}

export const readingOf = (cells: readonly TrueCell[], p: PlatePoint): PlateReading => ({
  pointId: p.id,
  massKg: p.massKg,
  xMm: p.xMm,
  yMm: p.yMm,
  meanCounts: countsUnder(cells, p.massKg, p.xMm, p.yMm),
});

const fit = (id: string, massKg: number, xMm: number, yMm: number): PlatePoint => ({ id, massKg, xMm, yMm, role: 'fit' });

/** Centre and four quadrants at 40 kg and 100 kg, verified at three other places and masses. */
export const STANDARD_PLAN: readonly PlatePoint[] = [
  fit('c40', 40, 0, 0),
  fit('fr40', 40, 150, 100),
  fit('fl40', 40, -150, 100),
  fit('rl40', 40, -150, -100),
  fit('rr40', 40, 150, -100),
  fit('c100', 100, 0, 0),
  fit('fr100', 100, 150, 100),
  fit('fl100', 100, -150, 100),
  fit('rl100', 100, -150, -100),
  fit('rr100', 100, 150, -100),
  { id: 'v1', massKg: 60, xMm: 80, yMm: -40, role: 'verify' },
  { id: 'v2', massKg: 140, xMm: -60, yMm: 50, role: 'verify' },
  { id: 'v3', massKg: 20, xMm: 200, yMm: 120, role: 'verify' },
];
