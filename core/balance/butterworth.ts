/**
 * Digital Butterworth low-pass design in transfer-function form, computed exactly as
 * `scipy.signal.butter(order, cutoffHz, btype='low', fs=sampleRateHz)` does: analog prototype
 * poles, pre-warped bilinear transform, then polynomial expansion (shared/reference/balance.md
 * §7.1, which fixes the offline filter to that SciPy call so an independent SciPy script can check
 * Proprio to 1e-6). Also the steady-state initial condition of `scipy.signal.lfilter_zi`.
 */
import { BugError } from '../bug.ts';

/** Transfer function b(z)/a(z), with a[0] = 1. */
export interface FilterCoefficients {
  readonly b: Float64Array;
  readonly a: Float64Array;
}

interface Complex {
  re: number;
  im: number;
}

const mul = (p: Complex, q: Complex): Complex => ({ re: p.re * q.re - p.im * q.im, im: p.re * q.im + p.im * q.re });
const div = (p: Complex, q: Complex): Complex => {
  const d = q.re * q.re + q.im * q.im;
  return { re: (p.re * q.re + p.im * q.im) / d, im: (p.im * q.re - p.re * q.im) / d };
};

/** Coefficients of Π(z − r_k), highest power first (numpy.poly), as complex numbers. */
function polyFromRoots(roots: readonly Complex[]): Complex[] {
  let coefficients: Complex[] = [{ re: 1, im: 0 }];
  for (const root of roots) {
    const next: Complex[] = coefficients.map((c) => ({ ...c }));
    next.push({ re: 0, im: 0 });
    for (let i = 0; i < coefficients.length; i++) {
      const term = mul(coefficients[i] as Complex, root);
      const target = next[i + 1] as Complex;
      target.re -= term.re;
      target.im -= term.im;
    }
    coefficients = next;
  }
  return coefficients;
}

/**
 * Low-pass Butterworth of `order` with its −3 dB point at `cutoffHz`. Throws a BugError for a
 * cut-off at or above Nyquist: callers choose the cut-off, so that is a programming error.
 */
export function butterworthLowPass(order: number, cutoffHz: number, sampleRateHz: number): FilterCoefficients {
  const normalised = (2 * cutoffHz) / sampleRateHz;
  if (!(order >= 1 && Number.isInteger(order) && normalised > 0 && normalised < 1)) {
    throw new BugError(`butterworthLowPass: order ${order}, cut-off ${cutoffHz} Hz at ${sampleRateHz} Hz`);
  }
  // SciPy designs at fs = 2 internally: warped = 2·fs·tan(π·Wn/fs), bilinear with 2·fs = 4.
  const warped = 4 * Math.tan((Math.PI * normalised) / 2);
  const analogPoles: Complex[] = [];
  for (let m = -order + 1; m < order; m += 2) {
    const angle = (Math.PI * m) / (2 * order);
    analogPoles.push({ re: -Math.cos(angle) * warped, im: -Math.sin(angle) * warped });
  }
  const digitalPoles = analogPoles.map((p) => div({ re: 4 + p.re, im: p.im }, { re: 4 - p.re, im: -p.im }));
  let denominator: Complex = { re: 1, im: 0 };
  for (const p of analogPoles) denominator = mul(denominator, { re: 4 - p.re, im: -p.im });
  const gain = warped ** order * div({ re: 1, im: 0 }, denominator).re;
  const zeros = Array.from({ length: order }, (): Complex => ({ re: -1, im: 0 }));
  const b = Float64Array.from(polyFromRoots(zeros), (c) => c.re * gain);
  const a = Float64Array.from(polyFromRoots(digitalPoles), (c) => c.re);
  return { b, a };
}

/**
 * The filter state that makes a constant input give a constant output (scipy.signal.lfilter_zi):
 * the solution of (I − Aᵀ)·zi = b[1:] − a[1:]·b[0], solved here by its telescoping structure:
 * summing the rows gives zi[0] = Σ(b[1:] − a[1:]·b[0]) / Σa, then zi[i+1] = zi[i] + a[i+1]·zi[0] − B[i].
 */
export function steadyStateInitial({ b, a }: FilterCoefficients): Float64Array {
  const n = a.length - 1;
  const b0 = b[0] ?? 0;
  const rhs = new Float64Array(n);
  let rhsSum = 0;
  let aSum = 0;
  for (let i = 0; i < n; i++) {
    rhs[i] = (b[i + 1] ?? 0) - (a[i + 1] ?? 0) * b0;
    rhsSum += rhs[i] as number;
  }
  for (const value of a) aSum += value;
  const zi = new Float64Array(n);
  zi[0] = rhsSum / aSum;
  for (let i = 0; i + 1 < n; i++) zi[i + 1] = (zi[i] as number) + (a[i + 1] as number) * (zi[0]) - (rhs[i] as number);
  return zi;
}
