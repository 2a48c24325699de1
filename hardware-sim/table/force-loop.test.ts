/**
 * The force loop as pure functions (table.md §1, §4, §6.2): set-point slewing and anti wind-up.
 */
import { describe, it, expect } from 'vitest';
import { isPullSaturated, slewSetpoint } from './force-loop.ts';
import { INITIAL_CONTROL } from './table-state.ts';
import type { TableControl } from './table-state.ts';

const run = (setN: number, targetN: number, isStopping = false): TableControl => ({
  ...INITIAL_CONTROL,
  state: { kind: 'run', targetN, rateNps: 40, isStopping },
  region: 'lumbar',
  setN,
});

describe('set-point slewing', () => {
  it('slews toward the target at the commanded rate', () => {
    expect(slewSetpoint(run(100, 400), 0.001).setN).toBeCloseTo(100.04, 9);
  });

  it('holds instead of slewing up while the drive is saturated (anti wind-up), but still slews down', () => {
    expect(slewSetpoint(run(100, 400), 0.001, true).setN).toBe(100);
    expect(slewSetpoint(run(100, 15, true), 0.001, true).setN).toBeCloseTo(99.96, 9);
  });

  it('counts the drive as saturated at its rated speed or pulling against the stroke end, never when retracting', () => {
    expect(isPullSaturated(80, 40)).toBe(true);
    expect(isPullSaturated(5, 89)).toBe(true);
    expect(isPullSaturated(5, 60)).toBe(false);
    expect(isPullSaturated(-80, 89)).toBe(false);
    expect(isPullSaturated(null, 89)).toBe(false);
  });
});
