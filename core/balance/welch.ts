/**
 * Welch power spectral density, one-sided, 'density' scaling, mean of segments — the same
 * estimate as `scipy.signal.welch(x, fs, window='hann', nperseg, noverlap, nfft,
 * detrend='linear')` (shared/reference/balance.md §7.1 item 9): periodic Hann window, each
 * segment linearly detrended, zero-padded to nfft, |X|²/(fs·Σw²), doubled except at DC and
 * Nyquist; segments that do not fit whole are dropped. Units: signal unit² / Hz.
 */
import FFT from 'fft.js';

export interface WelchSettings {
  readonly sampleRateHz: number;
  readonly segmentLength: number;
  readonly overlap: number;
  /** Power of two (fft.js is radix-2/4). */
  readonly fftLength: number;
}

export interface Spectrum {
  /** Bin spacing, Hz: sampleRateHz / fftLength. */
  readonly binHz: number;
  /** Power density at k·binHz for k = 0 … fftLength/2. */
  readonly density: Float64Array;
  readonly segments: number;
}

const transforms = new Map<number, FFT>();
const transformOf = (size: number): FFT => {
  let fft = transforms.get(size);
  if (fft === undefined) {
    fft = new FFT(size);
    transforms.set(size, fft);
  }
  return fft;
};

/** Subtracts the least-squares line from `segment` in place (scipy.signal.detrend, 'linear'). */
function detrendLinear(segment: Float64Array): void {
  const n = segment.length;
  const meanT = (n - 1) / 2;
  let meanY = 0;
  for (let i = 0; i < n; i++) meanY += segment[i] as number;
  meanY /= n;
  let sty = 0;
  let stt = 0;
  for (let i = 0; i < n; i++) {
    const dt = i - meanT;
    sty += dt * ((segment[i] as number) - meanY);
    stt += dt * dt;
  }
  const slope = sty / stt;
  for (let i = 0; i < n; i++) segment[i] = (segment[i] as number) - meanY - slope * (i - meanT);
}

/** Welch PSD; `undefined` when the signal is shorter than one segment. */
export function welch(signal: Float64Array, settings: WelchSettings): Spectrum | undefined {
  const { sampleRateHz, segmentLength, overlap, fftLength } = settings;
  const step = segmentLength - overlap;
  const segments = Math.floor((signal.length - overlap) / step);
  if (segments < 1 || signal.length < segmentLength) return undefined;
  const window = new Float64Array(segmentLength);
  let windowPower = 0;
  for (let i = 0; i < segmentLength; i++) {
    window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / segmentLength);
    windowPower += (window[i] as number) ** 2;
  }
  const fft = transformOf(fftLength);
  const padded = new Float64Array(fftLength);
  const out = new Float64Array(2 * fftLength);
  const bins = fftLength / 2 + 1;
  const density = new Float64Array(bins);
  for (let s = 0; s < segments; s++) {
    const segment = signal.slice(s * step, s * step + segmentLength);
    detrendLinear(segment);
    for (let i = 0; i < segmentLength; i++) padded[i] = (segment[i] as number) * (window[i] as number);
    fft.realTransform(out, padded);
    for (let k = 0; k < bins; k++) density[k] = (density[k] as number) + (out[2 * k] as number) ** 2 + (out[2 * k + 1] as number) ** 2;
  }
  const scale = 1 / (sampleRateHz * windowPower * segments);
  for (let k = 0; k < bins; k++) {
    const isEdge = k === 0 || k === bins - 1;
    density[k] = (density[k] as number) * scale * (isEdge ? 1 : 2);
  }
  return { binHz: sampleRateHz / fftLength, density, segments };
}
