/**
 * The alarm sounds (issue 7) with Web Audio: the IEC 60601-1-8 burst of one priority at a time
 * (alarm-pattern.ts), repeated until told otherwise. Bursts are scheduled on the audio clock a
 * little ahead, so a busy or throttled tab delays the next burst, never the pulses inside one.
 * The AudioContext is the cues' (cue-sound.ts), so one click unblocks both.
 */
import type { AlarmPriority } from '../../core/index.ts';
import { ALARM_BURSTS, alarmGain, HARMONIC_AMPLITUDES } from './alarm-pattern.ts';
import { sharedAudioContext } from './cue-sound.ts';

/** DESIGN: bursts are scheduled this far ahead of the audio clock, checked this often. */
const LOOKAHEAD_S = 0.5;
const SCHEDULE_EVERY_MS = 200;
/** DESIGN: each pulse rises and falls over 10 ms, so it does not click. */
const EDGE_S = 0.01;

export class AlarmPlayer {
  private priority: AlarmPriority | null = null;
  private nextBurstS = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private wave: PeriodicWave | undefined;
  private readonly scheduled = new Set<OscillatorNode>();

  /** `volume` reads the cue volume (0–1) at each burst; alarm-pattern.ts's floor applies on top. */
  constructor(private readonly volume: () => number) {}

  /** Calls `listener` now and whenever the browser blocks (holds audio back until the page is clicked) or unblocks audio; returns the function that stops it. */
  watchBlocked(listener: (isBlocked: boolean) => void): () => void {
    const audio = sharedAudioContext();
    const changed = (): void => listener(audio.state === 'suspended');
    audio.addEventListener('statechange', changed);
    changed();
    return () => audio.removeEventListener('statechange', changed);
  }

  unblock(): Promise<void> {
    return sharedAudioContext().resume();
  }

  /** Sounds `priority`'s burst from now on, repeating; null for silence. A change cuts the burst under way. */
  sound(priority: AlarmPriority | null): void {
    if (priority === this.priority) return;
    this.silence();
    this.priority = priority;
    if (priority === null) return;
    this.nextBurstS = sharedAudioContext().currentTime;
    this.scheduleDue();
    this.timer = setInterval(() => this.scheduleDue(), SCHEDULE_EVERY_MS);
  }

  dispose(): void {
    this.sound(null);
  }

  private silence(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const oscillator of this.scheduled) oscillator.stop();
    this.scheduled.clear();
  }

  private scheduleDue(): void {
    const audio = sharedAudioContext();
    const priority = this.priority;
    if (priority === null) return;
    const burst = ALARM_BURSTS[priority];
    // After a stall (tab in the background, audio suspended) start afresh instead of catching up.
    if (this.nextBurstS < audio.currentTime) this.nextBurstS = audio.currentTime;
    while (this.nextBurstS < audio.currentTime + LOOKAHEAD_S) {
      this.scheduleBurst(audio, priority, this.nextBurstS);
      this.nextBurstS += burst.repeatMs / 1000;
    }
  }

  private scheduleBurst(audio: AudioContext, priority: AlarmPriority, t0: number): void {
    const { pulses, fundamentalHz } = ALARM_BURSTS[priority];
    const level = alarmGain(priority, this.volume());
    const oscillator = audio.createOscillator();
    this.wave ??= audio.createPeriodicWave(Float32Array.from([0, ...HARMONIC_AMPLITUDES.map(() => 0)]), Float32Array.from([0, ...HARMONIC_AMPLITUDES]));
    oscillator.setPeriodicWave(this.wave);
    oscillator.frequency.value = fundamentalHz;
    const gain = audio.createGain();
    gain.gain.setValueAtTime(0, t0);
    let endS = t0;
    for (const pulse of pulses) {
      const onS = t0 + pulse.startMs / 1000;
      endS = onS + pulse.durationMs / 1000;
      gain.gain.setValueAtTime(0, onS);
      gain.gain.linearRampToValueAtTime(level, onS + EDGE_S);
      gain.gain.setValueAtTime(level, endS - EDGE_S);
      gain.gain.linearRampToValueAtTime(0, endS);
    }
    oscillator.connect(gain).connect(audio.destination);
    oscillator.onended = () => this.scheduled.delete(oscillator);
    this.scheduled.add(oscillator);
    oscillator.start(t0);
    oscillator.stop(endS);
  }
}
