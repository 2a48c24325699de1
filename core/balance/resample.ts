/**
 * Resampling to the common analysis rates of shared/reference/balance.md §7.1: when the source
 * rate is a whole multiple of the target, every k-th sample from the first (the 10 Hz zero-phase
 * filter already removed everything that could alias, §7.1); otherwise polyphase resampling
 * exactly as `scipy.signal.resample_poly(x, up, down)` with its defaults (Kaiser β = 5 FIR of
 * 20·max(up, down) + 1 taps, zero padding), so an independent SciPy run reproduces it.
 */

/** scipy.signal.resample_poly's default window: ('kaiser', 5.0). */
const KAISER_BETA = 5;
/** scipy.signal.resample_poly: half_len = 10 · max(up, down). */
const HALF_LENGTH_PER_RATE = 10;

const gcd = (p: number, q: number): number => (q === 0 ? p : gcd(q, p % q));

/** Modified Bessel function of the first kind, order 0, by its power series (converges for any x). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const quarterSquare = (x * x) / 4;
  for (let k = 1; term > sum * 1e-17; k++) {
    term *= quarterSquare / (k * k);
    sum += term;
  }
  return sum;
}

/** scipy.signal.firwin(taps, 1/maxRate, window=('kaiser', 5.0)) scaled to unit DC gain, times `up`. */
function polyphaseFilter(up: number, down: number): Float64Array {
  const maxRate = Math.max(up, down);
  const cutoff = 1 / maxRate;
  const taps = 2 * HALF_LENGTH_PER_RATE * maxRate + 1;
  const alpha = (taps - 1) / 2;
  const h = new Float64Array(taps);
  let sum = 0;
  const i0Beta = besselI0(KAISER_BETA);
  for (let n = 0; n < taps; n++) {
    const m = n - alpha;
    const arg = Math.PI * cutoff * m;
    const sinc = m === 0 ? 1 : Math.sin(arg) / arg;
    const ratio = (2 * n) / (taps - 1) - 1;
    const window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - ratio * ratio))) / i0Beta;
    h[n] = cutoff * sinc * window;
    sum += h[n] as number;
  }
  for (let n = 0; n < taps; n++) h[n] = ((h[n] as number) / sum) * up;
  return h;
}

/** Polyphase resampling by up/down, SciPy's `resample_poly` defaults. */
export function resamplePoly(signal: Float64Array, upIn: number, downIn: number): Float64Array {
  const divisor = gcd(upIn, downIn);
  const up = upIn / divisor;
  const down = downIn / divisor;
  if (up === 1 && down === 1) return signal.slice();
  const h = polyphaseFilter(up, down);
  const halfLength = HALF_LENGTH_PER_RATE * Math.max(up, down);
  // SciPy pads the filter in front so output samples sit at its centre (n_pre_pad, n_pre_remove).
  const prePad = down - (halfLength % down);
  const preRemove = Math.floor((halfLength + prePad) / down);
  const outLength = Math.ceil((signal.length * up) / down);
  const out = new Float64Array(outLength);
  for (let k = 0; k < outLength; k++) {
    // y[t] = Σ_j hp[j]·xu[t − j] with hp = prePad zeros then h, and xu the zero-stuffed input.
    const t = (k + preRemove) * down;
    let acc = 0;
    // Only input samples i with i·up = t − j, j − prePad ∈ [0, taps).
    const iMax = Math.min(signal.length - 1, Math.floor((t - prePad) / up));
    const iMin = Math.max(0, Math.ceil((t - prePad - h.length + 1) / up));
    for (let i = iMin; i <= iMax; i++) acc += (h[t - prePad - i * up] as number) * (signal[i] as number);
    out[k] = acc;
  }
  return out;
}

/**
 * `signal` at `fromHz` brought to `toHz`: every (fromHz/toHz)-th sample when that is a whole
 * number, else resamplePoly with the rates reduced to whole numbers of mHz.
 */
export function resampleTo(signal: Float64Array, fromHz: number, toHz: number): Float64Array {
  const step = fromHz / toHz;
  if (Number.isInteger(step)) {
    const out = new Float64Array(Math.ceil(signal.length / step));
    for (let i = 0; i < out.length; i++) out[i] = signal[i * step] as number;
    return out;
  }
  return resamplePoly(signal, Math.round(toHz * 1000), Math.round(fromHz * 1000));
}
