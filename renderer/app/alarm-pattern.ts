/**
 * What the alarm sounds are, as data (issue 7; shared/reference/decompression.md §5.2 and §7.2):
 * the IEC 60601-1-8 burst of each priority (pulses, spacing, repetition, pitch and harmonics),
 * which alarm sounds now (the highest unacknowledged one whose audio is not paused), the audio
 * pause with its time limit, and the level, which never lets a high-priority alarm go silent.
 * Pure and clock-free: alarm-sound.ts plays it with Web Audio. Times in ms, pitch in Hz, gains 0–1.
 * Numbers marked "restated" come from manufacturers restating the standard — verify before release.
 */
import { ALARM_PRESENTATION, type AlarmPriority } from '../../core/index.ts';

/** One pulse of a burst, from the burst's start. */
export interface Pulse {
  readonly startMs: number;
  readonly durationMs: number;
}

export interface BurstPattern {
  readonly pulses: readonly Pulse[];
  /** From the start of one burst to the start of the next. */
  readonly repeatMs: number;
  readonly fundamentalHz: number;
}

/** High pulse on 80–150 ms (TI DAC53401 60601-1-8 patterns, ref §5.2). DESIGN: 120 ms inside it. */
const HIGH_PULSE_MS = 120;
/** High pulse off 15–80 ms (TI DAC53401, ref §5.2). DESIGN: 50 ms inside it. */
const HIGH_PULSE_GAP_MS = 50;
/**
 * High is heard as 3+2, 3+2 (ref §5.2, restated); the reference gives no pause lengths between
 * the groups. DESIGN: a longer pause between 3 and 2, a longer one again between the halves.
 */
const HIGH_GROUP_GAP_MS = 220;
const HIGH_HALF_GAP_MS = 400;
/** High burst repeat 2.55–3.80 s (TI DAC53401, ref §5.2). DESIGN: 3.0 s inside it. */
const HIGH_REPEAT_MS = 3_000;
/** Medium pulse on 130–200 ms, off 40–100 ms, repeat 2.60–4.00 s (TI DAC53401, ref §5.2). DESIGN: values inside them. */
const MEDIUM_PULSE_MS = 180;
const MEDIUM_PULSE_GAP_MS = 70;
const MEDIUM_REPEAT_MS = 3_800;
/** Low repeat 16 s (TI DAC53401, ref §5.2). Its pulse length is not given: DESIGN, the medium pulse. */
const LOW_PULSE_MS = MEDIUM_PULSE_MS;
const LOW_REPEAT_MS = 16_000;

/**
 * Fundamental 150–1000 Hz (ref §5.2, restated). DESIGN: a lower pitch for a lower priority, each
 * low enough that its 2nd to 5th harmonics stay inside 300–4000 Hz.
 */
const FUNDAMENTAL_HZ: Readonly<Record<AlarmPriority, number>> = { high: 660, medium: 523, low: 440 };

/**
 * Amplitudes of the fundamental and harmonics 2–5: at least 4 harmonics in 300–4000 Hz, each
 * within ±15 dB of the fundamental (ref §5.2, restated). DESIGN: a falling series, 0 to −10.5 dB.
 */
export const HARMONIC_AMPLITUDES: readonly number[] = [1, 0.6, 0.45, 0.35, 0.3];

/** Pulses laid end to end: each entry is the pause before the next pulse (none after the last). */
function pulseTrain(pulseMs: number, pausesMs: readonly number[]): Pulse[] {
  const pulses: Pulse[] = [];
  let atMs = 0;
  for (let i = 0; i <= pausesMs.length; i++) {
    pulses.push({ startMs: atMs, durationMs: pulseMs });
    atMs += pulseMs + (pausesMs[i] ?? 0);
  }
  return pulses;
}

const g = HIGH_PULSE_GAP_MS;
const HIGH_PAUSES_MS = [g, g, HIGH_GROUP_GAP_MS, g, HIGH_HALF_GAP_MS, g, g, HIGH_GROUP_GAP_MS, g];
const MEDIUM_PAUSES_MS = Array.from({ length: ALARM_PRESENTATION.medium.burstPulses - 1 }, () => MEDIUM_PULSE_GAP_MS);

/** The burst of each priority; pulse counts from core's ALARM_PRESENTATION (10, 3, 1). */
export const ALARM_BURSTS: Readonly<Record<AlarmPriority, BurstPattern>> = {
  high: { pulses: pulseTrain(HIGH_PULSE_MS, HIGH_PAUSES_MS), repeatMs: HIGH_REPEAT_MS, fundamentalHz: FUNDAMENTAL_HZ.high },
  medium: { pulses: pulseTrain(MEDIUM_PULSE_MS, MEDIUM_PAUSES_MS), repeatMs: MEDIUM_REPEAT_MS, fundamentalHz: FUNDAMENTAL_HZ.medium },
  low: { pulses: pulseTrain(LOW_PULSE_MS, []), repeatMs: LOW_REPEAT_MS, fundamentalHz: FUNDAMENTAL_HZ.low },
};

/**
 * How long the operator can pause an alarm's audio: 2 min (ref §7.1 AUDIO_PAUSE_S 120; Dräger
 * Infinity's audio pause, ref §5.2). Then it sounds again; it can never be switched off for good.
 */
export const AUDIO_PAUSE_MS = 120_000;

/** An audio pause: the alarms it covers and when it ends. An alarm raised later sounds through it (Dräger, ref §5.2). */
export interface AudioPause {
  readonly untilMs: number;
  readonly conditions: readonly string[];
}

export interface SoundingAlarm {
  readonly condition: string;
  readonly priority: AlarmPriority;
  readonly isAcknowledged: boolean;
}

const RANK: Readonly<Record<AlarmPriority, number>> = { high: 3, medium: 2, low: 1 };

/** Pauses the audio of every alarm active now, for AUDIO_PAUSE_MS. */
export function pauseAudio(alarms: readonly SoundingAlarm[], nowMs: number): AudioPause {
  return { untilMs: nowMs + AUDIO_PAUSE_MS, conditions: alarms.map((a) => a.condition) };
}

/** The priority to sound now: the highest among unacknowledged alarms not covered by a pause still running; null for silence. */
export function soundingPriority(alarms: readonly SoundingAlarm[], pause: AudioPause | null, nowMs: number): AlarmPriority | null {
  const isPaused = (condition: string): boolean => pause !== null && nowMs < pause.untilMs && pause.conditions.includes(condition);
  let best: AlarmPriority | null = null;
  for (const alarm of alarms) {
    if (alarm.isAcknowledged || isPaused(alarm.condition)) continue;
    if (best === null || RANK[alarm.priority] > RANK[best]) best = alarm.priority;
  }
  return best;
}

/**
 * The lowest level of each priority whatever the cue volume: a high-priority alarm can be paused
 * for a while but never muted (issue 7). DESIGN: high half scale, medium a quarter; low follows
 * the volume down to silence (discomfort only, ref §5.2).
 */
const ALARM_FLOOR_GAIN: Readonly<Record<AlarmPriority, number>> = { high: 0.5, medium: 0.25, low: 0 };

/** The alarm's level for a cue volume (0–1, clamped). */
export function alarmGain(priority: AlarmPriority, cueVolume: number): number {
  const volume = Number.isFinite(cueVolume) ? Math.min(1, Math.max(0, cueVolume)) : 1;
  return Math.max(ALARM_FLOOR_GAIN[priority], volume);
}
