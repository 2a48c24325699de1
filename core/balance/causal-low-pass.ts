/**
 * Causal low-pass for the live COP display: the same Butterworth design as the offline filter, run
 * forward only, sample block by sample block, with its state kept between blocks. Causal because a
 * live cursor cannot wait for future samples; its lag (a few tens of ms at 10 Hz) is harmless on
 * screen and never enters a metric, which always uses the zero-phase filter of zero-phase-filter.ts.
 */
import { butterworthLowPass, steadyStateInitial, type FilterCoefficients } from './butterworth.ts';
import { filterInPlace } from './zero-phase-filter.ts';

/**
 * 2nd order at 10 Hz: Koltermann et al. 2018 ask for at least a 2nd-order Butterworth or Bessel
 * [Koltermann18]; the 10 Hz cut-off matches the offline filter [Ruhe10]. The order is a design
 * choice: the lowest allowed, for the least display lag.
 */
export const LIVE_FILTER_ORDER = 2;
export const LIVE_CUTOFF_HZ = 10;

export class CausalLowPass {
  private readonly coefficients: FilterCoefficients;
  private readonly zi: Float64Array;
  private readonly state: Float64Array;
  private isPrimed = false;

  constructor(sampleRateHz: number) {
    this.coefficients = butterworthLowPass(LIVE_FILTER_ORDER, LIVE_CUTOFF_HZ, sampleRateHz);
    this.zi = steadyStateInitial(this.coefficients);
    this.state = new Float64Array(this.zi.length);
  }

  /**
   * Filters `input` into `output` (same length; may be the same array). The first block starts
   * from the steady state of its first sample, so the display does not swing in from zero.
   */
  process(input: Float64Array, output: Float64Array): void {
    if (input.length === 0) return;
    if (!this.isPrimed) {
      const first = input[0] as number;
      for (let i = 0; i < this.zi.length; i++) this.state[i] = (this.zi[i] as number) * first;
      this.isPrimed = true;
    }
    filterInPlace(this.coefficients, input, output, this.state);
  }

  /** Forget the past (after a gap or a new subject): the next block primes the state again. */
  reset(): void {
    this.isPrimed = false;
  }
}
