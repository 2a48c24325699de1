/**
 * The clinic database (docs/recording.md): open it, the repositories, the raw-stream chunks, and
 * backup, restore and export. Everything else in host/ imports storage through this file.
 */
export { Storage } from './storage.ts';
export { openStorage, defaultDatabasePath, type OpenStorageOptions, type OpenedStorage } from './open-storage.ts';
export { SCHEMA_VERSION, PROPRIO_APPLICATION_ID } from './migrations.ts';
export type { StorageError, DatabaseFileError, EntityName, InputIssue } from './storage-errors.ts';
export { appendAudit, auditOf, listAudit, type AuditEntry, type AuditRow } from './audit.ts';
export { hashPassword, verifyPassword } from './password-hash.ts';
export { createPatient, updatePatient, getPatient, listPatients, type Patient, type PatientInput } from './patients.ts';
export { createOperator, getOperator, listOperators, passwordHashOf, OPERATOR_ROLES, type Operator, type OperatorRole } from './operators.ts';
export { upsertDevice, listDevices, type Device, type DeviceKind } from './devices.ts';
export { readSettings, writeSettings, DEFAULT_SETTINGS, type Settings } from './settings.ts';
export { addCalibration, calibrationsOfDevice, getCalibration, latestCalibration, type Calibration, type CalibrationInput } from './calibrations.ts';
export {
  createSession,
  finishSession,
  getSession,
  sessionsForPatient,
  SESSION_KINDS,
  type Session,
  type SessionInput,
  type SessionKind,
  type SessionStatus,
} from './sessions.ts';
export { addTrial, getTrial, listTrials, readTrialSamples, type Trial, type TrialInput, type TrialSamples } from './trials.ts';
export { addEvent, listEvents, eventWriter, EVENT_KINDS, type EventKind, type NewEvent, type SessionEvent, type SessionEventInput } from './events.ts';
export {
  openStream,
  getStream,
  streamsOfSession,
  chunkWriter,
  readPlateSamples,
  readTableTelemetry,
  storedSampleCount,
  type StreamInfo,
  type EncodedChunk,
  type TimeWindow,
} from './streams.ts';
export { encodeChunk, decodeChunkInto, type ChunkColumns } from './chunk-codec.ts';
export { channelCountOf, writeTableFrame, type StreamKind, type PlateSampleColumns, type TableTelemetryColumns } from './stream-layouts.ts';
export { backupDatabase, restoreDatabase, type BackupInfo, type RestoreInfo } from './backup.ts';
export { exportSession, PLATE_CSV_HEADER, TABLE_CSV_HEADER, type ExportedFiles } from './export-session.ts';
export { inspectDatabaseFile, type DatabaseFileKind } from './database-file.ts';
export { checkDatabase, type CheckReport } from './check-database.ts';
