/**
 * Export of one session for analysis elsewhere (docs/recording.md §Export): a JSON file with
 * the metadata, trials, metrics and events, and one CSV file per stream with every sample in the
 * units named in its header. Streams are written chunk by chunk, so an hour of 2000 Hz plate data
 * never sits in memory at once. Existing files are never overwritten.
 */
import { closeSync, existsSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../core/index.ts';
import { appendAudit } from './audit.ts';
import { listEvents } from './events.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { getOperator } from './operators.ts';
import { getPatient } from './patients.ts';
import { getSession } from './sessions.ts';
import type { StorageError } from './storage-errors.ts';
import type { Storage } from './storage.ts';
import { plateColumnsFrom, tableColumnsFrom } from './stream-layouts.ts';
import { streamChunks, streamsOfSession, type RawColumns, type StreamInfo } from './streams.ts';
import { listTrials } from './trials.ts';

export const PLATE_CSV_HEADER = 'seq,t_us,c0_counts,c1_counts,c2_counts,c3_counts,flags';
export const TABLE_CSV_HEADER = 'seq,t_us,state,measured_n,setpoint_n,position_mm,velocity_mm_s,flags,region,limit_n,fault';
/** Version of the export's own layout (the JSON's `format` block); bump it when columns or keys change. */
const EXPORT_FORMAT_VERSION = 1;

export interface ExportedFiles {
  readonly jsonPath: string;
  readonly csvPaths: readonly string[];
}

/** Writes `session-<id>.json` and `session-<id>-stream-<streamId>-<kind>.csv` files into `outDir`, and audits it (`operatorId` undefined: the CLI). */
export function exportSession(storage: Storage, sessionId: number, outDir: string, operatorId?: number): Result<ExportedFiles, StorageError> {
  const session = getSession(storage, sessionId);
  if (!session.ok) return session;
  const streams = streamsOfSession(storage, sessionId);
  const jsonPath = join(outDir, `session-${sessionId}.json`);
  const csvPaths = streams.map((stream) => join(outDir, `session-${sessionId}-stream-${stream.id}-${stream.kind}.csv`));
  const clash = [jsonPath, ...csvPaths].find((path) => existsSync(path));
  if (clash !== undefined) return err({ code: 'conflict', message: `${clash} exists; export never overwrites a file` });
  const streamSummaries = [];
  for (const [index, stream] of streams.entries()) {
    const written = writeStreamCsv(storage, stream, csvPaths[index] as string);
    if (!written.ok) {
      // No half export: a reader must not take a truncated CSV for the whole stream.
      for (const path of csvPaths.slice(0, index + 1)) rmSync(path, { force: true });
      return written;
    }
    streamSummaries.push({ ...stream, csvFile: `session-${sessionId}-stream-${stream.id}-${stream.kind}.csv`, ...written.value });
  }
  const patient = getPatient(storage, session.value.patientId);
  const operator = getOperator(storage, session.value.operatorId);
  const document = {
    format: { name: 'proprio-session-export', version: EXPORT_FORMAT_VERSION, schemaVersion: SCHEMA_VERSION },
    exportedAtMs: storage.nowMs(),
    session: session.value,
    patient: patient.ok ? patient.value : null,
    operator: operator.ok ? { id: operator.value.id, displayName: operator.value.displayName, role: operator.value.role } : null,
    devices: storage.db.prepare('SELECT DISTINCT d.id, d.kind, d.model, d.serial FROM devices d JOIN streams s ON s.device_id = d.id WHERE s.session_id = ?').all(sessionId),
    streams: streamSummaries,
    trials: listTrials(storage, sessionId),
    events: listEvents(storage, sessionId),
  };
  const fd = openSync(jsonPath, 'wx');
  try {
    writeSync(fd, `${JSON.stringify(document, null, 2)}\n`);
  } finally {
    closeSync(fd);
  }
  // Patient data leaving the database is on the record.
  appendAudit(storage, { operatorId, action: 'session-exported', entity: 'session', entityId: sessionId, detail: { outDir } });
  return ok({ jsonPath, csvPaths });
}

function writeStreamCsv(storage: Storage, stream: StreamInfo, path: string): Result<{ sampleCount: number }, StorageError> {
  const fd = openSync(path, 'wx');
  let sampleCount = 0;
  try {
    writeSync(fd, `${stream.kind === 'plate' ? PLATE_CSV_HEADER : TABLE_CSV_HEADER}\n`);
    for (const chunk of streamChunks(storage, stream)) {
      if (!chunk.ok) return chunk;
      const lines = stream.kind === 'plate' ? plateLines(chunk.value) : tableLines(chunk.value);
      if (!lines.ok) return err({ code: 'corrupt-data', message: `stream ${stream.id}: ${lines.error}` });
      writeSync(fd, lines.value);
      sampleCount += chunk.value.count;
    }
  } finally {
    closeSync(fd);
  }
  return ok({ sampleCount });
}

function plateLines(raw: RawColumns): Result<string, string> {
  const { count, seq, tUs, cellCounts, flags } = plateColumnsFrom(raw.count, raw.seq, raw.tUs, raw.channels);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const j = i * 4;
    lines.push(`${seq[i]},${tUs[i]},${cellCounts[j]},${cellCounts[j + 1]},${cellCounts[j + 2]},${cellCounts[j + 3]},${flags[i]}\n`);
  }
  return ok(lines.join(''));
}

function tableLines(raw: RawColumns): Result<string, string> {
  const columns = tableColumnsFrom(raw.count, raw.seq, raw.tUs, raw.channels);
  if (!columns.ok) return columns;
  const t = columns.value;
  const lines: string[] = [];
  for (let i = 0; i < t.count; i++) {
    lines.push(
      `${t.seq[i]},${t.tUs[i]},${t.state[i]},${t.measuredN[i]},${t.setpointN[i]},${t.positionMm[i]},${t.velocityMmS[i]},${t.flags[i]},${t.region[i] ?? ''},${t.limitN[i]},${t.fault[i]}\n`,
    );
  }
  return ok(lines.join(''));
}
