/** The record a finished table load-cell calibration is stored as (CalibrationStore). */
import { dueAtMs } from '../../core/index.ts';
import type { DeviceIdentity } from '../../native-bridge/index.ts';
import type { CalibrationRecord } from './calibration-store.ts';
import type { TableCalibrationOutcome } from './table-procedure.ts';

export const TABLE_PROCEDURE = 'table-zero-span-1';

export function tableCalibrationRecord(
  outcome: TableCalibrationOutcome,
  identity: DeviceIdentity,
  operator: string,
  performedAtMs: number,
  intervalMonths: number,
): CalibrationRecord {
  return {
    device: { kind: 'table', ...identity },
    operator,
    procedure: TABLE_PROCEDURE,
    performedAtMs,
    dueAtMs: dueAtMs(performedAtMs, intervalMonths),
    // The set the calibration puts in force on the table (in force only if isApplied).
    coefficients: { offsetN: outcome.next.offsetN, span: outcome.next.span },
    rawReadings: { points: outcome.points, fullScaleN: outcome.fullScaleN, previous: outcome.previous },
    verification: {
      accuracyMaxPct: outcome.accuracyMaxPct,
      linearityPctFs: outcome.linearityPctFs,
      hysteresisPctFs: Number.isNaN(outcome.hysteresisPctFs) ? null : outcome.hysteresisPctFs,
      failures: outcome.failures,
      hostCorrection: outcome.coefficients,
      isApplied: outcome.isApplied,
      afterApplying: outcome.verification,
    },
    isPassed: outcome.isPassed,
  };
}
