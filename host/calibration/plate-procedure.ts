/**
 * The headless plate procedure (`proprio calibrate plate`, QA): zero, then every point of the plan
 * in order, each mass placed by a MassPlacer (the simulator places it itself; at a real plate the
 * technician is asked to and confirms), then fit and verify. Stops at the first failed step;
 * nothing is stored here (the caller stores a finished outcome).
 */
import type { PlatePoint, Result } from '../../core/index.ts';
import type { PlateCalibrationOutcome } from './plate-outcome.ts';
import type { CalibrationStepError, PlateCalibrationSession } from './plate-session.ts';

/** Who puts the masses on the plate. */
export interface MassPlacer {
  /** Resolves once the plate is empty. */
  clear(): Promise<void>;
  /** Resolves once the point's mass (alone) is on the plate at the point's position. */
  place(point: PlatePoint): Promise<void>;
}

export async function runPlateProcedure(
  session: PlateCalibrationSession,
  placer: MassPlacer,
  progress: (line: string) => void,
): Promise<Result<PlateCalibrationOutcome, CalibrationStepError>> {
  await placer.clear();
  progress('zero: waiting for the empty plate to settle');
  const tare = await session.tare();
  if (!tare.ok) return tare;
  for (const point of session.plan) {
    await placer.place(point);
    progress(`point ${point.id} (${point.role}): ${point.massKg} kg at (${point.xMm}, ${point.yMm}) mm, waiting to settle`);
    const taken = await session.takePoint(point.id);
    if (!taken.ok) return taken;
  }
  await placer.clear();
  return session.finish();
}
