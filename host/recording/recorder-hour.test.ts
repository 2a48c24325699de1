import { afterAll, expect, it } from 'vitest';
import { ManualTimers } from '../../test/support/manual-timers.ts';
import { readPlateSamples } from '../storage/index.ts';
import { clinicFixture, expectOk, plateBlock, PLATE_IDENTITY, seededRandom } from '../storage/testing/clinic-fixture.ts';
import { SessionRecorder } from './recorder.ts';

const RATE_HZ = 1000;
const HOUR_SAMPLES = 3600 * RATE_HZ;
/** The driver hands on a block per burst of input; 50 ms is a generous burst. */
const BLOCK_SAMPLES = 50;
/** Starts a million samples before the 2^32 wrap of link sequence numbers, so the hour crosses it. */
const FIRST_SEQ = 2 ** 32 - 1_000_000;

const fixture = clinicFixture();
afterAll(() => fixture.dispose());

it('a one-hour 1000 Hz recording on a compressed clock holds every sample, by sequence number', () => {
  const timers = new ManualTimers();
  const recorder = new SessionRecorder({ storage: fixture.storage, sessionId: fixture.sessionId, timers });
  const streamId = expectOk(recorder.openStream('plate', PLATE_IDENTITY, RATE_HZ));
  const random = seededRandom(60);
  for (let first = 0; first < HOUR_SAMPLES; first += BLOCK_SAMPLES) {
    recorder.pushPlateBlock(streamId, plateBlock(FIRST_SEQ + first, BLOCK_SAMPLES, RATE_HZ, 0, random));
    timers.advance((BLOCK_SAMPLES * 1000) / RATE_HZ);
  }
  expectOk(recorder.stop());
  const back = expectOk(readPlateSamples(fixture.storage, streamId));
  expect(back.count).toBe(HOUR_SAMPLES);
  let broken = 0;
  for (let i = 1; i < back.count; i++) {
    if (((back.seq[i] as number) - (back.seq[i - 1] as number) + 2 ** 32) % 2 ** 32 !== 1) broken++;
  }
  expect(broken).toBe(0);
  expect(back.seq[0]).toBe(FIRST_SEQ);
  expect(back.seq[back.count - 1]).toBe((FIRST_SEQ + HOUR_SAMPLES - 1) % 2 ** 32);
  expect(back.tUs[back.count - 1]).toBe((FIRST_SEQ + HOUR_SAMPLES - 1) * 1000);
  // 7200 chunks of 0.5 s: chunks, not rows per sample.
  expect(recorder.snapshot().chunksWritten).toBe(HOUR_SAMPLES / 500);
});
