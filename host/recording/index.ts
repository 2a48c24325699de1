/**
 * Recording a session: the recorder (batched, off the streaming path) and the wiring from the
 * plate and table drivers. docs/recording.md describes what lands on disk.
 */
export { SessionRecorder, FLUSH_INTERVAL_MS, CHECKPOINT_INTERVAL_MS, type RecorderOptions, type RecorderStats, type RecorderEvents, type EventNote } from './recorder.ts';
export { CHUNK_TARGET_MS } from './stream-buffer.ts';
export { recordPlate, recordTable, type DeviceRecording } from './device-recording.ts';
export { startSessionRecording, type SessionRecording, type SessionRecordingOptions } from './session-recording.ts';
