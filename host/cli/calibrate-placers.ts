/**
 * Who puts the calibration loads on the plate for `proprio calibrate plate`: the simulator itself
 * on a simulated port (the subject steps off, masses are set down where the plan says), or the
 * technician, asked on the terminal and confirming with Enter.
 */
import { createInterface } from 'node:readline/promises';
import type { PlateSim } from '../../hardware-sim/index.ts';
import type { MassPlacer } from '../calibration/index.ts';

export function simulatedPlacer(sim: PlateSim): MassPlacer {
  return {
    clear: () => {
      sim.stepOff();
      sim.clearMasses();
      return Promise.resolve();
    },
    place: (point) => {
      sim.clearMasses();
      sim.placeMass({ massKg: point.massKg, xMm: point.xMm, yMm: point.yMm });
      return Promise.resolve();
    },
  };
}

export function promptPlacer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): MassPlacer {
  const ask = async (question: string): Promise<void> => {
    const rl = createInterface({ input, output });
    try {
      await rl.question(`${question} — press Enter when done `);
    } finally {
      rl.close();
    }
  };
  return {
    clear: () => ask('Clear the plate (nothing on it, nobody touching it)'),
    place: (point) => ask(`Place ${point.massKg} kg (alone) centred at x ${point.xMm} mm, y ${point.yMm} mm`),
  };
}
