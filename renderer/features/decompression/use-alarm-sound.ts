/**
 * Sounds the session's alarms (issue 7): the highest unacknowledged priority plays its
 * IEC 60601-1-8 burst for as long as the host reports it, on every screen. The operator may pause
 * the audio of the alarms active now for AUDIO_PAUSE_MS, never longer; an alarm raised later
 * sounds through the pause. Says when the browser holds sound back until a click.
 */
import { useEffect, useRef, useState } from 'react';
import type { AlarmView, DecompressionView } from '../../../api/index.ts';
import { AlarmPlayer } from '../../app/alarm-sound.ts';
import { pauseAudio, soundingPriority, type AudioPause } from '../../app/alarm-pattern.ts';
import { cueVolume } from '../../app/cue-sound.ts';

export interface AlarmSound {
  /** The priority sounding now; null for silence. */
  readonly sounding: AlarmView['priority'] | null;
  /** When the audio pause ends (epoch ms); null when none is running. */
  readonly pausedUntilMs: number | null;
  /** True while a session is under way and the browser holds its sound back. */
  readonly isBlocked: boolean;
  pause(): void;
  unblock(): void;
}

const NO_ALARMS: readonly AlarmView[] = [];

export function useAlarmSound(session: DecompressionView | null): AlarmSound {
  const player = useRef<AlarmPlayer | null>(null);
  const [pause, setPause] = useState<AudioPause | null>(null);
  // The clock the pause is judged by: set when the pause starts and when it runs out, so rendering stays pure.
  const [nowMs, setNowMs] = useState(0);
  const [isBlocked, setBlocked] = useState(false);
  const isActive = session !== null && !session.isOver;
  const alarms = isActive ? session.alarms : NO_ALARMS;
  const sounding = soundingPriority(alarms, pause, nowMs);

  useEffect(() => {
    player.current ??= new AlarmPlayer(cueVolume);
    player.current.sound(sounding);
  }, [sounding]);

  // The pause runs out on its own: what is still unacknowledged then sounds again.
  useEffect(() => {
    if (pause === null) return;
    const timer = setTimeout(() => setNowMs(Math.max(Date.now(), pause.untilMs)), Math.max(0, pause.untilMs - Date.now()));
    return () => clearTimeout(timer);
  }, [pause]);

  useEffect(() => {
    if (!isActive) return;
    player.current ??= new AlarmPlayer(cueVolume);
    return player.current.watchBlocked(setBlocked);
  }, [isActive]);

  useEffect(() => () => player.current?.dispose(), []);

  return {
    sounding,
    pausedUntilMs: pause === null || !isActive || nowMs >= pause.untilMs ? null : pause.untilMs,
    isBlocked: isActive && isBlocked,
    pause: () => {
      const atMs = Date.now();
      setNowMs(atMs);
      setPause(pauseAudio(alarms, atMs));
    },
    unblock: () => void player.current?.unblock(),
  };
}
