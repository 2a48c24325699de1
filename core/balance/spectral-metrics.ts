/**
 * Frequency-domain sway metrics of one axis (shared/reference/balance.md §7.1 items 9–12): Welch
 * PSD of the filtered, centred COP at a fixed 100 Hz, then median (F50) and 95 % (F95) power
 * frequency, centroidal frequency and frequency dispersion over the 0.15–5 Hz band, as discrete
 * sums over the band's bins (no interpolation) like the Quijoux code [Jythen frequentist.py].
 */
import { welch, type WelchSettings } from './welch.ts';

/** Spectra are computed at this rate whatever the plate's rate (§7.1; DESIGN, see docs/metrics.md). */
export const SPECTRAL_RATE_HZ = 100;
/**
 * Welch: 10 s Hann segments with 50 % overlap, as the Quijoux code (nperseg 10·fs, noverlap 5·fs)
 * [Jythen stato.py]; nfft 4096 (a DESIGN choice of balance.md §7.1: radix-2, one frequency grid
 * for every trial length, 0.024 Hz steps).
 */
export const WELCH_SETTINGS: WelchSettings = { sampleRateHz: SPECTRAL_RATE_HZ, segmentLength: 1000, overlap: 500, fftLength: 4096 };
/** Band analysed, Hz: 0.15–5 Hz after Prieto 1996 and Quijoux 2021 [Prieto96], [Jythen], [Sensors19]. */
export const BAND_LOW_HZ = 0.15;
export const BAND_HIGH_HZ = 5;
/** Spectra only for windows of three segments or more, i.e. ≥ 20 s (balance.md §7.1 item 9). */
export const MIN_SPECTRAL_SAMPLES = 2000;
/** "Undefined" when the band holds no power: ∫P df ≤ this fraction of the variance (§7.1 item 9). */
const MIN_BAND_POWER_FRAC = 1e-12;

export interface AxisSpectralMetrics {
  /** Median power frequency F50, Hz. */
  readonly medianFrequencyHz: number;
  /** 95 % power frequency F95, Hz. */
  readonly f95Hz: number;
  /** √(m2/m0), Hz. */
  readonly centroidalFrequencyHz: number;
  /** √(1 − m1²/(m0·m2)), 0 for a pure tone, towards 1 for broad spectra. */
  readonly frequencyDispersion: number;
  /** ∫P df over the band, mm² (the band sum times the bin width). */
  readonly bandPowerMm2: number;
}

function variance(series: Float64Array): number {
  let mean = 0;
  for (const v of series) mean += v;
  mean /= series.length;
  let sum = 0;
  for (const v of series) sum += (v - mean) ** 2;
  return sum / series.length;
}

/** Metrics of one axis sampled at SPECTRAL_RATE_HZ; `undefined` when too short or without band power. */
export function axisSpectralMetrics(series100Hz: Float64Array): AxisSpectralMetrics | undefined {
  if (series100Hz.length < MIN_SPECTRAL_SAMPLES) return undefined;
  const spectrum = welch(series100Hz, WELCH_SETTINGS);
  if (spectrum === undefined) return undefined;
  const { binHz, density } = spectrum;
  const first = Math.ceil(BAND_LOW_HZ / binHz);
  const last = Math.floor(BAND_HIGH_HZ / binHz);
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (let k = first; k <= last; k++) {
    const f = k * binHz;
    const p = density[k] as number;
    m0 += p;
    m1 += f * p;
    m2 += f * f * p;
  }
  if (!(m0 * binHz > MIN_BAND_POWER_FRAC * variance(series100Hz))) return undefined;
  const frequencyAt = (fraction: number): number => {
    let cumulative = 0;
    for (let k = first; k <= last; k++) {
      cumulative += density[k] as number;
      if (cumulative >= fraction * m0) return k * binHz;
    }
    return last * binHz;
  };
  return {
    medianFrequencyHz: frequencyAt(0.5),
    f95Hz: frequencyAt(0.95),
    centroidalFrequencyHz: Math.sqrt(m2 / m0),
    frequencyDispersion: Math.sqrt(Math.max(0, 1 - (m1 * m1) / (m0 * m2))),
    bandPowerMm2: m0 * binHz,
  };
}
