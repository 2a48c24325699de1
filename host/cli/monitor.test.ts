import { describe, expect, it } from 'vitest';
import { parseMonitorArgs } from './monitor.ts';
import { parseStartArgs } from './start.ts';

describe('parseMonitorArgs', () => {
  it('implies the device from a simulated port and applies defaults', () => {
    expect(parseMonitorArgs(['sim:plate'])).toEqual({
      ok: true,
      value: { port: 'sim:plate', device: 'plate', rateHz: 1000, refreshMs: 500, durationMs: undefined, json: false },
    });
  });

  it('reads every option', () => {
    const parsed = parseMonitorArgs(['tcp://127.0.0.1:4001', '--device', 'table', '--refresh', '250', '--duration', '1.5', '--json']);
    expect(parsed).toEqual({
      ok: true,
      value: { port: 'tcp://127.0.0.1:4001', device: 'table', rateHz: 1000, refreshMs: 250, durationMs: 1500, json: true },
    });
  });

  it.each([
    [[], /no PORT/],
    [['a', 'b'], /one PORT expected/],
    [['/dev/ttyUSB0'], /--device plate\|table is required/],
    [['/dev/ttyUSB0', '--device', 'scale'], /must be plate or table/],
    [['sim:table', '--device', 'plate'], /is a table, not a plate/],
    [['sim:floor'], /unknown simulated device/],
    [['tcp://127.0.0.1'], /needs a host and a port/],
    [['http://x:1'], /unsupported scheme/],
    [['sim:plate', '--rate', '99'], /--rate must be a number from 100 to 2000/],
    [['sim:plate', '--rate', '2001'], /--rate/],
    [['sim:plate', '--rate', '500.5'], /whole number/],
    [['sim:plate', '--rate', '1e3'], /--rate/],
    [['sim:plate', '--refresh', '10'], /--refresh/],
    [['sim:plate', '--duration', '-1'], /--duration/],
    [['sim:plate', '--colour'], /Unknown option/],
    [['  '], /no port given/],
  ])('refuses %j with a clear message', (argv, message) => {
    const parsed = parseMonitorArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe('parseStartArgs', () => {
  it('defaults to no simulator, no time limit and any free port', () => {
    expect(parseStartArgs([])).toEqual({ ok: true, value: { simulate: false, durationMs: undefined, port: 0, seed: 1, dbPath: undefined } });
  });

  it.each([
    [['--duration', 'soon'], /--duration/],
    [['--seed', '-3'], /--seed/],
    [['--seed', ''], /--seed/],
    [['--seed', '1e3'], /--seed/],
    [['--port', '65536'], /--port/],
    [['--port', 'http'], /--port/],
    [['--refresh', '500'], /Unknown option '--refresh'/],
    [['--db', ''], /--db needs a file path/],
    [['--fast'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseStartArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
