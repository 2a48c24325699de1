/**
 * The protocol cues as sounds (issue 4: start and end cues, sound and visual), made with Web Audio:
 * short sine tones, distinct in pitch and length. A browser may keep audio suspended until the
 * page has been clicked; `isBlocked` says so, and `unblock` (from a click) resumes it.
 */
export type CueSound = 'tick' | 'start' | 'end' | 'error';

/** DESIGN: pitch (Hz) and length (ms) of each cue; the start is high and short, the end low and long. */
const TONES: Readonly<Record<CueSound, { readonly hz: number; readonly ms: number }>> = {
  tick: { hz: 880, ms: 90 },
  start: { hz: 1320, ms: 300 },
  end: { hz: 660, ms: 600 },
  error: { hz: 220, ms: 450 },
};
/** DESIGN: a gentle level with a short ramp, so no cue clicks or startles. */
const GAIN = 0.2;
const RAMP_S = 0.01;

let sharedContext: AudioContext | undefined;
let volumeFrac = 1;

/** The cue volume from the settings, 0–1 (clamped). The alarms read it too, under their own floor (alarm-pattern.ts). */
export function setCueVolume(frac: number): void {
  volumeFrac = Number.isFinite(frac) ? Math.min(1, Math.max(0, frac)) : 1;
}

export function cueVolume(): number {
  return volumeFrac;
}

/** The page's one AudioContext: the cues and the alarms (alarm-sound.ts) share it, so one click unblocks both. */
export function sharedAudioContext(): AudioContext {
  sharedContext ??= new AudioContext();
  return sharedContext;
}

export class CuePlayer {
  get isBlocked(): boolean {
    return this.audio().state === 'suspended';
  }

  unblock(): Promise<void> {
    return this.audio().resume();
  }

  play(sound: CueSound): void {
    const audio = this.audio();
    const { hz, ms } = TONES[sound];
    const level = GAIN * volumeFrac;
    const t0 = audio.currentTime;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = hz;
    gain.gain.setValueAtTime(0, t0);
    gain.gain.linearRampToValueAtTime(level, t0 + RAMP_S);
    gain.gain.setValueAtTime(level, t0 + ms / 1000 - RAMP_S);
    gain.gain.linearRampToValueAtTime(0, t0 + ms / 1000);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(t0);
    oscillator.stop(t0 + ms / 1000);
  }

  private audio(): AudioContext {
    return sharedAudioContext();
  }
}
