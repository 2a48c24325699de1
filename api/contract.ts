/**
 * The one contract (STYLE.md §1.4): `ApiRequests`, what the host handles, and `ApiEvents`, what
 * the host pushes. The renderer, the WebSocket host and the Electron IPC binding all import this.
 *
 * Adding a method: declare it in a feature file (`api/<feature>/<feature>-methods.ts`, a record of
 * `method<Result>()(paramsSchema)`), spread that record into METHODS below, and implement it in
 * the host's handler table (host/app); the types make a missing handler a compile error.
 */
import type { z } from 'zod';
import type { ApiResponse } from './errors.ts';
import type { MethodSpec } from './method-spec.ts';
import { APP_METHODS } from './app/app-methods.ts';
import { AUTH_METHODS, type AuthStatus } from './auth/auth-methods.ts';
import { BALANCE_METHODS, type BalanceRunView } from './balance/balance-methods.ts';
import { CALIBRATION_METHODS, type PlateWizardView, type TableCalibrationRunView } from './calibration/calibration-methods.ts';
import { DECOMPRESSION_METHODS, type DecompressionView } from './decompression/decompression-methods.ts';
import { HISTORY_METHODS } from './history/history-methods.ts';
import { REPORT_METHODS } from './reports/report-methods.ts';
import { PATIENT_METHODS } from './patients/patient-methods.ts';
import { DEVICE_METHODS } from './devices/device-methods.ts';
import type { DeviceSnapshot } from './devices/device-snapshot.ts';
import { SETTINGS_METHODS, type SettingsView } from './settings/settings-methods.ts';
import { SIMULATOR_METHODS, type SimulatorStatus } from './simulator/simulator-methods.ts';
import type { StreamBatch } from './streams/stream-frame.ts';

/** Every method the host handles, by name: its parameter schema and (as a type) its result. */
export const METHODS = {
  ...APP_METHODS,
  ...AUTH_METHODS,
  ...PATIENT_METHODS,
  ...BALANCE_METHODS,
  ...DECOMPRESSION_METHODS,
  ...HISTORY_METHODS,
  ...CALIBRATION_METHODS,
  ...REPORT_METHODS,
  ...DEVICE_METHODS,
  ...SIMULATOR_METHODS,
  ...SETTINGS_METHODS,
} satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

export type MethodName = keyof typeof METHODS;
export type MethodParams<M extends MethodName> = z.infer<(typeof METHODS)[M]['params']>;
export type MethodResult<M extends MethodName> = (typeof METHODS)[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

/** Requests the host handles. Each resolves to a value or a typed error, and never rejects for an expected failure. */
export type ApiRequests = { [M in MethodName]: (params: MethodParams<M>) => Promise<ApiResponse<MethodResult<M>>> };

/** Events the host pushes to every connected screen. */
export interface ApiEvents {
  /** Someone signed in or out, or the screen locked or unlocked. */
  'auth.changed': AuthStatus;
  /** The balance run moved on (phase, countdown second, cue, result), or null when there is none. */
  'balance.changed': BalanceRunView | null;
  /** The decompression session moved on (phase, reading, alarm), or null when there is none. */
  'decompression.changed': DecompressionView | null;
  /** The device list changed: a link state, a counter (at most a few times a second), an assignment. */
  'devices.changed': readonly DeviceSnapshot[];
  /** The simulator's state changed (a QA action, a device first used). */
  'sim.changed': SimulatorStatus;
  /** The plate calibration wizard moved on (step, live load a few times a second, points taken), or null when closed. */
  'calibration.changed': PlateWizardView | null;
  /** The table calibration moved on (a gauge reading asked for, the live load cell a few times a second), or null when it ended. */
  'calibration.tableChanged': TableCalibrationRunView | null;
  /** An operator changed the settings: every open screen follows (units, volume, lock time). */
  'settings.changed': SettingsView;
  /** Force plate samples, batched (stream frame; see streams/stream-frame.ts). */
  'plate.samples': StreamBatch<'plate.samples'>;
  /** Table telemetry, batched. */
  'table.telemetry': StreamBatch<'table.telemetry'>;
}

export type EventName = keyof ApiEvents;
/** The events sent as JSON; the others travel as binary stream frames. */
export type JsonEventName = 'auth.changed' | 'balance.changed' | 'decompression.changed' | 'devices.changed' | 'sim.changed' | 'calibration.changed' | 'calibration.tableChanged' | 'settings.changed';

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(METHODS, name);
}
