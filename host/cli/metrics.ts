/**
 * `proprio metrics FILE`: the sway metric set (docs/metrics.md) of a CSV/TSV of COP samples,
 * printed as one JSON object — for checking Proprio against other software and for QA. Bad
 * arguments or files exit with code 2 and a message naming what is wrong.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { computeSwayMetrics, err, ok, type Result } from '../../core/index.ts';
import { numberIn } from './cli-numbers.ts';
import { findColumn, parseSampleTable, type SampleTable } from './metrics-table.ts';

export const METRICS_USAGE = `usage: proprio metrics FILE [--rate HZ] [--x COL] [--y COL] [--time COL] [--units mm|cm|m] [--no-filter]
  FILE        CSV, TSV or semicolon-separated COP samples, one row per sample; header row optional
  --rate      sample rate in Hz, 1-10000 (default: from the time column, which must be regular)
  --x         medio-lateral column, by name or 1-based number (default: copX, cop_x, CoPx, x, ml)
  --y         antero-posterior column (default: copY, cop_y, CoPy, y, ap)
  --time      time column in seconds, used when --rate is absent (default: time, t, time_s)
  --units     unit of the COP columns: mm (default), cm or m
  --no-filter skip the 10 Hz zero-phase low-pass (metrics of the centred trace as given)
Prints one JSON object: the metrics (null where undefined) and "analysis" (how they were made).`;

const X_DEFAULTS = ['copX', 'cop_x', 'CoPx', 'x', 'ml'];
const Y_DEFAULTS = ['copY', 'cop_y', 'CoPy', 'y', 'ap'];
const TIME_DEFAULTS = ['time', 't', 'time_s'];
const MM_PER_UNIT = { mm: 1, cm: 10, m: 1000 } as const;
type LengthUnit = keyof typeof MM_PER_UNIT;
const MAX_RATE_HZ = 10_000;
/** A time column counts as regular when every step is within 1 % of the mean step. */
const TIME_STEP_TOLERANCE_FRAC = 0.01;

export interface MetricsOptions {
  readonly file: string;
  readonly rateHz: number | undefined;
  readonly xColumn: string | undefined;
  readonly yColumn: string | undefined;
  readonly timeColumn: string | undefined;
  readonly units: LengthUnit;
  readonly isFiltered: boolean;
}

export interface MetricsIo {
  readFile(path: string): Result<string, string>;
  stdout(text: string): void;
}

/** The real file system and stdout. */
export const nodeMetricsIo: MetricsIo = {
  readFile(path) {
    try {
      return ok(readFileSync(path, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return err(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(error)}`);
    }
  },
  stdout: (text) => void process.stdout.write(text),
};

export function parseMetricsArgs(argv: readonly string[]): Result<MetricsOptions, string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        rate: { type: 'string' },
        x: { type: 'string' },
        y: { type: 'string' },
        time: { type: 'string' },
        units: { type: 'string', default: 'mm' },
        'no-filter': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return err(positionals.length === 0 ? 'no FILE given' : `one FILE expected, got ${positionals.length}`);
  const units = values.units;
  if (!(units in MM_PER_UNIT)) return err(`--units must be mm, cm or m, not "${units}"`);
  let rateHz: number | undefined;
  if (values.rate !== undefined) {
    const rate = numberIn(values.rate, 1, MAX_RATE_HZ, '--rate');
    if (!rate.ok) return rate;
    rateHz = rate.value;
  }
  return ok({
    file: positionals[0] as string,
    rateHz,
    xColumn: values.x,
    yColumn: values.y,
    timeColumn: values.time,
    units: units as LengthUnit,
    isFiltered: !values['no-filter'],
  });
}

function rateFromTime(table: SampleTable, wanted: string | undefined): Result<number, string> {
  const column = findColumn(table, wanted, TIME_DEFAULTS, 'time');
  if (!column.ok) return err(`no --rate given and ${column.error}`);
  const t = table.columns[column.value] as Float64Array;
  const meanStepS = ((t[t.length - 1] as number) - (t[0] as number)) / (t.length - 1);
  if (!(meanStepS > 0)) return err(`the time column "${table.names[column.value]}" does not increase; give --rate`);
  for (let i = 1; i < t.length; i++) {
    const step = (t[i] as number) - (t[i - 1] as number);
    if (Math.abs(step - meanStepS) > TIME_STEP_TOLERANCE_FRAC * meanStepS) {
      return err(`the time column "${table.names[column.value]}" is irregular between samples ${i} and ${i + 1} (step ${step} s, mean ${meanStepS} s); resample the file or give --rate`);
    }
  }
  return ok(1 / meanStepS);
}

/** Runs the command: the JSON on stdout, or the reason the file or options cannot be used. */
export function runMetrics(options: MetricsOptions, io: MetricsIo): Result<void, string> {
  const text = io.readFile(options.file);
  if (!text.ok) return text;
  const table = parseSampleTable(text.value);
  if (!table.ok) return err(`${options.file}: ${table.error}`);
  if (table.value.rows < 3) return err(`${options.file}: ${table.value.rows} samples; at least 3 are needed`);
  const x = findColumn(table.value, options.xColumn, X_DEFAULTS, 'medio-lateral (--x)');
  const y = findColumn(table.value, options.yColumn, Y_DEFAULTS, 'antero-posterior (--y)');
  if (!x.ok) return err(`${options.file}: ${x.error}`);
  if (!y.ok) return err(`${options.file}: ${y.error}`);
  const rate = options.rateHz === undefined ? rateFromTime(table.value, options.timeColumn) : ok(options.rateHz);
  if (!rate.ok) return err(`${options.file}: ${rate.error}`);
  const scale = MM_PER_UNIT[options.units];
  const result = computeSwayMetrics({
    xMm: (table.value.columns[x.value] as Float64Array).map((v) => v * scale),
    yMm: (table.value.columns[y.value] as Float64Array).map((v) => v * scale),
    sampleRateHz: rate.value,
    isFiltered: options.isFiltered,
  });
  if (!result.ok) return err(`${options.file}: ${result.error}`);
  const analysis = {
    ...result.value.analysis,
    file: options.file,
    xColumn: table.value.names[x.value],
    yColumn: table.value.names[y.value],
    units: options.units,
  };
  io.stdout(`${JSON.stringify({ ...result.value.metrics, analysis }, null, 2)}\n`);
  return ok(undefined);
}
