/**
 * STOP and RELEASE while a decompression session is under way: always on screen, above every
 * screen and above the lock cover (issue 7: never locked away from the safety controls). The
 * sounding alarm shows here too, in its IEC 60601-1-8 colour and flash rate, with the time-limited
 * audio pause; and where the browser holds sound back, a banner asks for the click that frees it.
 */
import type { DecompressionView } from '../../../api/index.ts';
import { ALARM_PRESENTATION } from '../../../core/index.ts';
import { ActionMessage } from '../../app/ActionMessage.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useAction } from '../../app/use-action.ts';
import { AUDIO_PAUSE_MS } from '../../app/alarm-pattern.ts';
import { useAlarmSound } from './use-alarm-sound.ts';

const clock = (epochMs: number): string => new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function SafetyBar({ session }: { readonly session: DecompressionView | null }) {
  const client = useClient();
  const action = useAction();
  const sound = useAlarmSound(session);
  if (session === null || session.isOver) return null;
  const top = sound.sounding === null ? undefined : session.alarms.find((a) => a.priority === sound.sounding && !a.isAcknowledged);
  return (
    <div className="safety-bar" role="region" aria-label="Decompression safety controls">
      {sound.isBlocked && (
        <p className="sound-blocked" role="alert">
          The browser holds alarm sounds back until you click.{' '}
          <button type="button" onClick={() => sound.unblock()}>
            Enable alarm sound
          </button>
        </p>
      )}
      {top !== undefined && (
        <p className={`alarm alarm-${top.priority}`} data-testid="sounding-alarm" role="alert">
          {ALARM_PRESENTATION[top.priority].marker} {top.message}
        </p>
      )}
      {top !== undefined && (
        <button type="button" onClick={() => sound.pause()}>
          Pause alarm audio ({AUDIO_PAUSE_MS / 60_000} min)
        </button>
      )}
      {sound.pausedUntilMs !== null && (
        <span data-testid="audio-paused" className="audio-paused">
          Alarm audio paused until {clock(sound.pausedUntilMs)}
        </span>
      )}
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
