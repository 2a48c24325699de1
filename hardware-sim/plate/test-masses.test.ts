import { describe, it, expect } from 'vitest';
import { CELL_POSITIONS_MM, COUNTS_PER_N } from './plate-constants.ts';
import { GRAVITY_MPS2 } from './subject-model.ts';
import { plateKit } from './plate-test-kit.ts';
import { TestMasses } from './test-masses.ts';

const EMPTY = { phase: 'absent', forceN: 0, copXMm: 0, copYMm: 0 } as const;

describe('calibration masses on the simulated plate', () => {
  it('two masses load the plate with their summed weight at their force-weighted centre once settled', () => {
    const masses = new TestMasses();
    masses.place({ massKg: 20, xMm: 100, yMm: -50 }, 0);
    masses.place({ massKg: 10, xMm: -200, yMm: 100 }, 0);
    const truth = masses.addTo(EMPTY, 5_000_000);
    expect(truth.forceN).toBeCloseTo(30 * GRAVITY_MPS2, 6);
    expect(truth.copXMm).toBeCloseTo((20 * 100 + 10 * -200) / 30, 6);
    expect(truth.copYMm).toBeCloseTo((20 * -50 + 10 * 100) / 30, 6);
  });

  it('rings after it is set down, so an early reading differs from the settled load by more than 1 %', () => {
    const masses = new TestMasses();
    masses.place({ massKg: 50, xMm: 0, yMm: 0 }, 0);
    const weightN = 50 * GRAVITY_MPS2;
    const early = [350_000, 400_000, 450_000, 500_000].map((t) => Math.abs(masses.addTo(EMPTY, t).forceN - weightN) / weightN);
    expect(Math.max(...early)).toBeGreaterThan(0.01);
    expect(Math.abs(masses.addTo(EMPTY, 2_500_000).forceN - weightN) / weightN).toBeLessThan(1e-4);
  });

  it('lifted masses unload the plate within 0.3 s', () => {
    const masses = new TestMasses();
    masses.place({ massKg: 50, xMm: 0, yMm: 0 }, 0);
    masses.clear(3_000_000);
    expect(masses.addTo(EMPTY, 3_100_000).forceN).toBeGreaterThan(0);
    expect(masses.addTo(EMPTY, 3_300_000).forceN).toBe(0);
    expect(masses.placed).toEqual([]);
  });

  it('the counts on the wire carry a placed mass: ideal cells give back its weight and position', async () => {
    const kit = await plateKit({ idealCells: true, cellNoiseN: 0 });
    await kit.hello();
    await kit.command({ kind: 'rate', id: 2, rateHz: 200 });
    await kit.command({ kind: 'start', id: 3 });
    kit.sim.placeMass({ massKg: 40, xMm: -150, yMm: 80 });
    await kit.advance(3000);
    const last = kit.host.ofKind('sample').at(-1)?.message.counts ?? [];
    const forcesN = last.map((c) => c / COUNTS_PER_N);
    const totalN = forcesN.reduce((a, b) => a + b, 0);
    const xMm = forcesN.reduce((a, f, i) => a + f * (CELL_POSITIONS_MM[i]?.[0] ?? 0), 0) / totalN;
    const yMm = forcesN.reduce((a, f, i) => a + f * (CELL_POSITIONS_MM[i]?.[1] ?? 0), 0) / totalN;
    expect(totalN).toBeCloseTo(40 * GRAVITY_MPS2, 1);
    expect(xMm).toBeCloseTo(-150, 1);
    expect(yMm).toBeCloseTo(80, 1);
    expect(kit.sim.state().masses).toEqual([{ massKg: 40, xMm: -150, yMm: 80 }]);
    expect(() => kit.sim.placeMass({ massKg: 0, xMm: 0, yMm: 0 })).toThrow(RangeError);
    await kit.sim.close();
  });
});
