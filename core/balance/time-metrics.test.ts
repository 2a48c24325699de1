import { describe, expect, it } from 'vitest';
import { predictionEllipse95, timeMetrics } from './time-metrics.ts';

describe('predictionEllipse95', () => {
  it('has the area of ellipseArea95Mm2, its axes along the sway, about the mean', () => {
    // A trace elongated along the 45° line, centred at (10, -5) mm.
    const n = 400;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const along = 8 * Math.sin(i * 0.37);
      const across = 2 * Math.cos(i * 1.13);
      x[i] = 10 + (along - across) / Math.SQRT2;
      y[i] = -5 + (along + across) / Math.SQRT2;
    }
    const ellipse = predictionEllipse95(x, y);
    if (ellipse === undefined) throw new Error('no ellipse');
    const centred = { x: x.map((v) => v - ellipse.centreXMm), y: y.map((v) => v - ellipse.centreYMm) };
    const area = timeMetrics(centred.x, centred.y, 100).ellipseArea95Mm2;
    expect(Math.PI * ellipse.semiMajorMm * ellipse.semiMinorMm).toBeCloseTo(area, 6);
    expect(ellipse.centreXMm).toBeCloseTo(10, 0);
    expect(ellipse.centreYMm).toBeCloseTo(-5, 0);
    expect(ellipse.angleRad).toBeCloseTo(Math.PI / 4, 1);
    expect(ellipse.semiMajorMm / ellipse.semiMinorMm).toBeGreaterThan(3);
  });

  it('needs three samples', () => {
    expect(predictionEllipse95([1, 2], [3, 4])).toBeUndefined();
  });
});
