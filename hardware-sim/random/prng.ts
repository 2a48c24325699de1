/**
 * Seeded pseudo-random numbers: xoshiro128** seeded through splitmix32, plus gaussian noise.
 *
 * Everything random in the simulator (sway, cell noise, calibration offsets, faults, reply jitter)
 * draws from a `Prng` derived from the simulator's seed, one independent stream per purpose
 * (`derive('subject')`, `derive('load-cell')`, and under `derive('link-faults')` one per link fault:
 * `drop`, `garble`, …), so that changing one fault setting neither shifts the sway of the subject
 * nor moves the lines another fault hits, and the same seed always gives the same bytes.
 */

export class Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareGaussian: number | null = null;

  constructor(private readonly seed: number) {
    let state = seed >>> 0;
    const next = (): number => {
      // splitmix32: spreads a small seed over the whole 128-bit state (xoshiro must not start at 0).
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** An independent stream for one purpose; the same (seed, name) always gives the same stream. */
  derive(name: string): Prng {
    let hash = (this.seed ^ 0x811c9dc5) >>> 0;
    for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
    return new Prng(hash);
  }

  /** Uniform 32-bit unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  nextFloat(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.nextFloat();
  }

  /** Uniform integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  /** True with probability `p`. Draws nothing when p ≤ 0, so a fault left off consumes no randomness. */
  chance(p: number): boolean {
    if (p <= 0) return false;
    return this.nextFloat() < p;
  }

  /** Standard normal (mean 0, SD 1), Box–Muller; the second value of each pair is kept for the next call. */
  gaussian(): number {
    if (this.spareGaussian !== null) {
      const spare = this.spareGaussian;
      this.spareGaussian = null;
      return spare;
    }
    const u1 = 1 - this.nextFloat(); // (0, 1]: log(0) must not happen
    const u2 = this.nextFloat();
    const radius = Math.sqrt(-2 * Math.log(u1));
    this.spareGaussian = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
