import { describe, expect, it } from 'vitest';
import { butterworthLowPass, steadyStateInitial } from './butterworth.ts';
import { CausalLowPass } from './causal-low-pass.ts';
import { filtfilt, offlineLowPass } from './zero-phase-filter.ts';

/** |H(e^{jω})| of b/a at `hz`. */
function gainAt(b: Float64Array, a: Float64Array, hz: number, rateHz: number): number {
  const omega = (2 * Math.PI * hz) / rateHz;
  const evaluate = (c: Float64Array): [number, number] => {
    let re = 0;
    let im = 0;
    c.forEach((v, k) => {
      re += v * Math.cos(omega * k);
      im -= v * Math.sin(omega * k);
    });
    return [re, im];
  };
  const [br, bi] = evaluate(b);
  const [ar, ai] = evaluate(a);
  return Math.hypot(br, bi) / Math.hypot(ar, ai);
}

describe('butterworthLowPass', () => {
  for (const rateHz of [100, 1000, 2000]) {
    it(`has unit DC gain and −3 dB at the cut-off at ${rateHz} Hz`, () => {
      const { b, a } = butterworthLowPass(4, 10, rateHz);
      expect(a[0]).toBe(1);
      expect(gainAt(b, a, 0, rateHz)).toBeCloseTo(1, 9);
      expect(gainAt(b, a, 10, rateHz)).toBeCloseTo(Math.SQRT1_2, 9);
      // 4th order: 80 dB per decade beyond the cut-off, so ≈ −80 dB at 100 Hz (or at Nyquist, 0).
      expect(gainAt(b, a, Math.min(100, rateHz / 2), rateHz)).toBeLessThan(2e-4);
    });
  }

  it('refuses a cut-off at or above Nyquist', () => {
    expect(() => butterworthLowPass(4, 50, 100)).toThrow();
  });
});

describe('steadyStateInitial', () => {
  it('makes a constant input pass unchanged from the first sample', () => {
    const coefficients = butterworthLowPass(4, 10, 1000);
    const filter = new CausalLowPass(1000);
    const input = new Float64Array(50).fill(3.5);
    const output = new Float64Array(50);
    filter.process(input, output);
    for (const v of output) expect(v).toBeCloseTo(3.5, 9);
    expect(steadyStateInitial(coefficients)).toHaveLength(4);
  });
});

describe('filtfilt', () => {
  it('keeps a constant unchanged and a straight line unchanged away from the edges', () => {
    const constant = offlineLowPass(new Float64Array(200).fill(-4.25), 100);
    if (!constant.ok) throw new Error(constant.error);
    for (const v of constant.value) expect(v).toBeCloseTo(-4.25, 9);
    const line = Float64Array.from({ length: 500 }, (_, i) => 2 + 0.01 * i);
    const filtered = offlineLowPass(line, 100);
    if (!filtered.ok) throw new Error(filtered.error);
    // The steady state fits a constant, not a slope: a small transient at each end only.
    for (let i = 50; i < 450; i++) expect(filtered.value[i]).toBeCloseTo(line[i] as number, 6);
  });

  it('passes a 1 Hz sine with no phase lag and removes a 40 Hz one', () => {
    const rateHz = 1000;
    const slow = Float64Array.from({ length: 5000 }, (_, i) => Math.sin((2 * Math.PI * i) / rateHz));
    const mixed = slow.map((v, i) => v + Math.sin((2 * Math.PI * 40 * i) / rateHz));
    const filtered = offlineLowPass(mixed, rateHz);
    if (!filtered.ok) throw new Error(filtered.error);
    // Away from the edge transient (≈ 0.4 s at 1 kHz), output = the slow sine, in phase.
    for (let i = 1000; i < 4000; i++) expect(Math.abs((filtered.value[i] as number) - (slow[i] as number))).toBeLessThan(2e-3);
  });

  it('refuses signals no longer than its padding', () => {
    const result = filtfilt(butterworthLowPass(4, 10, 100), new Float64Array(15));
    expect(result.ok ? 'ok' : result.error).toMatch(/more than 15 samples/);
  });
});

describe('CausalLowPass', () => {
  it('gives the same output whether fed in one block or in pieces', () => {
    const input = Float64Array.from({ length: 300 }, (_, i) => Math.sin(i / 7) + (i % 13) / 13);
    const whole = new Float64Array(300);
    new CausalLowPass(500).process(input, whole);
    const pieces = new Float64Array(300);
    const filter = new CausalLowPass(500);
    for (let start = 0; start < 300; start += 37) filter.process(input.subarray(start, start + 37), pieces.subarray(start, start + 37));
    expect(Array.from(pieces)).toEqual(Array.from(whole));
  });
});
