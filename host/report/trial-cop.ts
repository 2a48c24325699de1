/**
 * A stored trial's COP recomputed from its raw counts (issue 8: trials can be recomputed): the
 * samples are the trial's stream within its device-time window (readTrialSamples), the cell
 * geometry is what the plate reported when its stream opened (the stream's connect event), and
 * the coefficients are those of the calibration the trial records — or, where it records none,
 * the nominal ones the run measured with (host/app/stored-plate-coefficients.ts).
 */
import { z } from 'zod';
import { applyPlateCalibration, err, ok, type PlateCoefficients, type Result } from '../../core/index.ts';
import { nominalPlateCoefficients, storedPlateCoefficients } from '../app/stored-plate-coefficients.ts';
import { getCalibration, readTrialSamples, type SessionEvent, type Storage, type Trial } from '../storage/index.ts';
import type { CopTrace } from './cop-plot.ts';

const plateGeometry = z.object({
  cellsMm: z.array(z.object({ xMm: z.number(), yMm: z.number() })).min(3),
  countsPerN: z.number().positive(),
});

/** Why a trial has no COP to plot, in words for the report. */
export type NoTrialCop = string;

/** `events`: the session's (listEvents), passed in so a report reads them once for all its trials. */
export function trialCop(storage: Storage, trial: Trial, events: readonly SessionEvent[]): Result<CopTrace, NoTrialCop> {
  if (trial.streamId === null) return err('No raw samples were recorded for this trial (recorded before Proprio kept the plate’s stream).');
  const connect = events.find((e) => e.kind === 'connect' && e.streamId === trial.streamId && e.detail['geometry'] !== undefined);
  const geometry = plateGeometry.safeParse(connect?.detail['geometry']);
  if (!geometry.success) return err('The plate’s cell positions were not recorded with its stream, so its COP cannot be recomputed.');
  const { cellsMm, countsPerN } = geometry.data;
  const coefficients = coefficientsOf(storage, trial.calibrationId, cellsMm.length, countsPerN);
  if (!coefficients.ok) return coefficients;
  const read = readTrialSamples(storage, trial.id);
  if (!read.ok) return err(`The trial’s samples could not be read: ${read.error.message}.`);
  if (read.value.kind !== 'plate') return err('The trial’s stream is not a force plate’s.');
  const { cellCounts, tUs } = read.value.samples;
  const count = tUs.length;
  if (count === 0) return err('No raw samples were recorded for this trial.');
  const out = { forceN: new Float64Array(count), copXMm: new Float64Array(count), copYMm: new Float64Array(count) };
  applyPlateCalibration(cellCounts, count, coefficients.value, cellsMm, out);
  const t0 = tUs[0] as number;
  return ok({ tS: tUs.map((t) => (t - t0) / 1e6), copXMm: out.copXMm, copYMm: out.copYMm });
}

function coefficientsOf(storage: Storage, calibrationId: number | null, cellCount: number, countsPerN: number): Result<PlateCoefficients, NoTrialCop> {
  if (calibrationId === null) return ok(nominalPlateCoefficients(cellCount, countsPerN));
  const calibration = getCalibration(storage, calibrationId);
  const coefficients = calibration.ok ? storedPlateCoefficients(calibration.value.coefficients, cellCount) : undefined;
  return coefficients === undefined ? err(`Calibration #${calibrationId}, which the trial records, cannot be read, so its COP cannot be recomputed.`) : ok(coefficients);
}
