/**
 * One call to record a session from its devices, one to end it: what the app's session service
 * uses. Starting attaches the recorder to whichever drivers are given; finishing detaches them,
 * writes everything held, and only then ends the session as complete or aborted, so a session is
 * never marked complete with data still in memory.
 */
import { err, type Result } from '../../core/index.ts';
import type { PlateDriver, TableDriver, Timers } from '../../native-bridge/index.ts';
import { finishSession, type Session, type Storage, type StorageError } from '../storage/index.ts';
import { recordPlate, recordTable, type DeviceRecording } from './device-recording.ts';
import { SessionRecorder } from './recorder.ts';

export interface SessionRecordingOptions {
  readonly storage: Storage;
  /** A session in status `recording` (createSession). */
  readonly sessionId: number;
  readonly plate?: PlateDriver;
  /** The calibration the plate's samples will be analysed with, recorded on its stream. */
  readonly plateCalibrationId?: number | null;
  readonly table?: TableDriver;
  readonly timers?: Timers;
}

export interface SessionRecording {
  readonly recorder: SessionRecorder;
  readonly plateStreamId: () => number | undefined;
  readonly tableStreamId: () => number | undefined;
  /**
   * Stops recording and ends the session. `write-failed` when the last data could not be
   * written: it is still held, and finish may be called again.
   */
  finish(status: 'complete' | 'aborted', operatorId: number): Result<Session, StorageError>;
}

export function startSessionRecording(options: SessionRecordingOptions): SessionRecording {
  const recorder = new SessionRecorder({ storage: options.storage, sessionId: options.sessionId, ...(options.timers === undefined ? {} : { timers: options.timers }) });
  const plate: DeviceRecording | undefined = options.plate === undefined ? undefined : recordPlate(recorder, options.plate, options.plateCalibrationId ?? null);
  const table: DeviceRecording | undefined = options.table === undefined ? undefined : recordTable(recorder, options.table);
  return {
    recorder,
    plateStreamId: () => plate?.streamId(),
    tableStreamId: () => table?.streamId(),
    finish(status, operatorId) {
      plate?.detach();
      table?.detach();
      const stopped = recorder.stop();
      if (!stopped.ok) return err({ code: 'write-failed', message: `recorded data not yet written: ${stopped.error}` });
      return finishSession(options.storage, options.sessionId, status, operatorId);
    },
  };
}
