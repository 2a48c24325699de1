import { describe, expect, it } from 'vitest';
import { weightDistribution } from './weight-distribution.ts';

// Cells in plate.md §1 order: front-left, front-right, rear-right, rear-left.
const cells = [
  { xMm: -216.5, yMm: 119 },
  { xMm: 216.5, yMm: 119 },
  { xMm: 216.5, yMm: -119 },
  { xMm: -216.5, yMm: -119 },
];

describe('weightDistribution', () => {
  it('splits an even load 50/50 both ways', () => {
    expect(weightDistribution([175, 175, 175, 175], cells)).toEqual({ totalN: 700, leftPct: 50, rightPct: 50, frontPct: 50, rearPct: 50 });
  });

  it('puts 75 % right and 50 % front when the right cells carry three times the left', () => {
    // balance.md §7.3 item 1: F_TR = F_BR = 30, F_TL = F_BL = 10.
    expect(weightDistribution([10, 30, 30, 10], cells)).toEqual({ totalN: 80, leftPct: 25, rightPct: 75, frontPct: 50, rearPct: 50 });
  });

  it('reports nobody below the minimum load', () => {
    expect(weightDistribution([1, 1, 1, 1], cells)).toBeUndefined();
  });
});
