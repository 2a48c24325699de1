/**
 * Whether a device may be trusted now: its latest calibration, its due date, and the status every
 * place that uses the device shows (live view, protocol runner, report; the table's start check).
 *
 *   no record ──► uncalibrated
 *   latest failed ──► failed
 *   latest passed, now ≥ due ──► overdue
 *   latest passed, now < due ──► ok
 */
import { assertNever } from '../bug.ts';

/**
 * Default interval between calibrations, months. Issue 8 ("12 months by default"); annual
 * recalibration is the usual practice for strain-gauge force measuring equipment. Settings may
 * change it.
 */
export const DEFAULT_CALIBRATION_INTERVAL_MONTHS = 12;

export interface CalibrationSummary {
  readonly isPassed: boolean;
  readonly calibratedAtMs: number;
  readonly dueAtMs: number;
}

export type CalibrationStatus =
  | { readonly kind: 'uncalibrated' }
  | { readonly kind: 'failed'; readonly calibratedAtMs: number }
  | { readonly kind: 'overdue'; readonly dueAtMs: number }
  | { readonly kind: 'ok'; readonly dueAtMs: number };

/**
 * The due date: the same day of the month `intervalMonths` later, UTC (clamped to the month's
 * last day: 31 Jan + 1 month → 28/29 Feb). Pure calendar arithmetic on epoch milliseconds.
 */
export function dueAtMs(calibratedAtMs: number, intervalMonths = DEFAULT_CALIBRATION_INTERVAL_MONTHS): number {
  const at = new Date(calibratedAtMs);
  const monthIndex = at.getUTCMonth() + intervalMonths;
  const year = at.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(at.getUTCDate(), lastDay), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds());
}

export function calibrationStatus(latest: CalibrationSummary | undefined, nowMs: number): CalibrationStatus {
  if (latest === undefined) return { kind: 'uncalibrated' };
  if (!latest.isPassed) return { kind: 'failed', calibratedAtMs: latest.calibratedAtMs };
  if (nowMs >= latest.dueAtMs) return { kind: 'overdue', dueAtMs: latest.dueAtMs };
  return { kind: 'ok', dueAtMs: latest.dueAtMs };
}

/** Whether measurements may go ahead without a flag (plate) or at all (table start check). */
export function isCalibrationInForce(status: CalibrationStatus): boolean {
  switch (status.kind) {
    case 'ok':
      return true;
    case 'uncalibrated':
    case 'failed':
    case 'overdue':
      return false;
    default:
      return assertNever(status, 'calibration status');
  }
}
