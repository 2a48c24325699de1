import { describe, expect, it } from 'vitest';
import { parseShellDeviceOptions } from './device-options.ts';

describe('the Electron main process command line', () => {
  it('reads our options and leaves the app path and Chromium switches alone', () => {
    expect(parseShellDeviceOptions(['out/electron', '--no-sandbox', '--simulate', '--db', '/tmp/p.sqlite', '--time-scale', '10', '--seed', '4'])).toEqual({
      ok: true,
      value: { dbPath: '/tmp/p.sqlite', simulate: true, timeScale: 10, seed: 4 },
    });
    expect(parseShellDeviceOptions(['out/electron'])).toEqual({ ok: true, value: { dbPath: undefined, simulate: false, timeScale: 1, seed: 1 } });
  });

  it.each([
    [['--time-scale', '10'], /allowed only with simulated devices/],
    [['--simulate', '--time-scale', 'fast'], /--time-scale/],
    [['--simulate', '--time-scale'], /--time-scale needs a value/],
    [['--db'], /--db needs a value/],
    [['--db', ' '], /--db needs a file path/],
    [['--simulate=yes'], /--simulate takes no value/],
    [['--seed', '-1'], /--seed/],
  ])('refuses %j with a clear message', (argv, message) => {
    const parsed = parseShellDeviceOptions(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
