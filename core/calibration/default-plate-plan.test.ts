import { describe, expect, it } from 'vitest';
import { DEFAULT_PLATE_PLAN } from './default-plate-plan.ts';
import { validatePlatePlan } from './plate-plan.ts';
import { GRAVITY, PF600 } from './test-plate.ts';

describe('the default plate calibration plan', () => {
  it('passes every plan rule on the PF-600', () => {
    expect(validatePlatePlan(DEFAULT_PLATE_PLAN, PF600, GRAVITY)).toMatchObject({ ok: true });
  });

  it('fits at two masses and verifies at masses and places never fitted', () => {
    const fit = DEFAULT_PLATE_PLAN.filter((p) => p.role === 'fit');
    const verify = DEFAULT_PLATE_PLAN.filter((p) => p.role === 'verify');
    expect(new Set(fit.map((p) => p.massKg))).toEqual(new Set([40, 100]));
    expect(verify.length).toBeGreaterThanOrEqual(2);
    for (const v of verify) expect(fit.some((f) => f.xMm === v.xMm && f.yMm === v.yMm)).toBe(false);
  });
});
