import { describe, expect, it } from 'vitest';
import type { PlateSampleBlock, Timers } from '../../native-bridge/index.ts';
import { weighOnPlate, type PlateSource } from './plate-weighing.ts';

const RATE_HZ = 100;
/** Each cell: 10 counts per newton above a zero of 1000 counts. */
const COEFFICIENTS = [0, 1, 2, 3].map(() => ({ zeroCounts: 1000, nPerCount: 0.1 }));
const noTimers: Timers = { nowMonoMs: () => 0, after: () => ({ cancel: () => undefined }) };

/** A plate that sends, on demand, one-second blocks of the total force `forceAt(i)` shared over four cells. */
function fakePlate(): {
  readonly source: PlateSource;
  send(seconds: number, forceAt: (i: number) => number, flags?: number): void;
  emit(name: 'gap' | 'linkLost', payload: unknown): void;
} {
  const listeners = new Map<string, (payload: unknown) => void>();
  let sampleIndex = 0;
  const source = {
    connected: { rateHz: RATE_HZ },
    events: {
      on: (name: string, callback: (payload: unknown) => void) => {
        listeners.set(name, callback);
        return () => listeners.delete(name);
      },
    },
  } as unknown as PlateSource;
  const listener = (block: PlateSampleBlock): void => listeners.get('samples')?.(block);
  return {
    source,
    emit: (name, payload) => listeners.get(name)?.(payload),
    send(seconds, forceAt, flags = 0) {
      for (let s = 0; s < seconds; s++) {
        const cellCounts = new Int32Array(RATE_HZ * 4);
        for (let i = 0; i < RATE_HZ; i++) for (let c = 0; c < 4; c++) cellCounts[i * 4 + c] = 1000 + Math.round((forceAt(sampleIndex + i) / 4) * 10);
        sampleIndex += RATE_HZ;
        listener({ count: RATE_HZ, rateHz: RATE_HZ, seq: new Float64Array(RATE_HZ), tUs: new Float64Array(RATE_HZ), cellCounts, flags: new Uint8Array(RATE_HZ).fill(flags) });
      }
    },
  };
}

describe('weighing the patient on the plate', () => {
  it('returns the mass from two still seconds of total force through the calibration (F / 9.80665)', async () => {
    const plate = fakePlate();
    const weighed = weighOnPlate(plate.source, COEFFICIENTS, noTimers);
    // Quiet standing: ±1 % of 80 kg's weight, well within the stillness limit.
    plate.send(2, (i) => 80 * 9.80665 * (1 + 0.01 * Math.sin(i / 10)));
    expect(await weighed).toEqual({ ok: true, value: 80 });
  });

  it('waits while the patient steps on, and refuses one who never stands still', async () => {
    const plate = fakePlate();
    const weighed = weighOnPlate(plate.source, COEFFICIENTS, noTimers);
    plate.send(10, (i) => 700 + 150 * Math.sin(i / 5));
    expect(await weighed).toEqual({ ok: false, error: 'The patient did not stand still enough to be weighed within 10 s.' });
  });

  it('refuses an empty plate, and starts again after a faulted sample', async () => {
    const empty = fakePlate();
    const nobody = weighOnPlate(empty.source, COEFFICIENTS, noTimers);
    empty.send(10, () => 5);
    expect(await nobody).toEqual({ ok: false, error: 'Nobody is standing on the plate.' });
    const faulty = fakePlate();
    const weighed = weighOnPlate(faulty.source, COEFFICIENTS, noTimers);
    faulty.send(1, () => 600);
    faulty.send(1, () => 600, 0xff);
    faulty.send(1, () => 600);
    let settled = false;
    void weighed.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    faulty.send(1, () => 600);
    expect(await weighed).toEqual({ ok: true, value: 61.2 });
  });

  it('starts again after a gap in the stream, and stops with a message when the plate disconnects', async () => {
    const gapped = fakePlate();
    const weighed = weighOnPlate(gapped.source, COEFFICIENTS, noTimers);
    gapped.send(1, () => 600);
    gapped.emit('gap', { lostSamples: 50 });
    gapped.send(1, () => 600);
    let settled = false;
    void weighed.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    gapped.send(1, () => 600);
    expect(await weighed).toEqual({ ok: true, value: 61.2 });
    const lost = fakePlate();
    const interrupted = weighOnPlate(lost.source, COEFFICIENTS, noTimers);
    lost.send(1, () => 600);
    lost.emit('linkLost', { reason: 'unplugged' });
    expect(await interrupted).toEqual({ ok: false, error: 'The plate disconnected while weighing: reconnect it, or type the body mass.' });
  });
});
