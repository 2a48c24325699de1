import { describe, it, expect } from 'vitest';
import { validatePlatePlan, type PlanErrorCode, type PlatePoint } from './plate-plan.ts';
import { GRAVITY, PF600, STANDARD_PLAN } from './test-plate.ts';

const codes = (points: readonly PlatePoint[]): PlanErrorCode[] => {
  const result = validatePlatePlan(points, PF600, GRAVITY);
  return result.ok ? [] : result.error.map((e) => e.code);
};
const replace = (id: string, change: Partial<PlatePoint>): PlatePoint[] => STANDARD_PLAN.map((p) => (p.id === id ? { ...p, ...change } : p));

describe('plate calibration plan', () => {
  it('accepts centre and quadrants at two masses with separate verification points', () => {
    expect(codes(STANDARD_PLAN)).toEqual([]);
  });

  it.each([
    ['a zero mass', replace('v1', { massKg: 0 }), 'massNotPositive'],
    ['a negative mass', replace('c40', { massKg: -5 }), 'massNotPositive'],
    ['a position off the plate', replace('v3', { xMm: 320 }), 'offPlate'],
    ['a mass too light for a COP', replace('v3', { massKg: 2 }), 'tooLight'],
    ['a mass beyond full scale', replace('v2', { massKg: 700 }), 'overload'],
    ['an id used twice', replace('v2', { id: 'v1' }), 'duplicateId'],
    ['the same point twice', [...STANDARD_PLAN, { ...(STANDARD_PLAN[0] as PlatePoint), id: 'again' }], 'duplicatePoint'],
    ['a verification point that is a fitting point', replace('v1', { massKg: 40, xMm: 150, yMm: 100 }), 'duplicatePoint'],
    ['no point at the centre', STANDARD_PLAN.filter((p) => !p.id.startsWith('c')), 'missingPosition'],
    ['a missing quadrant', STANDARD_PLAN.filter((p) => !p.id.startsWith('rl')), 'missingPosition'],
    ['one mass only', STANDARD_PLAN.filter((p) => !p.id.endsWith('100')), 'tooFewMasses'],
    ['no verification', STANDARD_PLAN.filter((p) => p.role === 'fit'), 'noVerification'],
    ['nothing at all', [], 'noPoints'],
  ] as const)('refuses %s with a message', (_, points, code) => {
    expect(codes(points)).toContain(code);
    const result = validatePlatePlan(points, PF600, GRAVITY);
    if (!result.ok) for (const e of result.error) expect(e.message.length).toBeGreaterThan(10);
  });
});
