/** Types for fft.js 4 (a radix-4 FFT; the package ships none). Only what Proprio calls. */
declare module 'fft.js' {
  export default class FFT {
    constructor(size: number);
    readonly size: number;
    /** Real input of `size` samples; fills the non-negative-frequency half of `out` (re, im pairs). */
    realTransform(out: Float64Array, data: Float64Array): void;
  }
}
