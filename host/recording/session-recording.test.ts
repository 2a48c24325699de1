import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualTimers } from '../../test/support/manual-timers.ts';
import { getSession, storedSampleCount } from '../storage/index.ts';
import { clinicFixture, expectOk, plateBlock, PLATE_IDENTITY, seededRandom, type ClinicFixture } from '../storage/testing/clinic-fixture.ts';
import { startSessionRecording } from './session-recording.ts';

let fixture: ClinicFixture;
beforeEach(() => {
  fixture = clinicFixture();
});
afterEach(() => fixture.dispose());

it('ends a session complete only once its last data is written; a failed final write can be retried', () => {
  const recording = startSessionRecording({ storage: fixture.storage, sessionId: fixture.sessionId, timers: new ManualTimers() });
  const plate = expectOk(recording.recorder.openStream('plate', PLATE_IDENTITY, 1000));
  recording.recorder.pushPlateBlock(plate, plateBlock(0, 1234, 1000, 0, seededRandom(8)));
  fixture.storage.db.exec("CREATE TEMP TRIGGER full_disk BEFORE INSERT ON stream_chunks BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
  expect(recording.finish('complete', fixture.operatorId)).toMatchObject({ ok: false, error: { code: 'write-failed' } });
  expect(expectOk(getSession(fixture.storage, fixture.sessionId)).status).toBe('recording');
  fixture.storage.db.exec('DROP TRIGGER full_disk');
  expect(expectOk(recording.finish('complete', fixture.operatorId)).status).toBe('complete');
  expect(storedSampleCount(fixture.storage, plate)).toBe(1234);
});
