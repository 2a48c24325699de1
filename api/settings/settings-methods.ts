/**
 * The clinic's settings (issue 7 "settings: units, clinic name for reports, cue volume, idle lock
 * time"; issue 8 "due date (interval in settings, 12 months by default)"). One set per clinic
 * database. Stored and sent in SI (ms, fractions); the units only choose how the screens show
 * masses, forces and lengths.
 *
 * Who changes what: the clinic name, the idle lock and the calibration interval are the clinic's
 * policy (admins); units and cue volume are a matter of taste at the screen (any operator).
 */
import { z } from 'zod';
import { method } from '../method-spec.ts';

export const MASS_UNITS = ['kg', 'lb'] as const;
export type MassUnit = (typeof MASS_UNITS)[number];
export const LENGTH_UNITS = ['mm', 'cm'] as const;
export type LengthUnit = (typeof LENGTH_UNITS)[number];

export interface SettingsView {
  /** Masses in kg or lb; forces follow it as kgf or lbf. */
  readonly massUnit: MassUnit;
  /** Sway lengths in mm or cm (areas in mm² or cm²). */
  readonly lengthUnit: LengthUnit;
  /** Printed on session reports and calibration certificates; '' prints none. */
  readonly clinicName: string;
  /** Cue and alarm sound level, 0 (silent) to 1 (full). */
  readonly cueVolumeFrac: number;
  /** Idle time after which the screen locks. */
  readonly idleLockMs: number;
  /** A calibration is due this many months after it was done. */
  readonly calibrationIntervalMonths: number;
}

export type SettingName = keyof SettingsView;

/** Fields only an admin may change; the others any operator at an unlocked screen. */
export const ADMIN_SETTINGS: readonly SettingName[] = ['clinicName', 'idleLockMs', 'calibrationIntervalMonths'];

/** DESIGN: a name that fits one line of a report header. */
export const CLINIC_NAME_MAX_CHARS = 80;
/** DESIGN: audible but calm until the clinic chooses otherwise. */
export const DEFAULT_CUE_VOLUME_FRAC = 0.6;
/** DESIGN: one minute at least (shorter locks a therapist out mid-instruction); an hour at most (a screen left open longer is unattended). */
export const IDLE_LOCK_MIN_MS = 60_000;
export const IDLE_LOCK_MAX_MS = 60 * 60_000;
/** DESIGN: ten minutes without a call locks the screen. */
export const DEFAULT_IDLE_LOCK_MS = 10 * 60_000;
/** DESIGN: monthly at the most, every two years at the least (twice the usual annual interval, core DEFAULT_CALIBRATION_INTERVAL_MONTHS). */
export const CALIBRATION_INTERVAL_MIN_MONTHS = 1;
export const CALIBRATION_INTERVAL_MAX_MONTHS = 24;

/** Shapes only: the host checks each field's content and answers with a message per field. */
const settingsPatch = z.strictObject({
  massUnit: z.string().max(10).optional(),
  lengthUnit: z.string().max(10).optional(),
  clinicName: z.string().max(1000).optional(),
  cueVolumeFrac: z.number().optional(),
  idleLockMs: z.number().optional(),
  calibrationIntervalMonths: z.number().optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const SETTINGS_METHODS = {
  /** The settings in force (any signed-in operator, even on a locked screen: it shows the lock time). */
  'settings.get': method<SettingsView>()(z.strictObject({})),
  /** Changes the given fields only, all or none; answers with the settings now in force and pushes `settings.changed`. */
  'settings.update': method<SettingsView>()(settingsPatch),
};
