/**
 * Migration 1: the first schema (docs/recording.md §Schema). Times are epoch milliseconds
 * (`*_at_ms`) or device microseconds (`*_t_us`); JSON columns hold objects whose shape the
 * repositories validate. CHECK constraints repeat the zod rules that matter for integrity, so a
 * row written by any tool stays valid.
 */
export const SCHEMA_V1 = `
CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  clinic_id TEXT NOT NULL UNIQUE,
  family_name TEXT NOT NULL,
  given_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  height_mm REAL,
  body_mass_kg REAL,
  notes TEXT NOT NULL DEFAULT '',
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
);

CREATE TABLE operators (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('therapist', 'technician', 'admin')),
  password_hash TEXT,
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  created_at_ms INTEGER NOT NULL
);

CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('plate', 'table')),
  model TEXT NOT NULL,
  serial TEXT NOT NULL,
  firmware TEXT NOT NULL,
  protocol_version INTEGER NOT NULL,
  first_seen_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL,
  UNIQUE (model, serial)
);

CREATE TABLE calibrations (
  id INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL REFERENCES devices (id),
  operator_id INTEGER NOT NULL REFERENCES operators (id),
  performed_at_ms INTEGER NOT NULL,
  due_at_ms INTEGER NOT NULL,
  coefficients_json TEXT NOT NULL,
  raw_readings_json TEXT NOT NULL,
  verification_json TEXT NOT NULL,
  passed INTEGER NOT NULL CHECK (passed IN (0, 1))
);
CREATE INDEX calibrations_by_device ON calibrations (device_id, performed_at_ms);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients (id),
  operator_id INTEGER NOT NULL REFERENCES operators (id),
  kind TEXT NOT NULL CHECK (kind IN ('balance', 'decompression')),
  status TEXT NOT NULL CHECK (status IN ('recording', 'complete', 'aborted', 'interrupted')),
  started_at_ms INTEGER NOT NULL,
  ended_at_ms INTEGER,
  notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE streams (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  device_id INTEGER NOT NULL REFERENCES devices (id),
  kind TEXT NOT NULL CHECK (kind IN ('plate', 'table')),
  firmware TEXT NOT NULL,
  rate_hz REAL NOT NULL,
  calibration_id INTEGER REFERENCES calibrations (id),
  opened_at_ms INTEGER NOT NULL
);
CREATE INDEX streams_by_session ON streams (session_id);

CREATE TABLE stream_chunks (
  id INTEGER PRIMARY KEY,
  stream_id INTEGER NOT NULL REFERENCES streams (id),
  first_seq REAL NOT NULL,
  first_t_us REAL NOT NULL,
  last_t_us REAL NOT NULL,
  sample_count INTEGER NOT NULL CHECK (sample_count > 0),
  data BLOB NOT NULL
);
CREATE INDEX stream_chunks_by_time ON stream_chunks (stream_id, first_t_us);

CREATE TABLE trials (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  stream_id INTEGER REFERENCES streams (id),
  calibration_id INTEGER REFERENCES calibrations (id),
  protocol TEXT NOT NULL,
  condition TEXT NOT NULL,
  started_at_ms INTEGER NOT NULL,
  ended_at_ms INTEGER NOT NULL,
  from_t_us REAL,
  to_t_us REAL,
  metrics_json TEXT NOT NULL,
  algorithm_version TEXT NOT NULL
);
CREATE INDEX trials_by_session ON trials (session_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  stream_id INTEGER REFERENCES streams (id),
  kind TEXT NOT NULL CHECK (kind IN ('connect', 'disconnect', 'gap', 'fault', 'protocol-phase', 'operator-action', 'safety')),
  at_ms INTEGER NOT NULL,
  t_us REAL,
  detail_json TEXT NOT NULL
);
CREATE INDEX events_by_session ON events (session_id, at_ms);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at_ms INTEGER NOT NULL,
  operator_id INTEGER REFERENCES operators (id),
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  detail_json TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;
