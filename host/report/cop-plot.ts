/**
 * A trial's COP for the printed report, as inline SVG: the stabilogram (COP path on the plate,
 * mm, with core's 95 % prediction ellipse) and AP and ML against time. Pure: columns in, markup
 * out. The trace is decimated by bin means before drawing so a 60 s trial at 2000 Hz costs the
 * PDF a few hundred points, not 120 000.
 */
import { predictionEllipse95 } from '../../core/index.ts';
import { esc, lineChart } from './html-parts.ts';

/** DESIGN: enough points that a printed trace looks continuous at this size, few enough to keep the PDF small. */
export const MAX_PLOT_POINTS = 300;

const STABILOGRAM_PX = 260;
const MARGIN_PX = 34;
/** DESIGN: the stabilogram never zooms in past ±5 mm, so a very steady trial does not look like wild sway. */
const MIN_HALF_SPAN_MM = 5;

export interface CopTrace {
  /** Seconds from the trial's first sample. */
  readonly tS: ArrayLike<number>;
  /** COP, mm, plate axes (x medio-lateral, y antero-posterior); NaN where nobody stood on the plate. */
  readonly copXMm: ArrayLike<number>;
  readonly copYMm: ArrayLike<number>;
}

export interface DecimatedTrace {
  readonly tS: Float64Array;
  readonly copXMm: Float64Array;
  readonly copYMm: Float64Array;
}

/**
 * At most `maxPoints` points: the mean of each run of consecutive samples (a box filter, so the
 * decimated path is a smoothed path, not an aliased pick of samples). Samples without a COP are
 * left out of their bin's mean; a bin with none is dropped.
 */
export function decimateTrace(trace: CopTrace, maxPoints = MAX_PLOT_POINTS): DecimatedTrace {
  const n = Math.min(trace.tS.length, trace.copXMm.length, trace.copYMm.length);
  const bins = Math.min(n, Math.max(1, Math.floor(maxPoints)));
  const out = { tS: new Float64Array(bins), copXMm: new Float64Array(bins), copYMm: new Float64Array(bins) };
  let kept = 0;
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * n) / bins);
    const to = Math.floor(((b + 1) * n) / bins);
    let t = 0;
    let x = 0;
    let y = 0;
    let count = 0;
    for (let i = from; i < to; i++) {
      const xi = trace.copXMm[i] as number;
      const yi = trace.copYMm[i] as number;
      if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
      t += trace.tS[i] as number;
      x += xi;
      y += yi;
      count++;
    }
    if (count === 0) continue;
    out.tS[kept] = t / count;
    out.copXMm[kept] = x / count;
    out.copYMm[kept] = y / count;
    kept++;
  }
  return { tS: out.tS.slice(0, kept), copXMm: out.copXMm.slice(0, kept), copYMm: out.copYMm.slice(0, kept) };
}

/** Finite COP samples only: what the ellipse is fitted to (all of them, not the decimated path). */
function finiteCop(trace: CopTrace): { x: Float64Array; y: Float64Array } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < Math.min(trace.copXMm.length, trace.copYMm.length); i++) {
    const xi = trace.copXMm[i] as number;
    const yi = trace.copYMm[i] as number;
    if (Number.isFinite(xi) && Number.isFinite(yi)) {
      x.push(xi);
      y.push(yi);
    }
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y) };
}

/** COP path on the plate with equal mm scales on both axes (anterior up), and the 95 % ellipse. */
function stabilogram(path: DecimatedTrace, all: { x: Float64Array; y: Float64Array }): string {
  const ellipse = predictionEllipse95(all.x, all.y);
  const cx = ellipse?.centreXMm ?? path.copXMm[0] ?? 0;
  const cy = ellipse?.centreYMm ?? path.copYMm[0] ?? 0;
  let halfSpanMm = Math.max(MIN_HALF_SPAN_MM, ellipse?.semiMajorMm ?? 0);
  for (let i = 0; i < path.copXMm.length; i++) halfSpanMm = Math.max(halfSpanMm, Math.abs((path.copXMm[i] as number) - cx), Math.abs((path.copYMm[i] as number) - cy));
  halfSpanMm *= 1.1;
  const inner = STABILOGRAM_PX - 2 * MARGIN_PX;
  const pxPerMm = inner / (2 * halfSpanMm);
  const sx = (xMm: number): number => MARGIN_PX + inner / 2 + (xMm - cx) * pxPerMm;
  const sy = (yMm: number): number => MARGIN_PX + inner / 2 - (yMm - cy) * pxPerMm;
  const points = Array.from(path.copXMm, (x, i) => `${sx(x).toFixed(1)},${sy(path.copYMm[i] as number).toFixed(1)}`).join(' ');
  // SVG's y axis points down, so the plate's counter-clockwise angle turns clockwise on paper.
  const ellipseMark =
    ellipse === undefined
      ? ''
      : `<ellipse class="ellipse95" cx="${sx(cx).toFixed(1)}" cy="${sy(cy).toFixed(1)}" rx="${(ellipse.semiMajorMm * pxPerMm).toFixed(1)}" ry="${(ellipse.semiMinorMm * pxPerMm).toFixed(1)}" transform="rotate(${((-ellipse.angleRad * 180) / Math.PI).toFixed(1)} ${sx(cx).toFixed(1)} ${sy(cy).toFixed(1)})" fill="none" stroke="#6b4c9a" stroke-width="1.2" stroke-dasharray="4 3"/>`;
  const range = (centre: number): string => `${Math.round(centre - halfSpanMm)} to ${Math.round(centre + halfSpanMm)}`;
  const size = STABILOGRAM_PX;
  return `<svg class="stabilogram" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="COP path with its 95 % ellipse">
<rect x="${MARGIN_PX}" y="${MARGIN_PX}" width="${inner}" height="${inner}" fill="none" stroke="#aab"/>
<polyline fill="none" stroke="#1f5f8b" stroke-width="1" points="${points}"/>${ellipseMark}
<text x="${size / 2}" y="${size - 8}" font-size="10" text-anchor="middle">${esc(`ML, mm (${range(cx)})`)}</text>
<text x="10" y="${size / 2}" font-size="10" transform="rotate(-90 10 ${size / 2})" text-anchor="middle">${esc(`AP, mm (${range(cy)})`)}</text>
<text x="${MARGIN_PX}" y="${MARGIN_PX - 8}" font-size="10">${esc(ellipse === undefined ? 'COP path' : 'COP path, dashed: 95 % ellipse')}</text>
</svg>`;
}

/** Both plots of one trial; a trace with too few COP samples says so instead. */
export function copPlots(trace: CopTrace, maxPoints = MAX_PLOT_POINTS): string {
  const path = decimateTrace(trace, maxPoints);
  if (path.copXMm.length < 2) return '<p>Too few samples with someone on the plate to plot.</p>';
  const all = finiteCop(trace);
  const mean = (v: Float64Array): number => v.reduce((s, x) => s + x, 0) / v.length;
  const [mx, my] = [mean(all.x), mean(all.y)];
  const series = lineChart(
    [
      { label: 'AP', colour: '#1f5f8b', x: path.tS, y: path.copYMm.map((v) => v - my) },
      { label: 'ML', colour: '#b0602a', x: path.tS, y: path.copXMm.map((v) => v - mx) },
    ],
    { x: 'time, s', y: 'COP about its mean, mm' },
    420,
    STABILOGRAM_PX,
    maxPoints,
  );
  // Side by side within an A4 page's width; one trial's plots never split across pages.
  return `<figure class="cop-plot" style="margin:0;display:flex;gap:3mm;align-items:flex-start;break-inside:avoid">${stabilogram(path, all)}${series}</figure>`;
}
