/** The decompression console: the prescription and its preview, or the session under way. */
import { useDecompression } from '../../app/host-hooks.ts';
import { PrescriptionPanel } from './PrescriptionPanel.tsx';
import { SessionPanel } from './SessionPanel.tsx';

export function DecompressionScreen() {
  const session = useDecompression();
  return (
    <div className="screen">
      <h1>Decompression</h1>
      {session !== null && <SessionPanel session={session} />}
      {(session === null || session.isOver) && <PrescriptionPanel />}
    </div>
  );
}
