import { describe, it, expect } from 'vitest';
import { Prng } from '../random/prng.ts';
import { TableLoadCell } from './table-load-cell.ts';

describe('table load cell span error (uncalibrated cell)', () => {
  it('reads (1 + span error) × the true tension, after the tare', () => {
    const cell = new TableLoadCell(new Prng(3), 0, 0.025);
    cell.sample(0);
    cell.zero();
    for (let i = 0; i < 20; i++) cell.sample(600);
    expect(cell.measN).toBeCloseTo(600 * 1.025, 6);
  });

  it('without a span error it reads the true tension', () => {
    const cell = new TableLoadCell(new Prng(3), 0);
    cell.sample(0);
    cell.zero();
    cell.sample(600);
    expect(cell.measN).toBeCloseTo(600, 6);
  });
});
