/**
 * Zero-phase (forward-backward) filtering for offline metrics, the exact edge handling of
 * `scipy.signal.filtfilt(b, a, x)` with its defaults (shared/reference/balance.md §7.1): odd
 * extension by padlen = 3·max(len(a), len(b)) samples at each end, each pass started from
 * lfilter_zi scaled by the first sample it sees, the pad cut off afterwards. The short pad leaves
 * an edge transient of ≈ 0.4 s at 1 kHz that an independent SciPy run shares, so the two agree.
 */
import { err, ok, type Result } from '../result.ts';
import { butterworthLowPass, steadyStateInitial, type FilterCoefficients } from './butterworth.ts';

/**
 * Offline low-pass: 4th-order Butterworth at 10 Hz, run forward and backward (so 8th-order
 * magnitude, no lag). 10 Hz and 4th order from Ruhe et al. 2010 [Ruhe10] and the Quijoux 2021 code
 * [Jythen stato.py], as balance.md §3.1 and §7.1 give them.
 */
export const OFFLINE_FILTER_ORDER = 4;
export const OFFLINE_CUTOFF_HZ = 10;

/**
 * Direct-form-II-transposed IIR filter (scipy.signal.lfilter), a[0] = 1, from `input` into
 * `output` (may be the same array); `state` holds the delays on entry and on exit.
 */
export function filterInPlace(coefficients: FilterCoefficients, input: Float64Array, output: Float64Array, state: Float64Array): void {
  if (state.length === 4) filterOrder4(coefficients, input, output, state);
  else filterAnyOrder(coefficients, input, output, state);
}

function filterAnyOrder({ b, a }: FilterCoefficients, input: Float64Array, output: Float64Array, state: Float64Array): void {
  const order = state.length;
  for (let n = 0; n < input.length; n++) {
    const x = input[n] as number;
    const y = (b[0] as number) * x + (state[0] as number);
    for (let i = 0; i + 1 < order; i++) state[i] = (b[i + 1] as number) * x + (state[i + 1] as number) - (a[i + 1] as number) * y;
    state[order - 1] = (b[order] as number) * x - (a[order] as number) * y;
    output[n] = y;
  }
}

/** The same recurrence with the offline filter's four delays in locals: half the time of the loop above. */
function filterOrder4({ b, a }: FilterCoefficients, input: Float64Array, output: Float64Array, state: Float64Array): void {
  const [b0, b1, b2, b3, b4] = b as unknown as [number, number, number, number, number];
  const [, a1, a2, a3, a4] = a as unknown as [number, number, number, number, number];
  let [z0, z1, z2, z3] = state as unknown as [number, number, number, number];
  for (let n = 0; n < input.length; n++) {
    const x = input[n] as number;
    const y = b0 * x + z0;
    z0 = b1 * x + z1 - a1 * y;
    z1 = b2 * x + z2 - a2 * y;
    z2 = b3 * x + z3 - a3 * y;
    z3 = b4 * x - a4 * y;
    output[n] = y;
  }
  state.set([z0, z1, z2, z3]);
}

/** Forward-backward filtering with SciPy's default odd padding; needs more than padlen samples. */
export function filtfilt(coefficients: FilterCoefficients, signal: Float64Array): Result<Float64Array, string> {
  const padlen = 3 * Math.max(coefficients.a.length, coefficients.b.length);
  const n = signal.length;
  if (n <= padlen) return err(`zero-phase filtering needs more than ${padlen} samples, got ${n}`);
  const first = signal[0] as number;
  const last = signal[n - 1] as number;
  const extended = new Float64Array(n + 2 * padlen);
  for (let i = 0; i < padlen; i++) extended[i] = 2 * first - (signal[padlen - i] as number);
  extended.set(signal, padlen);
  for (let i = 0; i < padlen; i++) extended[padlen + n + i] = 2 * last - (signal[n - 2 - i] as number);

  const zi = steadyStateInitial(coefficients);
  const state = zi.map((z) => z * (extended[0] as number));
  const forward = new Float64Array(extended.length);
  filterInPlace(coefficients, extended, forward, state);
  forward.reverse();
  state.set(zi.map((z) => z * (forward[0] as number)));
  const backward = new Float64Array(extended.length);
  filterInPlace(coefficients, forward, backward, state);
  backward.reverse();
  return ok(backward.slice(padlen, padlen + n));
}

/** The offline low-pass of balance.md §7.1 at `sampleRateHz`. */
export function offlineLowPass(signal: Float64Array, sampleRateHz: number): Result<Float64Array, string> {
  if (!(sampleRateHz > 2 * OFFLINE_CUTOFF_HZ)) return err(`the ${OFFLINE_CUTOFF_HZ} Hz low-pass needs a sample rate above ${2 * OFFLINE_CUTOFF_HZ} Hz, got ${sampleRateHz}`);
  return filtfilt(butterworthLowPass(OFFLINE_FILTER_ORDER, OFFLINE_CUTOFF_HZ, sampleRateHz), signal);
}
