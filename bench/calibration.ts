/**
 * Plate calibration against the simulator's injected cell errors (offsets ±2 % FS, gains ±5 %,
 * non-linearity 0.1 % FS): the full procedure of `proprio calibrate plate` over the real driver,
 * on a pumped device clock, for several seeds; the worst verification point over all of them,
 * after calibration and uncalibrated (tared, nominal sensitivity).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PlateDriver } from '../native-bridge/index.ts';
import type { PlatePoint } from '../core/index.ts';
import { PlateCalibrationSession, runPlateProcedure } from '../host/calibration/index.ts';
import { simulatedPlacer } from '../host/cli/calibrate-placers.ts';
import { pumpedPlate } from '../test/support/pumped-device.ts';

const PLAN_FILE = fileURLToPath(new URL('../docs/calibration-plate-points.json', import.meta.url));
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export interface CalibrationFigures {
  readonly copErrorMaxMm: number;
  readonly forceErrorMaxPct: number;
  readonly copErrorBeforeMaxMm: number;
  readonly seeds: number;
}

export async function benchCalibration(): Promise<CalibrationFigures> {
  const plan = (JSON.parse(readFileSync(PLAN_FILE, 'utf8')) as { points: PlatePoint[] }).points;
  let copErrorMaxMm = 0;
  let forceErrorMaxPct = 0;
  let copErrorBeforeMaxMm = 0;
  for (const seed of SEEDS) {
    const plate = pumpedPlate({ seed });
    const driver = new PlateDriver({ transport: plate.transport, rateHz: 100, timers: plate.timers });
    try {
      driver.start();
      await plate.run(new Promise((resolve) => driver.events.on('connected', resolve)));
      const session = PlateCalibrationSession.open({ source: driver, plan, gravityMps2: 9.80665, timers: plate.timers });
      if (!session.ok) throw new Error(session.error.message);
      const outcome = await plate.run(runPlateProcedure(session.value, simulatedPlacer(plate.sim), () => undefined));
      if (!outcome.ok) throw new Error(`seed ${seed}: ${outcome.error.message}`);
      copErrorMaxMm = Math.max(copErrorMaxMm, outcome.value.copErrorMaxMm);
      forceErrorMaxPct = Math.max(forceErrorMaxPct, outcome.value.forceErrorMaxPct);
      copErrorBeforeMaxMm = Math.max(copErrorBeforeMaxMm, outcome.value.copErrorBeforeMaxMm);
    } finally {
      await driver.stop();
      await plate.close();
    }
  }
  return { copErrorMaxMm, forceErrorMaxPct, copErrorBeforeMaxMm, seeds: SEEDS.length };
}
