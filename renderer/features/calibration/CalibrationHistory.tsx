/** A device's calibrations, newest first, each with its certificate as PDF (issue 8: history per device). */
import { useEffect, useState } from 'react';
import type { CalibrationRecordView, DeviceRole } from '../../../api/index.ts';
import { ActionMessage } from '../../app/ActionMessage.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { savePdf } from '../../app/save-pdf.ts';
import { useAction } from '../../app/use-action.ts';
import { dayOf } from '../../app/dates.ts';

/** `latestId` changes when a new calibration is stored, which reloads the list. */
export function CalibrationHistory({ role, latestId }: { readonly role: DeviceRole; readonly latestId: number | null }) {
  const client = useClient();
  const action = useAction();
  const [records, setRecords] = useState<readonly CalibrationRecordView[]>([]);
  useEffect(() => {
    let isCurrent = true;
    void client.call('calibration.history', { role }).then((r) => isCurrent && r.ok && setRecords(r.value));
    return () => {
      isCurrent = false;
    };
  }, [client, role, latestId]);
  if (records.length === 0) return null;
  return (
    <>
      <table className="list" data-testid={`${role}-calibration-history`}>
        <caption className="hint">Calibration history</caption>
        <thead>
          <tr>
            <th scope="col">Performed</th>
            <th scope="col">Due</th>
            <th scope="col">Result</th>
            <th scope="col">Technician</th>
            <th scope="col">Certificate</th>
          </tr>
        </thead>
        <tbody>
          {records.map((c) => (
            <tr key={c.id}>
              <td>{dayOf(c.performedAtMs)}</td>
              <td>{dayOf(c.dueAtMs)}</td>
              <td>{c.isPassed ? 'passed' : 'failed'}</td>
              <td>{c.operator}</td>
              <td>
                <button
                  type="button"
                  disabled={action.isBusy}
                  onClick={() =>
                    action.run(async () => {
                      const pdf = await client.call('reports.calibration', { calibrationId: c.id });
                      if (pdf.ok) savePdf(pdf.value);
                      return pdf;
                    })
                  }
                >
                  Certificate (PDF) #{c.id}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ActionMessage action={action} />
    </>
  );
}
