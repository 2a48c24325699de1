import { describe, expect, it } from 'vitest';
import { copPlots, decimateTrace, MAX_PLOT_POINTS } from './cop-plot.ts';

/** A 60 s trial at 1000 Hz: slow sway around (3, -40) mm, nobody on the plate for the first 0.1 s. */
function trial(n = 60_000, rateHz = 1000) {
  const tS = Float64Array.from({ length: n }, (_, i) => i / rateHz);
  const copXMm = tS.map((t, i) => (i < 100 ? Number.NaN : 3 + 4 * Math.sin(2 * Math.PI * 0.3 * t)));
  const copYMm = tS.map((t, i) => (i < 100 ? Number.NaN : -40 + 9 * Math.sin(2 * Math.PI * 0.17 * t + 1)));
  return { tS, copXMm, copYMm };
}

const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;

describe('decimateTrace', () => {
  it('keeps at most the given number of points, each the mean of its bin, without the samples that had no COP', () => {
    const decimated = decimateTrace(trial(), MAX_PLOT_POINTS);
    expect(decimated.tS.length).toBe(MAX_PLOT_POINTS);
    expect(decimated.copXMm.every(Number.isFinite) && decimated.copYMm.every(Number.isFinite)).toBe(true);
    // The first bin (samples 0–199) averages only samples 100–199: its time is their mean.
    expect(decimated.tS[0]).toBeCloseTo(0.1495, 6);
    expect(decimated.tS.at(-1)).toBeCloseTo((59_800 + 59_999) / 2 / 1000, 6);
  });

  it('passes a short trace through and drops bins with no COP at all', () => {
    const short = { tS: [0, 1, 2, 3], copXMm: [1, Number.NaN, 3, 4], copYMm: [5, 6, 7, Number.NaN] };
    expect(decimateTrace(short, 10)).toEqual({ tS: Float64Array.of(0, 2), copXMm: Float64Array.of(1, 3), copYMm: Float64Array.of(5, 7) });
  });
});

describe('copPlots', () => {
  it('draws one stabilogram with its 95 % ellipse and one AP/ML chart, a few hundred points each', () => {
    const html = copPlots(trial());
    expect(count(html, /<svg class="stabilogram"/g)).toBe(1);
    expect(count(html, /<ellipse class="ellipse95"/g)).toBe(1);
    expect(count(html, /<svg /g)).toBe(2);
    const polylines = [...html.matchAll(/points="([^"]*)"/g)].map((m) => (m[1] ?? '').split(' ').length);
    expect(polylines).toHaveLength(3);
    for (const points of polylines) expect(points).toBeLessThanOrEqual(MAX_PLOT_POINTS);
    expect(html.length).toBeLessThan(25_000);
    expect(html).toContain('AP, mm');
    expect(html).toContain('ML, mm');
  });

  it('keeps the path inside the stabilogram and centres it on the ellipse', () => {
    const html = copPlots(trial());
    const stabilogram = html.slice(0, html.indexOf('</svg>'));
    const points = (/points="([^"]*)"/.exec(stabilogram)?.[1] ?? '').split(' ').map((p) => p.split(',').map(Number));
    for (const [x, y] of points) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(260);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(260);
    }
    expect(/<ellipse class="ellipse95" cx="130.0" cy="130.0"/.test(stabilogram)).toBe(true);
  });

  it('says so instead of drawing when almost nobody stood on the plate', () => {
    const html = copPlots({ tS: [0, 1], copXMm: [Number.NaN, 2], copYMm: [Number.NaN, 3] });
    expect(html).not.toContain('<svg');
    expect(html).toContain('Too few samples');
  });
});
