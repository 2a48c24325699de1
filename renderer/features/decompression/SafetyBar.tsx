/**
 * STOP and RELEASE while a decompression session is under way: always on screen, above every
 * screen and above the lock cover (issue 7: never locked away from the safety controls).
 */
import type { DecompressionView } from '../../../api/index.ts';
import { ActionMessage } from '../../app/ActionMessage.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useAction } from '../../app/use-action.ts';

export function SafetyBar({ session }: { readonly session: DecompressionView | null }) {
  const client = useClient();
  const action = useAction();
  if (session === null || session.isOver) return null;
  return (
    <div className="safety-bar" role="region" aria-label="Decompression safety controls">
      <button type="button" className="stop" onClick={() => action.run(() => client.call('decompression.operator', { input: 'stop' }))}>
        STOP
      </button>
      <button type="button" className="release" onClick={() => action.run(() => client.call('decompression.operator', { input: 'release' }))}>
        RELEASE now
      </button>
      <ActionMessage action={action} />
    </div>
  );
}
