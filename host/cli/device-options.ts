/**
 * The options every way of opening the clinic app shares (`proprio web`, `proprio start`, the
 * Electron main process): which database, whether the simulated devices connect at start, how
 * much faster they run, and the simulator's seed. Checked once, here, with the same rules and
 * messages whichever door they came through.
 */
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../../core/index.ts';
import { integerIn, numberIn } from './cli-numbers.ts';

/** The fastest compression allowed: an hour-long program in under four seconds of a test. */
export const TIME_SCALE_MAX = 1000;

export interface DeviceOptions {
  /** The database file; undefined for the app's own (`<user data>/proprio.sqlite`). */
  readonly dbPath: string | undefined;
  readonly simulate: boolean;
  readonly timeScale: number;
  readonly seed: number;
}

/** Option definitions for node:util parseArgs. */
export const DEVICE_OPTION_SPECS = {
  db: { type: 'string' },
  simulate: { type: 'boolean', default: false },
  'time-scale': { type: 'string', default: '1' },
  seed: { type: 'string', default: '1' },
} as const;

export interface RawDeviceOptions {
  readonly db?: string | undefined;
  readonly simulate?: boolean | undefined;
  readonly 'time-scale'?: string | undefined;
  readonly seed?: string | undefined;
}

export function checkDeviceOptions(values: RawDeviceOptions): Result<DeviceOptions, string> {
  const timeScale = numberIn(values['time-scale'] ?? '1', 1, TIME_SCALE_MAX, '--time-scale');
  const seed = integerIn(values.seed ?? '1', 0, 4294967295, '--seed');
  if (!timeScale.ok) return timeScale;
  if (!seed.ok) return seed;
  const simulate = values.simulate ?? false;
  if (timeScale.value !== 1 && !simulate) return err('--time-scale runs devices faster, which is allowed only with simulated devices: add --simulate');
  if (values.db !== undefined && values.db.trim() === '') return err('--db needs a file path');
  return ok({ dbPath: values.db, simulate, timeScale: timeScale.value, seed: seed.value });
}

/**
 * The device options from the Electron main process's command line, which also carries Chromium's
 * own switches (`--no-sandbox`, …) and the app's path: those are left alone, ours are checked.
 */
export function parseShellDeviceOptions(argv: readonly string[]): Result<DeviceOptions, string> {
  const { values } = parseArgs({ args: [...argv], strict: false, allowPositionals: true, options: DEVICE_OPTION_SPECS });
  const text = (value: string | boolean | undefined, name: string): Result<string | undefined, string> =>
    typeof value === 'boolean' ? err(`--${name} needs a value`) : ok(value);
  const db = text(values.db, 'db');
  const timeScale = text(values['time-scale'], 'time-scale');
  const seed = text(values.seed, 'seed');
  if (!db.ok) return db;
  if (!timeScale.ok) return timeScale;
  if (!seed.ok) return seed;
  if (typeof values.simulate === 'string') return err('--simulate takes no value');
  return checkDeviceOptions({ db: db.value, simulate: values.simulate, 'time-scale': timeScale.value, seed: seed.value });
}
