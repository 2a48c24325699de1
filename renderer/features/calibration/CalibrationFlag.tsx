/**
 * A device's calibration in force, said in words (issue 8): everywhere a device is used, anything
 * but a passed calibration in date is flagged.
 */
import type { CalibrationStatusView, DeviceRole } from '../../../api/index.ts';
import { dayOf } from '../../app/dates.ts';

const day = (atMs: number | null): string => (atMs === null ? '' : dayOf(atMs));

const DEVICE = { plate: 'force plate', table: 'table load cell' } as const;

export function calibrationText(role: DeviceRole, calibration: CalibrationStatusView): string {
  switch (calibration.status) {
    case 'passed':
      return `Calibrated ${day(calibration.performedAtMs)}, due ${day(calibration.dueAtMs)}`;
    case 'overdue':
      return `The ${DEVICE[role]} calibration is overdue (due ${day(calibration.dueAtMs)})`;
    case 'failed':
      return `The ${DEVICE[role]}'s latest calibration failed (${day(calibration.performedAtMs)})`;
    case 'none':
      return `The ${DEVICE[role]} has never been calibrated`;
  }
}

/** Shown only when the calibration is not passed and in date, with `hint` (where to fix it) below. */
export function CalibrationFlag({ role, calibration, hint }: { readonly role: DeviceRole; readonly calibration: CalibrationStatusView | null | undefined; readonly hint?: string }) {
  if (calibration === null || calibration === undefined || calibration.status === 'passed') return null;
  return (
    <>
      <p className="flag" role="note" data-testid={`${role}-calibration-flag`}>
        {calibrationText(role, calibration)}
        {role === 'plate' ? ': measurements use its nominal sensitivity and are flagged.' : ': no decompression program can start.'}
      </p>
      {hint !== undefined && <p className="hint">{hint}</p>}
    </>
  );
}
