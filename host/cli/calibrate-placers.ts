/**
 * Who puts the calibration loads on the plate and reads the table's reference gauge for
 * `proprio calibrate`: the simulator itself on a simulated port (the subject steps off, masses
 * are set down where the plan says; the gauge reads the true tension), or the technician, asked
 * on the terminal.
 */
import { createInterface } from 'node:readline/promises';
import { err, ok } from '../../core/index.ts';
import type { PlateSim, TableSim } from '../../hardware-sim/index.ts';
import type { MassPlacer, ReferenceGauge } from '../calibration/index.ts';

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

/** The simulated table's reference gauge: its true tension. */
export function simulatedGauge(sim: TableSim): ReferenceGauge {
  return { read: () => Promise.resolve(ok(sim.state().gaugeN)) };
}

/** The technician types the reference gauge's reading in newtons. */
export function promptGauge(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): ReferenceGauge {
  return {
    async read(levelN, direction) {
      const rl = createInterface({ input, output });
      try {
        const where = levelN === 0 ? 'at rest (the load cell was just zeroed here)' : `at the ${levelN} N level (${direction})`;
        const text = (await rl.question(`Reference gauge reading in N ${where}: `)).trim();
        const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
        return Number.isFinite(value) ? ok(value) : err(`"${text}" is not a reading in newtons`);
      } finally {
        rl.close();
      }
    },
  };
}
