import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIN_COP_LOAD_N, copFromForces } from './cop-from-forces.ts';

const cells = [
  { xMm: -270, yMm: 170 },
  { xMm: 270, yMm: 170 },
  { xMm: 270, yMm: -170 },
  { xMm: -270, yMm: -170 },
];

describe('copFromForces', () => {
  it('puts an even load at the centre', () => {
    expect(copFromForces([200, 200, 200, 200], cells)).toEqual({ copXMm: 0, copYMm: 0, totalN: 800 });
  });

  it('puts all load on the front-right cell at that cell', () => {
    expect(copFromForces([0, 700, 0, 0], cells)).toEqual({ copXMm: 270, copYMm: 170, totalN: 700 });
  });

  it('recovers the point where a load was placed, for any point inside the cells', () => {
    fc.assert(
      fc.property(fc.double({ min: -270, max: 270, noNaN: true }), fc.double({ min: -170, max: 170, noNaN: true }), fc.double({ min: 100, max: 2000, noNaN: true }), (x, y, totalN) => {
        // Bilinear split of a point load onto four corner cells (the statically determinate case).
        const u = (x + 270) / 540;
        const v = (y + 170) / 340;
        const forces = [(1 - u) * v * totalN, u * v * totalN, u * (1 - v) * totalN, (1 - u) * (1 - v) * totalN];
        const cop = copFromForces(forces, cells);
        expect(cop?.copXMm).toBeCloseTo(x, 9);
        expect(cop?.copYMm).toBeCloseTo(y, 9);
        expect(cop?.totalN).toBeCloseTo(totalN, 9);
      }),
    );
  });

  it('reports nothing for an empty plate or a load below the threshold', () => {
    expect(copFromForces([0, 0, 0, 0], cells)).toBeUndefined();
    expect(copFromForces([10, 10, 10, MIN_COP_LOAD_N - 30.01], cells)).toBeUndefined();
    expect(copFromForces([Number.NaN, 0, 0, 0], cells)).toBeUndefined();
  });
});
