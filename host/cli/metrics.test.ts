import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { computeSwayMetrics, err, ok, SWAY_METRIC_KEYS } from '../../core/index.ts';
import { main } from './main.ts';
import { parseMetricsArgs, runMetrics, type MetricsIo, type MetricsOptions } from './metrics.ts';

const RATE_HZ = 100;
const N = 2500;
const xMm = Float64Array.from({ length: N }, (_, i) => 3 * Math.sin(i / 40) + Math.sin(i / 7));
const yMm = Float64Array.from({ length: N }, (_, i) => 5 * Math.cos(i / 55) + 0.5 * Math.sin(i / 3));

/** The test trace as text: `time,copX,copY` in metres unless told otherwise. */
function table(delimiter = ',', header: string | undefined = 'time,copX,copY', scale = 0.001): string {
  const rows = Array.from({ length: N }, (_, i) => [(i / RATE_HZ).toFixed(4), ((xMm[i] as number) * scale).toString(), ((yMm[i] as number) * scale).toString()].join(delimiter));
  return `${header === undefined ? '' : `${header.split(',').join(delimiter)}\n`}${rows.join('\n')}\n`;
}

function run(text: string, args: readonly string[]): { ok: true; json: Record<string, unknown> } | { ok: false; error: string } {
  const parsed = parseMetricsArgs(['trial.csv', ...args]);
  if (!parsed.ok) return parsed;
  let out = '';
  const io: MetricsIo = { readFile: (path) => (path === 'trial.csv' ? ok(text) : err(`cannot read ${path}`)), stdout: (t) => (out += t) };
  const done = runMetrics(parsed.value, io);
  return done.ok ? { ok: true, json: JSON.parse(out) as Record<string, unknown> } : done;
}

const expected = (isFiltered = true) => {
  const result = computeSwayMetrics({ xMm, yMm, sampleRateHz: RATE_HZ, isFiltered });
  if (!result.ok) throw new Error(result.error);
  return result.value.metrics;
};

describe('parseMetricsArgs', () => {
  it('reads every option', () => {
    const parsed = parseMetricsArgs(['f.tsv', '--rate', '1000', '--x', 'CoPx', '--y', '3', '--units', 'cm', '--no-filter', '--time', 'T']);
    expect(parsed).toEqual(ok<MetricsOptions>({ file: 'f.tsv', rateHz: 1000, xColumn: 'CoPx', yColumn: '3', timeColumn: 'T', units: 'cm', isFiltered: false }));
  });

  it.each([
    [[], /no FILE/],
    [['a.csv', 'b.csv'], /one FILE expected/],
    [['a.csv', '--units', 'inch'], /--units must be mm, cm or m/],
    [['a.csv', '--rate', 'fast'], /--rate must be a number/],
    [['a.csv', '--rate', '0'], /--rate must be a number from 1/],
    [['a.csv', '--colour'], /Unknown option/],
  ])('refuses %j', (args, message) => {
    const parsed = parseMetricsArgs(args);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });
});

describe('runMetrics', () => {
  it('prints every metric key, in metres converted to mm, rate from the time column', () => {
    const result = run(table(), ['--units', 'm']);
    if (!result.ok) throw new Error(result.error);
    expect(Object.keys(result.json).slice(0, SWAY_METRIC_KEYS.length)).toEqual([...SWAY_METRIC_KEYS]);
    const want = expected();
    for (const key of SWAY_METRIC_KEYS) {
      const value = result.json[key];
      if (want[key] === null) expect(value).toBeNull();
      else expect(value as number).toBeCloseTo(want[key], 6);
    }
    expect(result.json.analysis).toMatchObject({ sampleRateHz: 100, xColumn: 'copX', yColumn: 'copY', units: 'm', algorithmVersion: 'proprio-sway/1' });
  });

  it('reads TSV and semicolon files, and header-less files by column number', () => {
    const tsv = run(table('\t', 'Time,CoPx,CoPy', 1), []);
    const semicolon = run(table(';', 't,ml,ap', 0.1), ['--units', 'cm']);
    const bare = run(table(',', undefined, 1), ['--x', '2', '--y', '3', '--rate', '100']);
    for (const result of [tsv, semicolon, bare]) {
      if (!result.ok) throw new Error(result.error);
      expect(result.json.meanVelocityMmS as number).toBeCloseTo(expected().meanVelocityMmS ?? NaN, 6);
    }
  });

  it('skips the filter with --no-filter', () => {
    const result = run(table(',', 'time,copX,copY', 1), ['--no-filter']);
    if (!result.ok) throw new Error(result.error);
    expect(result.json.pathLengthMm as number).toBeCloseTo(expected(false).pathLengthMm ?? NaN, 6);
    expect(result.json.pathLengthMm).not.toBeCloseTo(expected(true).pathLengthMm ?? NaN, 3);
  });

  it.each([
    ['an empty file', '# nothing here\n\n', [], /no data lines/],
    ['a bad cell', 'time,x,y\n0,1,2\n0.01,1,abc\n', [], /line 3, column "y": "abc" is not a number/],
    ['a short row', 'time,x,y\n0,1,2\n0.01,1\n', [], /line 3: 2 columns, expected 3/],
    ['an unknown column', table(), ['--x', 'lateral'], /no column "lateral" for medio-lateral/],
    ['no COP columns', 'a,b\n1,2\n3,4\n5,6\n', ['--rate', '100'], /no medio-lateral \(--x\) column found/],
    ['no time and no rate', 'x,y\n1,2\n3,4\n5,6\n', [], /no --rate given and no time column/],
    ['irregular time', 'time,x,y\n0,1,2\n0.01,1,2\n0.05,1,3\n0.06,2,2\n', [], /irregular between samples 1 and 2/],
    ['too few samples to filter', 'time,x,y\n0,1,2\n0.01,1,2\n0.02,1,3\n0.03,2,2\n', [], /more than 15 samples/],
    ['too few samples', 'time,x,y\n0,1,2\n0.01,1,2\n', [], /at least 3 are needed/],
  ])('refuses %s with a clear message', (_what, text, args, message) => {
    const result = run(text, args);
    expect(result.ok ? '' : result.error).toMatch(message);
  });
});

describe('proprio metrics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proprio-metrics-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON and exits 0 for a good file, exits 2 with the reason for a missing one', async () => {
    const file = join(dir, 'trial.csv');
    writeFileSync(file, table(',', 'time,copX,copY', 1));
    let out = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await main(['metrics', file])).toBe(0);
      expect((JSON.parse(out) as Record<string, number>).rmsMm).toBeCloseTo(expected().rmsMm ?? NaN, 6);
      expect(await main(['metrics', join(dir, 'missing.csv')])).toBe(2);
      expect(String(error.mock.calls[0]?.[0])).toMatch(/proprio metrics: cannot read .*missing\.csv: no such file/);
      expect(await main(['metrics', dir])).toBe(2);
      expect(String(error.mock.calls[1]?.[0])).toMatch(/it is a directory/);
    } finally {
      write.mockRestore();
      error.mockRestore();
    }
  });
});
