import { describe, expect, it } from 'vitest';
import { ALARM_BURSTS, alarmGain, AUDIO_PAUSE_MS, HARMONIC_AMPLITUDES, pauseAudio, soundingPriority, type Pulse, type SoundingAlarm } from './alarm-pattern.ts';

const gapsMs = (pulses: readonly Pulse[]): number[] => pulses.slice(1).map((p, i) => p.startMs - ((pulses[i] as Pulse).startMs + (pulses[i] as Pulse).durationMs));
const burstEndMs = (pulses: readonly Pulse[]): number => Math.max(...pulses.map((p) => p.startMs + p.durationMs));

describe('IEC 60601-1-8 bursts (ref §5.2)', () => {
  it('high: 10 pulses of 80–150 ms heard as 3+2, 3+2, repeated every 2.55–3.80 s', () => {
    const { pulses, repeatMs } = ALARM_BURSTS.high;
    expect(pulses).toHaveLength(10);
    for (const p of pulses) {
      expect(p.durationMs).toBeGreaterThanOrEqual(80);
      expect(p.durationMs).toBeLessThanOrEqual(150);
    }
    const gaps = gapsMs(pulses);
    const short = Math.min(...gaps);
    expect(short).toBeGreaterThanOrEqual(15);
    expect(short).toBeLessThanOrEqual(80);
    // The longer pauses fall after pulses 3, 5 and 8: groups of 3, 2, 3, 2; the one between the halves is the longest.
    expect(gaps.flatMap((gap, i) => (gap > short ? [i + 1] : []))).toEqual([3, 5, 8]);
    expect(gaps[4]).toBeGreaterThan(gaps[2] as number);
    expect(repeatMs).toBeGreaterThanOrEqual(2_550);
    expect(repeatMs).toBeLessThanOrEqual(3_800);
    expect(burstEndMs(pulses)).toBeLessThan(repeatMs);
  });

  it('medium: 3 pulses of 130–200 ms, 40–100 ms apart, repeated every 2.60–4.00 s', () => {
    const { pulses, repeatMs } = ALARM_BURSTS.medium;
    expect(pulses).toHaveLength(3);
    for (const p of pulses) {
      expect(p.durationMs).toBeGreaterThanOrEqual(130);
      expect(p.durationMs).toBeLessThanOrEqual(200);
    }
    for (const gap of gapsMs(pulses)) {
      expect(gap).toBeGreaterThanOrEqual(40);
      expect(gap).toBeLessThanOrEqual(100);
    }
    expect(repeatMs).toBeGreaterThanOrEqual(2_600);
    expect(repeatMs).toBeLessThanOrEqual(4_000);
  });

  it('low: 1 pulse every 16 s', () => {
    expect(ALARM_BURSTS.low.pulses).toHaveLength(1);
    expect(ALARM_BURSTS.low.repeatMs).toBe(16_000);
  });

  it('pitch: fundamental 150–1000 Hz with at least 4 harmonics in 300–4000 Hz, each within ±15 dB', () => {
    for (const { fundamentalHz } of Object.values(ALARM_BURSTS)) {
      expect(fundamentalHz).toBeGreaterThanOrEqual(150);
      expect(fundamentalHz).toBeLessThanOrEqual(1000);
      const harmonics = HARMONIC_AMPLITUDES.slice(1).map((amplitude, i) => ({ hz: fundamentalHz * (i + 2), db: 20 * Math.log10(amplitude / (HARMONIC_AMPLITUDES[0] as number)) }));
      const inBand = harmonics.filter((h) => h.hz >= 300 && h.hz <= 4000 && Math.abs(h.db) <= 15);
      expect(inBand.length).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('which alarm sounds', () => {
  const patientStop: SoundingAlarm = { condition: 'patient-stop', priority: 'high', isAcknowledged: false };
  const tracking: SoundingAlarm = { condition: 'tracking', priority: 'medium', isAcknowledged: false };
  const refused: SoundingAlarm = { condition: 'command-refused', priority: 'low', isAcknowledged: false };

  it('sounds the highest unacknowledged priority, and nothing once all are acknowledged', () => {
    expect(soundingPriority([refused, tracking, patientStop], null, 0)).toBe('high');
    expect(soundingPriority([refused, tracking, { ...patientStop, isAcknowledged: true }], null, 0)).toBe('medium');
    expect(soundingPriority([{ ...refused, isAcknowledged: true }], null, 0)).toBeNull();
    expect(soundingPriority([], null, 0)).toBeNull();
  });

  it('a paused high alarm sounds again when the 2 min audio pause expires', () => {
    const pause = pauseAudio([patientStop], 10_000);
    expect(AUDIO_PAUSE_MS).toBe(120_000);
    expect(soundingPriority([patientStop], pause, 10_000)).toBeNull();
    expect(soundingPriority([patientStop], pause, 10_000 + AUDIO_PAUSE_MS - 1)).toBeNull();
    expect(soundingPriority([patientStop], pause, 10_000 + AUDIO_PAUSE_MS)).toBe('high');
  });

  it('an alarm raised during a pause sounds through it', () => {
    const pause = pauseAudio([tracking], 0);
    expect(soundingPriority([tracking], pause, 1_000)).toBeNull();
    expect(soundingPriority([tracking, patientStop], pause, 1_000)).toBe('high');
  });
});

describe('alarm level', () => {
  it('never mutes a high-priority alarm, whatever the cue volume', () => {
    for (const volume of [0, -1, 0.01, Number.NaN]) expect(alarmGain('high', volume)).toBeGreaterThanOrEqual(0.5);
    expect(alarmGain('high', 0.9)).toBeCloseTo(0.9);
  });

  it('keeps medium audible and lets low follow the volume to silence', () => {
    expect(alarmGain('medium', 0)).toBeGreaterThan(0);
    expect(alarmGain('low', 0)).toBe(0);
    expect(alarmGain('low', 2)).toBe(1);
  });
});
