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

export class CuePlayer {
  private context: AudioContext | undefined;

  get isBlocked(): boolean {
    return this.audio().state === 'suspended';
  }

  unblock(): Promise<void> {
    return this.audio().resume();
  }

  play(sound: CueSound): void {
    const audio = this.audio();
    const { hz, ms } = TONES[sound];
    const t0 = audio.currentTime;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = hz;
    gain.gain.setValueAtTime(0, t0);
    gain.gain.linearRampToValueAtTime(GAIN, t0 + RAMP_S);
    gain.gain.setValueAtTime(GAIN, t0 + ms / 1000 - RAMP_S);
    gain.gain.linearRampToValueAtTime(0, t0 + ms / 1000);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(t0);
    oscillator.stop(t0 + ms / 1000);
  }

  private audio(): AudioContext {
    this.context ??= new AudioContext();
    return this.context;
  }
}
