/**
 * A device's calibrations, newest first, each with its certificate as PDF (issue 8: history per
 * device), and a way back to an earlier passed one: "Make this one current" asks for confirmation,
 * then the host stores it again as a new record (audited, never valid for longer than it was).
 */
import { useEffect, useState } from 'react';
import type { CalibrationRecordView, DeviceRole } from '../../../api/index.ts';
import { ActionMessage } from '../../app/ActionMessage.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useAction } from '../../app/use-action.ts';
import { dayOf } from '../../app/dates.ts';
import { saveCertificate } from './save-certificate.ts';

/** `latestId` changes when a new calibration is stored, which reloads the list. */
export function CalibrationHistory({ role, latestId }: { readonly role: DeviceRole; readonly latestId: number | null }) {
  const client = useClient();
  const action = useAction();
  const [records, setRecords] = useState<readonly CalibrationRecordView[]>([]);
  const [confirming, setConfirming] = useState<number | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void client.call('calibration.history', { role }).then((r) => isCurrent && r.ok && setRecords(r.value));
    return () => {
      isCurrent = false;
    };
  }, [client, role, latestId]);
  if (records.length === 0) return null;
  const rollback = (calibrationId: number): void => {
    setConfirming(null);
    action.run(() => client.call('calibration.rollback', { role, calibrationId }));
  };
  return (
    <>
      <table className="list" data-testid={`${role}-calibration-history`}>
        <caption className="hint">Calibration history</caption>
        <thead>
          <tr>
            <th scope="col">Performed</th>
            <th scope="col">Due</th>
            <th scope="col">Result</th>
            <th scope="col">Procedure</th>
            <th scope="col">Technician</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {records.map((c, index) => (
            <tr key={c.id}>
              <td>{dayOf(c.performedAtMs)}</td>
              <td>{dayOf(c.dueAtMs)}</td>
              <td>{index === 0 ? `${c.isPassed ? 'passed' : 'failed'} (latest)` : c.isPassed ? 'passed' : 'failed'}</td>
              <td>{c.procedure}</td>
              <td>{c.operator}</td>
              <td className="row">
                <button type="button" disabled={action.isBusy} onClick={() => action.run(() => saveCertificate(client, c.id))}>
                  Certificate (PDF) #{c.id}
                </button>
                {index > 0 && c.isPassed && confirming !== c.id && (
                  <button type="button" disabled={action.isBusy} onClick={() => setConfirming(c.id)}>
                    Make this one current #{c.id}
                  </button>
                )}
                {confirming === c.id && (
                  <span role="group" aria-label={`Confirm the rollback to #${c.id}`}>
                    Put #{c.id} back in force, due {dayOf(c.dueAtMs)}?{' '}
                    <button type="button" disabled={action.isBusy} onClick={() => rollback(c.id)}>
                      Yes, make #{c.id} current
                    </button>{' '}
                    <button type="button" onClick={() => setConfirming(null)}>
                      No
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ActionMessage action={action} />
    </>
  );
}
