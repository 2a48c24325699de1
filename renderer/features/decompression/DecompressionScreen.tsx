/**
 * The decompression console: the prescription and its preview, or the session under way. A table
 * whose load cell calibration is missing, failed or overdue is flagged before anyone prescribes
 * (issue 8); the host refuses to begin a program on it.
 */
import { useDecompression, useDevices } from '../../app/host-hooks.ts';
import type { FrameLoop } from '../../charts/frame-loop.ts';
import { CalibrationFlag } from '../calibration/CalibrationFlag.tsx';
import { PrescriptionPanel } from './PrescriptionPanel.tsx';
import { SessionPanel } from './SessionPanel.tsx';

export function DecompressionScreen({ loop }: { readonly loop: FrameLoop }) {
  const session = useDecompression();
  const table = useDevices().find((device) => device.role === 'table');
  return (
    <div className="screen">
      <h1>Decompression</h1>
      <CalibrationFlag role="table" calibration={table?.calibration} hint="A technician or an admin calibrates it on the Devices screen (“Calibrate the table load cell”)." />
      {session !== null && <SessionPanel session={session} loop={loop} />}
      {(session === null || session.isOver) && <PrescriptionPanel />}
    </div>
  );
}
