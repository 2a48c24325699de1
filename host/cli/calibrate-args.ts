/**
 * `proprio calibrate plate|table` arguments and the points file (JSON), checked before any device
 * is touched: every problem is a message naming the option, the file or the point.
 *
 * Plate file: `{ "gravityMps2"?: number, "points": [{ "id", "massKg", "xMm", "yMm", "role": "fit"|"verify" }] }`.
 * Table file: `{ "levelsN": [number…] }`, the reference loads swept up then down.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CALIBRATION_INTERVAL_MAX_MONTHS, CALIBRATION_INTERVAL_MIN_MONTHS } from '../../api/index.ts';
import { DEFAULT_CALIBRATION_INTERVAL_MONTHS, err, ok, STANDARD_GRAVITY_MPS2, type PlatePoint, type Result } from '../../core/index.ts';
import { parsePortSpec } from '../../native-bridge/index.ts';
import { integerIn } from './cli-numbers.ts';

export const CALIBRATE_USAGE = `usage: proprio calibrate plate|table --port SPEC --points FILE.json [--db PATH] [--operator NAME] [--interval-months N] [--json]
  plate|table        which device to calibrate
  --port SPEC        a serial device, tcp://host:port, or sim:plate / sim:table (the simulator places the loads itself)
  --points FILE.json plate: {"points":[{"id","massKg","xMm","yMm","role":"fit"|"verify"}…], "gravityMps2"?}
                     table: {"levelsN":[N…]} reference loads, swept up then down
  --db PATH          store the result in this Proprio database (nothing is stored for an aborted procedure)
  --operator NAME    technician's login name recorded with the result (default "qa")
  --interval-months  months until the next calibration is due, ${CALIBRATION_INTERVAL_MIN_MONTHS}-${CALIBRATION_INTERVAL_MAX_MONTHS} (default: the clinic's setting in --db, else ${DEFAULT_CALIBRATION_INTERVAL_MONTHS})
  --json             print the result as JSON
exit status: 0 passed, 1 completed but failed its tolerances, 2 bad input or procedure aborted (nothing stored)`;

export interface CalibrateOptions {
  readonly device: 'plate' | 'table';
  readonly port: string;
  readonly pointsFile: string;
  readonly dbPath: string | undefined;
  readonly operator: string;
  readonly intervalMonths: number;
  readonly json: boolean;
}

/** The arguments as given: without --interval-months, the interval comes from the database (`withInterval`). */
export interface CalibrateArgs extends Omit<CalibrateOptions, 'intervalMonths'> {
  readonly intervalMonths: number | undefined;
}

/** The interval: the flag's, else the clinic's setting (`databaseMonths`, when --db is given), else the default. */
export function withInterval(args: CalibrateArgs, databaseMonths: number | undefined): CalibrateOptions {
  return { ...args, intervalMonths: args.intervalMonths ?? databaseMonths ?? DEFAULT_CALIBRATION_INTERVAL_MONTHS };
}

export function parseCalibrateArgs(argv: readonly string[]): Result<CalibrateArgs, string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        points: { type: 'string' },
        db: { type: 'string' },
        operator: { type: 'string', default: 'qa' },
        'interval-months': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const device = positionals[0];
  if (positionals.length !== 1 || (device !== 'plate' && device !== 'table')) return err('say which device: calibrate plate or calibrate table');
  if (values.port === undefined) return err('--port SPEC is required');
  if (values.points === undefined) return err('--points FILE.json is required');
  const spec = parsePortSpec(values.port);
  if (!spec.ok) return spec;
  if (spec.value.kind === 'sim' && spec.value.device !== device) return err(`${values.port} is a ${spec.value.device}, not a ${device}`);
  if (!/^[a-z0-9._-]{1,64}$/i.test(values.operator)) return err(`--operator must be a login name (letters, digits, . _ -), not "${values.operator}"`);
  const intervalText = values['interval-months'];
  // The same bounds as the clinic's setting (api/settings).
  const intervalMonths = intervalText === undefined ? ok(undefined) : integerIn(intervalText, CALIBRATION_INTERVAL_MIN_MONTHS, CALIBRATION_INTERVAL_MAX_MONTHS, '--interval-months');
  if (!intervalMonths.ok) return intervalMonths;
  return ok({
    device,
    port: values.port,
    pointsFile: values.points,
    dbPath: values.db,
    operator: values.operator,
    intervalMonths: intervalMonths.value,
    json: values.json,
  });
}

const platePointsFile = z.strictObject({
  gravityMps2: z.number().min(9.7).max(9.9).default(STANDARD_GRAVITY_MPS2),
  points: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(40),
        massKg: z.number(),
        xMm: z.number(),
        yMm: z.number(),
        role: z.enum(['fit', 'verify']),
      }),
    )
    .min(1),
});

const tablePointsFile = z.strictObject({ levelsN: z.array(z.number().positive()).min(2) });

export interface PlatePlanFile {
  readonly gravityMps2: number;
  readonly points: readonly PlatePoint[];
}

function readJson(path: string): Result<unknown, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return err(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return err(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, path: string): Result<T, string> {
  const json = readJson(path);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return ok(parsed.data);
  return err(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ')}`);
}

/** Reads a plate plan; the plan's rules (masses, positions, coverage) are checked by the session. */
export function readPlatePlanFile(path: string): Result<PlatePlanFile, string> {
  return parseWith(platePointsFile, path);
}

export function readTableLevelsFile(path: string): Result<readonly number[], string> {
  const parsed = parseWith(tablePointsFile, path);
  return parsed.ok ? ok(parsed.value.levelsN) : parsed;
}
