/**
 * The full sway metric set of one trial, the pipeline of shared/reference/balance.md §7.1:
 * centre (subtract the trial mean) → zero-phase 10 Hz low-pass at the plate rate (unless told not
 * to) → time-domain metrics at that rate → every axis at 100 Hz for the spectra → every 5th
 * sample of that (20 Hz) for sample entropy. Formulas and sources: docs/metrics.md.
 */
import { err, ok, type Result } from '../result.ts';
import { resampleTo } from './resample.ts';
import { SAMPLE_ENTROPY_M, SAMPLE_ENTROPY_R_SD, SAMPLE_ENTROPY_RATE_HZ, sampleEntropy } from './sample-entropy.ts';
import { axisSpectralMetrics, BAND_HIGH_HZ, BAND_LOW_HZ, SPECTRAL_RATE_HZ, WELCH_SETTINGS } from './spectral-metrics.ts';
import { timeMetrics } from './time-metrics.ts';
import { OFFLINE_CUTOFF_HZ, OFFLINE_FILTER_ORDER, offlineLowPass } from './zero-phase-filter.ts';

/**
 * Stored with every result: a change to any formula, constant or analysis rate bumps it, and a
 * patient's trend re-baselines across versions (balance.md §7.4).
 */
export const SWAY_ALGORITHM_VERSION = 'proprio-sway/1';

/** The keys of `proprio metrics`, in output order (issue 4), then extras. */
export const SWAY_METRIC_KEYS = [
  'pathLengthMm',
  'meanVelocityMmS',
  'meanVelocityApMmS',
  'meanVelocityMlMmS',
  'rmsMm',
  'rmsApMm',
  'rmsMlMm',
  'rangeApMm',
  'rangeMlMm',
  'meanDistanceMm',
  'ellipseArea95Mm2',
  'swayAreaMm2S',
  'meanFrequencyHz',
  'medianFrequencyApHz',
  'medianFrequencyMlHz',
  'f95ApHz',
  'f95MlHz',
  'centroidalFrequencyApHz',
  'centroidalFrequencyMlHz',
  'frequencyDispersionAp',
  'frequencyDispersionMl',
  'sampleEntropyAp',
  'sampleEntropyMl',
  'pathLengthApMm',
  'pathLengthMlMm',
  'meanDistanceApMm',
  'meanDistanceMlMm',
  'meanFrequencyApHz',
  'meanFrequencyMlHz',
  'ellipseArea95ChiSquareMm2',
] as const;

export type SwayMetricKey = (typeof SWAY_METRIC_KEYS)[number];
/** `null` marks a metric that is undefined for this trace (e.g. spectra of a trial under 20 s). */
export type SwayMetrics = { readonly [K in SwayMetricKey]: number | null };

/** How the numbers were made; stored beside them. */
export interface SwayAnalysis {
  readonly algorithmVersion: string;
  readonly sampleRateHz: number;
  readonly samples: number;
  readonly filter: string;
  readonly spectralRateHz: number;
  readonly welch: string;
  readonly bandHz: readonly [number, number];
  readonly sampleEntropyRateHz: number;
  readonly sampleEntropy: string;
}

export interface SwayMetricSet {
  readonly metrics: SwayMetrics;
  readonly analysis: SwayAnalysis;
}

export interface SwayInput {
  /** Medio-lateral COP, mm (+ right). */
  readonly xMm: Float64Array;
  /** Antero-posterior COP, mm (+ forward). */
  readonly yMm: Float64Array;
  readonly sampleRateHz: number;
  /** false: metrics of the centred trace as given (`--no-filter`). */
  readonly isFiltered: boolean;
}

function centred(signal: Float64Array): Float64Array {
  let mean = 0;
  for (const v of signal) mean += v;
  mean /= signal.length;
  return signal.map((v) => v - mean);
}

const finiteOrNull = (value: number | undefined): number | null => (value !== undefined && Number.isFinite(value) ? value : null);

/** Every metric of `input`; an error for traces too short to filter or with mismatched axes. */
export function computeSwayMetrics(input: SwayInput): Result<SwayMetricSet, string> {
  const { xMm, yMm, sampleRateHz, isFiltered } = input;
  if (xMm.length !== yMm.length) return err(`ML and AP traces differ in length (${xMm.length} vs ${yMm.length})`);
  if (!(Number.isFinite(sampleRateHz) && sampleRateHz > 0)) return err(`sample rate must be a positive number of Hz, got ${sampleRateHz}`);
  if (xMm.length < 3) return err(`a trace needs at least 3 samples, got ${xMm.length}`);
  let x = centred(xMm);
  let y = centred(yMm);
  if (isFiltered) {
    const fx = offlineLowPass(x, sampleRateHz);
    const fy = offlineLowPass(y, sampleRateHz);
    if (!fx.ok) return fx;
    if (!fy.ok) return fy;
    x = fx.value;
    y = fy.value;
  }
  const time = timeMetrics(x, y, sampleRateHz);
  const x100 = resampleTo(x, sampleRateHz, SPECTRAL_RATE_HZ);
  const y100 = resampleTo(y, sampleRateHz, SPECTRAL_RATE_HZ);
  const ap = axisSpectralMetrics(y100);
  const ml = axisSpectralMetrics(x100);
  const entropyAp = sampleEntropy(resampleTo(y100, SPECTRAL_RATE_HZ, SAMPLE_ENTROPY_RATE_HZ));
  const entropyMl = sampleEntropy(resampleTo(x100, SPECTRAL_RATE_HZ, SAMPLE_ENTROPY_RATE_HZ));
  const metrics: SwayMetrics = {
    pathLengthMm: finiteOrNull(time.pathLengthMm),
    meanVelocityMmS: finiteOrNull(time.meanVelocityMmS),
    meanVelocityApMmS: finiteOrNull(time.meanVelocityApMmS),
    meanVelocityMlMmS: finiteOrNull(time.meanVelocityMlMmS),
    rmsMm: finiteOrNull(time.rmsMm),
    rmsApMm: finiteOrNull(time.rmsApMm),
    rmsMlMm: finiteOrNull(time.rmsMlMm),
    rangeApMm: finiteOrNull(time.rangeApMm),
    rangeMlMm: finiteOrNull(time.rangeMlMm),
    meanDistanceMm: finiteOrNull(time.meanDistanceMm),
    ellipseArea95Mm2: finiteOrNull(time.ellipseArea95Mm2),
    swayAreaMm2S: finiteOrNull(time.swayAreaMm2S),
    meanFrequencyHz: finiteOrNull(time.meanFrequencyHz),
    medianFrequencyApHz: finiteOrNull(ap?.medianFrequencyHz),
    medianFrequencyMlHz: finiteOrNull(ml?.medianFrequencyHz),
    f95ApHz: finiteOrNull(ap?.f95Hz),
    f95MlHz: finiteOrNull(ml?.f95Hz),
    centroidalFrequencyApHz: finiteOrNull(ap?.centroidalFrequencyHz),
    centroidalFrequencyMlHz: finiteOrNull(ml?.centroidalFrequencyHz),
    frequencyDispersionAp: finiteOrNull(ap?.frequencyDispersion),
    frequencyDispersionMl: finiteOrNull(ml?.frequencyDispersion),
    sampleEntropyAp: finiteOrNull(entropyAp),
    sampleEntropyMl: finiteOrNull(entropyMl),
    pathLengthApMm: finiteOrNull(time.pathLengthApMm),
    pathLengthMlMm: finiteOrNull(time.pathLengthMlMm),
    meanDistanceApMm: finiteOrNull(time.meanDistanceApMm),
    meanDistanceMlMm: finiteOrNull(time.meanDistanceMlMm),
    meanFrequencyApHz: finiteOrNull(time.meanFrequencyApHz),
    meanFrequencyMlHz: finiteOrNull(time.meanFrequencyMlHz),
    ellipseArea95ChiSquareMm2: finiteOrNull(time.ellipseArea95ChiSquareMm2),
  };
  return ok({ metrics, analysis: describeAnalysis(sampleRateHz, xMm.length, isFiltered) });
}

function describeAnalysis(sampleRateHz: number, samples: number, isFiltered: boolean): SwayAnalysis {
  const { segmentLength, overlap, fftLength } = WELCH_SETTINGS;
  return {
    algorithmVersion: SWAY_ALGORITHM_VERSION,
    sampleRateHz,
    samples,
    filter: isFiltered ? `butterworth order ${OFFLINE_FILTER_ORDER} low-pass ${OFFLINE_CUTOFF_HZ} Hz, forward-backward (scipy filtfilt defaults)` : 'none',
    spectralRateHz: SPECTRAL_RATE_HZ,
    welch: `hann nperseg ${segmentLength} noverlap ${overlap} nfft ${fftLength} detrend linear density`,
    bandHz: [BAND_LOW_HZ, BAND_HIGH_HZ],
    sampleEntropyRateHz: SAMPLE_ENTROPY_RATE_HZ,
    sampleEntropy: `m ${SAMPLE_ENTROPY_M}, r ${SAMPLE_ENTROPY_R_SD} x SD (n-1), Chebyshev, match when distance <= r`,
  };
}
