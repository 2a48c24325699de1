import { describe, expect, it } from 'vitest';
import { resamplePoly, resampleTo } from './resample.ts';

describe('resampleTo', () => {
  it('takes every k-th sample from the first when the rates divide', () => {
    expect(Array.from(resampleTo(Float64Array.from([0, 1, 2, 3, 4, 5, 6]), 300, 100))).toEqual([0, 3, 6]);
  });

  it('keeps a slow sine through polyphase resampling (250 → 100 Hz) away from the edges', () => {
    const input = Float64Array.from({ length: 2500 }, (_, i) => Math.sin((2 * Math.PI * 0.5 * i) / 250));
    const output = resampleTo(input, 250, 100);
    expect(output).toHaveLength(1000);
    for (let k = 100; k < 900; k++) expect(output[k]).toBeCloseTo(Math.sin((2 * Math.PI * 0.5 * k) / 100), 3);
  });

  it('returns a copy when up equals down', () => {
    const input = Float64Array.from([1, 2, 3]);
    const output = resamplePoly(input, 7, 7);
    expect(Array.from(output)).toEqual([1, 2, 3]);
    expect(output).not.toBe(input);
  });
});
