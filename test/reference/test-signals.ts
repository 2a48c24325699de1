/**
 * COP test signals for the sway-metric reference checks and the bench (shared/reference/balance.md
 * §7.3): seeded, so TypeScript and the NumPy/SciPy script see the same numbers.
 */

export interface CopSignal {
  readonly name: string;
  readonly xMm: Float64Array;
  readonly yMm: Float64Array;
  readonly sampleRateHz: number;
  readonly isFiltered: boolean;
}

/** Mulberry32: a small seeded generator, plenty for test noise. */
function uniformSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples (Box–Muller). */
export function gaussianSource(seed: number): () => number {
  const uniform = uniformSource(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const columns = (n: number, f: (tS: number, i: number) => [number, number], rateHz: number): [Float64Array, Float64Array] => {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) [x[i], y[i]] = f(i / rateHz, i);
  return [x, y];
};

/**
 * Quiet-stance-like sway: each axis a damped second-order system driven by white noise (natural
 * frequency ≈ 0.3 Hz), plus an offset, so it has a realistic 0.1–2 Hz spectrum.
 */
export function syntheticSway(name: string, seconds: number, rateHz: number, seed: number, isFiltered = true): CopSignal {
  const noise = gaussianSource(seed);
  const n = Math.round(seconds * rateHz);
  const dt = 1 / rateHz;
  const state = [
    { p: 0, v: 0, omega: 2 * Math.PI * 0.25, gain: 14 },
    { p: 0, v: 0, omega: 2 * Math.PI * 0.3, gain: 30 },
  ];
  const [x, y] = columns(
    n,
    () => {
      for (const axis of state) {
        axis.v += (-axis.omega * axis.omega * axis.p - 1.4 * axis.omega * axis.v + axis.gain * noise() * Math.sqrt(rateHz) * 0.1) * dt;
        axis.p += axis.v * dt;
      }
      return [(state[0]?.p ?? 0) + 12, (state[1]?.p ?? 0) - 30 + 0.2 * noise()];
    },
    rateHz,
  );
  return { name, xMm: x, yMm: y, sampleRateHz: rateHz, isFiltered };
}

export function circle(rateHz: number, seconds: number, radiusMm: number, frequencyHz: number, isFiltered = false): CopSignal {
  const w = 2 * Math.PI * frequencyHz;
  const [x, y] = columns(Math.round(seconds * rateHz), (t) => [radiusMm * Math.cos(w * t), radiusMm * Math.sin(w * t)], rateHz);
  return { name: `circle-${rateHz}Hz${isFiltered ? '-filtered' : ''}`, xMm: x, yMm: y, sampleRateHz: rateHz, isFiltered };
}

/** A pure AP sine (a line in the COP plane). */
export function apSine(rateHz: number, seconds: number, amplitudeMm: number, frequencyHz: number, isFiltered = false): CopSignal {
  const w = 2 * Math.PI * frequencyHz;
  const [x, y] = columns(Math.round(seconds * rateHz), (t) => [0, amplitudeMm * Math.sin(w * t)], rateHz);
  return { name: `ap-sine-${rateHz}Hz${isFiltered ? '-filtered' : ''}`, xMm: x, yMm: y, sampleRateHz: rateHz, isFiltered };
}

/** Independent white noise, SD σ_ML and σ_AP. */
export function gaussianCloud(rateHz: number, samples: number, sdMlMm: number, sdApMm: number, seed: number, isFiltered = false): CopSignal {
  const noise = gaussianSource(seed);
  const [x, y] = columns(samples, () => [sdMlMm * noise(), sdApMm * noise()], rateHz);
  return { name: `noise-${rateHz}Hz${isFiltered ? '-filtered' : ''}`, xMm: x, yMm: y, sampleRateHz: rateHz, isFiltered };
}

/** Equal-amplitude tones at f1 and f2 on both axes (x phase-shifted). */
export function twoTones(rateHz: number, seconds: number, f1Hz: number, f2Hz: number): CopSignal {
  const tone = (t: number, phase: number): number => 5 * Math.sin(2 * Math.PI * f1Hz * t + phase) + 5 * Math.sin(2 * Math.PI * f2Hz * t + phase);
  const [x, y] = columns(Math.round(seconds * rateHz), (t) => [tone(t, 1), tone(t, 0)], rateHz);
  return { name: `two-tones-${rateHz}Hz`, xMm: x, yMm: y, sampleRateHz: rateHz, isFiltered: false };
}

/** A ramp along ML at `speedMmS` (a straight line walked at constant speed). */
export function ramp(rateHz: number, seconds: number, speedMmS: number): CopSignal {
  const [x, y] = columns(Math.round(seconds * rateHz), (t) => [speedMmS * t, 0], rateHz);
  return { name: `ramp-${rateHz}Hz`, xMm: x, yMm: y, sampleRateHz: rateHz, isFiltered: false };
}
