/**
 * The clinic's settings (api/settings): one row per setting that was ever changed, its value as
 * JSON. A setting never changed reads as its default from the code, so a default chosen later
 * reaches every clinic that kept it. Each change is checked per field against the bounds in the
 * contract, and audited with its old and new values, in one transaction.
 */
import { z } from 'zod';
import {
  CALIBRATION_INTERVAL_MAX_MONTHS,
  CALIBRATION_INTERVAL_MIN_MONTHS,
  CLINIC_NAME_MAX_CHARS,
  DEFAULT_CUE_VOLUME_FRAC,
  DEFAULT_IDLE_LOCK_MS,
  IDLE_LOCK_MAX_MS,
  IDLE_LOCK_MIN_MS,
  LENGTH_UNITS,
  MASS_UNITS,
  type SettingName,
  type SettingsView,
} from '../../api/index.ts';
import { DEFAULT_CALIBRATION_INTERVAL_MONTHS, err, ok, type Result } from '../../core/index.ts';
import { appendAudit } from './audit.ts';
import { checkRefs, inTransaction, parseInput } from './repository-kit.ts';
import type { StorageError } from './storage-errors.ts';
import type { Storage } from './storage.ts';

export type Settings = SettingsView;

export const DEFAULT_SETTINGS: Settings = {
  massUnit: 'kg',
  lengthUnit: 'mm',
  clinicName: '',
  cueVolumeFrac: DEFAULT_CUE_VOLUME_FRAC,
  idleLockMs: DEFAULT_IDLE_LOCK_MS,
  calibrationIntervalMonths: DEFAULT_CALIBRATION_INTERVAL_MONTHS,
};

const MINUTE_MS = 60_000;

/** Each setting's content rule, with the message shown beside its field. */
const settingSchemas = {
  massUnit: z.enum(MASS_UNITS, { error: `must be ${MASS_UNITS.join(' or ')}` }),
  lengthUnit: z.enum(LENGTH_UNITS, { error: `must be ${LENGTH_UNITS.join(' or ')}` }),
  clinicName: z.string().trim().max(CLINIC_NAME_MAX_CHARS, `must be at most ${CLINIC_NAME_MAX_CHARS} characters`),
  cueVolumeFrac: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1'),
  idleLockMs: z
    .number()
    .int({ message: 'must be a whole number of minutes', abort: true })
    .refine((ms) => ms % MINUTE_MS === 0, { message: 'must be a whole number of minutes', abort: true })
    .refine((ms) => ms >= IDLE_LOCK_MIN_MS && ms <= IDLE_LOCK_MAX_MS, `must be from ${IDLE_LOCK_MIN_MS / MINUTE_MS} to ${IDLE_LOCK_MAX_MS / MINUTE_MS} minutes`),
  calibrationIntervalMonths: z
    .number()
    .int({ message: 'must be a whole number of months', abort: true })
    .min(CALIBRATION_INTERVAL_MIN_MONTHS, `must be from ${CALIBRATION_INTERVAL_MIN_MONTHS} to ${CALIBRATION_INTERVAL_MAX_MONTHS} months`)
    .max(CALIBRATION_INTERVAL_MAX_MONTHS, `must be from ${CALIBRATION_INTERVAL_MIN_MONTHS} to ${CALIBRATION_INTERVAL_MAX_MONTHS} months`),
} satisfies { readonly [K in SettingName]: z.ZodType<Settings[K], unknown> };

const settingsPatch = z.strictObject(settingSchemas).partial();

/**
 * The settings in force. A stored value that no longer passes its rule (written by another tool,
 * or a bound tightened since) reads as the default rather than as something unchecked.
 */
export function readSettings(storage: Storage): Settings {
  const rows = storage.db.prepare('SELECT key, value_json FROM settings').all() as { key: string; value_json: string }[];
  const stored: Record<string, unknown> = {};
  for (const { key, value_json } of rows) {
    if (!Object.hasOwn(settingSchemas, key)) continue;
    const parsed = settingSchemas[key as SettingName].safeParse(JSON.parse(value_json));
    if (parsed.success) stored[key] = parsed.data;
  }
  // Each value passed its own setting's schema just above.
  return { ...DEFAULT_SETTINGS, ...(stored as Partial<Settings>) };
}

/**
 * Changes the fields of `patch` (all or none), audited under `operatorId` as `settings-changed`
 * with each changed field's `from` and `to`. A bad field is `invalid-input` with an issue on its
 * path, and nothing is written. Returns the settings now in force.
 */
export function writeSettings(storage: Storage, patch: unknown, operatorId: number | undefined): Result<Settings, StorageError> {
  const parsed = parseInput(settingsPatch, patch);
  if (!parsed.ok) return parsed;
  const missing = checkRefs(storage, [['operator', operatorId]]);
  if (missing !== undefined) return err(missing);
  return inTransaction(storage, () => {
    const before = readSettings(storage);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const upsert = storage.db.prepare(
      'INSERT INTO settings (key, value_json, updated_at_ms) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at_ms = excluded.updated_at_ms',
    );
    for (const [key, value] of Object.entries(parsed.value) as [SettingName, Settings[SettingName] | undefined][]) {
      if (value === undefined || value === before[key]) continue;
      upsert.run(key, JSON.stringify(value), storage.nowMs());
      changes[key] = { from: before[key], to: value };
    }
    if (Object.keys(changes).length > 0) {
      appendAudit(storage, { operatorId, action: 'settings-changed', entity: 'settings', entityId: undefined, detail: changes });
    }
    return ok(readSettings(storage));
  });
}
