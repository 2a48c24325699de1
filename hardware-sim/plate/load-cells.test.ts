import { describe, it, expect } from 'vitest';
import { Prng } from '../random/prng.ts';
import { PLATE_FLAG } from '../spec-codec/plate-codec.ts';
import { IDEAL_CELL, LoadCellAdc, randomCalibration, splitForce } from './load-cells.ts';
import { CELL_POSITIONS_MM, COUNTS_PER_N } from './plate-constants.ts';

/** The host's formula (balance.md §1.1), written here independently of the split. */
function copFrom(forces: readonly number[]): { x: number; y: number; f: number } {
  let f = 0;
  let mx = 0;
  let my = 0;
  forces.forEach((fi, i) => {
    const [x, y] = CELL_POSITIONS_MM[i] ?? [0, 0];
    f += fi;
    mx += fi * x;
    my += fi * y;
  });
  return { x: mx / f, y: my / f, f };
}

const ideal = (): LoadCellAdc => new LoadCellAdc([IDEAL_CELL, IDEAL_CELL, IDEAL_CELL, IDEAL_CELL], new Prng(1), 0);

describe('force split and ADC', () => {
  it('splits force so that the moment balance reproduces the true COP exactly', () => {
    const prng = new Prng(9);
    for (let i = 0; i < 200; i++) {
      const force = prng.uniform(50, 1500);
      const x = prng.uniform(-250, 250);
      const y = prng.uniform(-150, 150);
      const cop = copFrom(splitForce(force, x, y));
      expect(cop.f).toBeCloseTo(force, 9);
      expect(cop.x).toBeCloseTo(x, 9);
      expect(cop.y).toBeCloseTo(y, 9);
    }
  });

  it('gives counts that reproduce the COP to within count resolution with ideal cells', () => {
    const adc = ideal();
    const forces = splitForce(700, 12.3, -45.6);
    const { counts, flags } = adc.read(forces, 0);
    expect(flags).toBe(0);
    const cop = copFrom(counts.map((c) => c / COUNTS_PER_N));
    expect(cop.x).toBeCloseTo(12.3, 2);
    expect(cop.y).toBeCloseTo(-45.6, 2);
  });

  it('draws offsets within ±2 % FS and gains within ±5 %', () => {
    const prng = new Prng(4);
    for (let i = 0; i < 100; i++) {
      const cal = randomCalibration(prng);
      expect(Math.abs(cal.offsetCounts)).toBeLessThanOrEqual(0.02 * 1500 * COUNTS_PER_N);
      expect(Math.abs(cal.gain - 1)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(cal.bowFrac)).toBeLessThanOrEqual(0.001);
    }
  });

  it('has about 0.2 N RMS noise', () => {
    const adc = new LoadCellAdc([IDEAL_CELL, IDEAL_CELL, IDEAL_CELL, IDEAL_CELL], new Prng(2));
    let sumSq = 0;
    const n = 5000;
    for (let i = 0; i < n; i++) sumSq += (adc.read([100, 100, 100, 100], i).counts[0] / COUNTS_PER_N - 100) ** 2;
    expect(Math.sqrt(sumSq / n)).toBeGreaterThan(0.17);
    expect(Math.sqrt(sumSq / n)).toBeLessThan(0.23);
  });

  it('clamps to 24 bits with OVERRANGE', () => {
    const { counts, flags } = ideal().read([2000, 0, 0, 0], 0);
    expect(counts[0]).toBe(8388607);
    expect(flags & PLATE_FLAG.overrange).toBe(PLATE_FLAG.overrange);
  });

  it('applies stuck, drifting and ADC-fault cells', () => {
    const adc = ideal();
    adc.read([100, 100, 100, 100], 0);
    adc.setFaults({ stuckCell: 0, driftCell: 1, driftNps: 10, adcFaultCell: 2 }, 0);
    const later = adc.read([200, 200, 200, 200], 2_000_000);
    expect(later.counts[0]).toBe(100 * COUNTS_PER_N);
    expect(later.counts[1]).toBe(220 * COUNTS_PER_N);
    expect(later.counts[2]).toBe(0);
    expect(later.counts[3]).toBe(200 * COUNTS_PER_N);
    expect(later.flags & PLATE_FLAG.adcFault).toBe(PLATE_FLAG.adcFault);
  });
});
