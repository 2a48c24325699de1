/**
 * Weighs the patient on the force plate before a decompression session (ref §7.5: "with the force
 * plate the patient is weighed (settled Fz / 9.80665)"): the total vertical force over a window of
 * quiet standing, once it is still enough. Counted in samples on the device clock, so a simulated
 * plate on a compressed clock weighs as fast as its samples come. Force through the plate's
 * calibration in force (the caller's: an uncalibrated plate's offsets of up to 2 % of full scale
 * per cell would make its weight useless for checking a typed one). Units: N, kg, ms.
 */
import { BODY_MASS_MIN_KG, err, ok, STANDARD_GRAVITY_MPS2, type PlateCoefficients, type Result } from '../../core/index.ts';
import { waitOnStream, type Timers } from '../../native-bridge/index.ts';
import { BAD_SAMPLE, type PlateSource } from '../calibration/index.ts';

/** DESIGN: two seconds of standing averaged; the calibration wizard's stability window is as long (core STABILITY_WINDOW_MS). */
const WEIGH_WINDOW_MS = 2_000;
/** DESIGN: quiet standing moves the vertical force by well under 2 % of body weight; more means the patient is stepping or leaning. */
const WEIGH_MAX_SD_FRAC = 0.02;
/** DESIGN: give up after 10 s of samples without a still window. */
const WEIGH_TIMEOUT_MS = 10_000;
/** DESIGN: a plate that sends nothing for 2 s of wall time has stopped. */
const WEIGH_SILENCE_MS = 2_000;

export type { PlateSource };

/** The settled body mass in kg, or why there is none, in a clinician's words. */
export function weighOnPlate(plate: PlateSource, coefficients: PlateCoefficients, timers: Timers): Promise<Result<number, string>> {
  const rateHz = plate.connected?.rateHz;
  if (rateHz === undefined) return Promise.resolve(err('The plate is not connected: connect it on the Devices screen, or type the body mass.'));
  const cells = coefficients.length;
  const windowSize = Math.max(1, Math.round((WEIGH_WINDOW_MS * rateHz) / 1000));
  const limitSamples = Math.round((WEIGH_TIMEOUT_MS * rateHz) / 1000);
  const forcesN = new Float64Array(windowSize);
  let filled = 0;
  let head = 0;
  let seen = 0;
  let lastMeanN = Number.NaN;
  return waitOnStream<number, string>(timers, WEIGH_SILENCE_MS, () => 'The plate stopped sending samples.', ({ finish, alive }) => [
    plate.events.on('samples', (block) => {
      alive();
      for (let i = 0; i < block.count; i++) {
        if (((block.flags[i] ?? 0) & BAD_SAMPLE) !== 0) {
          filled = 0;
          continue;
        }
        let forceN = 0;
        for (let c = 0; c < cells; c++) {
          const cell = coefficients[c];
          if (cell !== undefined) forceN += cell.nPerCount * ((block.cellCounts[i * cells + c] ?? 0) - cell.zeroCounts);
        }
        forcesN[head] = forceN;
        head = (head + 1) % windowSize;
        filled = Math.min(windowSize, filled + 1);
      }
      seen += block.count;
      if (filled === windowSize) {
        const { meanN, sdN } = meanAndSd(forcesN);
        lastMeanN = meanN;
        if (meanN / STANDARD_GRAVITY_MPS2 >= BODY_MASS_MIN_KG && sdN <= WEIGH_MAX_SD_FRAC * meanN) return finish(ok(Math.round((meanN / STANDARD_GRAVITY_MPS2) * 10) / 10));
      }
      if (seen >= limitSamples) {
        const nobody = !(lastMeanN / STANDARD_GRAVITY_MPS2 >= BODY_MASS_MIN_KG);
        finish(err(nobody ? 'Nobody is standing on the plate.' : `The patient did not stand still enough to be weighed within ${WEIGH_TIMEOUT_MS / 1000} s.`));
      }
    }),
    // A gap breaks the run of quiet standing the mean is taken over.
    plate.events.on('gap', () => {
      filled = 0;
    }),
    plate.events.on('linkLost', () => finish(err('The plate disconnected while weighing: reconnect it, or type the body mass.'))),
  ]);
}

function meanAndSd(values: Float64Array): { readonly meanN: number; readonly sdN: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const meanN = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - meanN) ** 2;
  return { meanN, sdN: Math.sqrt(squares / values.length) };
}
