import { describe, expect, it } from 'vitest';
import { parseWebArgs } from './web.ts';

describe('proprio web arguments', () => {
  it('defaults to a free port, real time, no simulator', () => {
    expect(parseWebArgs([])).toEqual({ ok: true, value: { port: 0, dbPath: undefined, simulate: false, timeScale: 1, seed: 1 } });
  });

  it('takes every option', () => {
    expect(parseWebArgs(['--port', '8123', '--db', '/tmp/p.db', '--simulate', '--time-scale', '60', '--seed', '9'])).toEqual({
      ok: true,
      value: { port: 8123, dbPath: '/tmp/p.db', simulate: true, timeScale: 60, seed: 9 },
    });
  });

  it.each([
    [['--time-scale', '10'], /allowed only with simulated devices/],
    [['--simulate', '--time-scale', '0.5'], /--time-scale must be a number from 1/],
    [['--simulate', '--time-scale', '1e3'], /--time-scale/],
    [['--port', '70000'], /--port/],
    [['--port', '-1'], /--port/],
    [['--db', ' '], /--db needs a file path/],
    [['--bogus'], /bogus/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseWebArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
