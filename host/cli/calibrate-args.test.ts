import { describe, expect, it } from 'vitest';
import { parseCalibrateArgs, withInterval } from './calibrate-args.ts';

const BASE = ['table', '--port', 'sim:table', '--points', 'levels.json'];

describe('--interval-months', () => {
  it('without the flag, the clinic’s setting from the database, else 12 months', () => {
    const args = parseCalibrateArgs(BASE);
    if (!args.ok) throw new Error(args.error);
    expect(args.value.intervalMonths).toBeUndefined();
    expect(withInterval(args.value, 6).intervalMonths).toBe(6);
    expect(withInterval(args.value, undefined).intervalMonths).toBe(12);
  });

  it('the flag wins over the database', () => {
    const args = parseCalibrateArgs([...BASE, '--interval-months', '3']);
    if (!args.ok) throw new Error(args.error);
    expect(withInterval(args.value, 6).intervalMonths).toBe(3);
  });

  it.each(['0', '25', '6.5', 'twelve'])('refuses %s: the settings’ bounds, 1 to 24 whole months', (months) => {
    const args = parseCalibrateArgs([...BASE, '--interval-months', months]);
    expect(args).toMatchObject({ ok: false, error: expect.stringMatching(/^--interval-months must be a (number from 1 to 24|whole number)/) as unknown });
  });
});
