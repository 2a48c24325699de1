/**
 * Trials: one protocol step of a session (a balance condition, a decompression program) with its
 * timing, its metrics and the version of the algorithm that computed them, so a result can be
 * recomputed and compared when an algorithm changes. A trial points at the stream and the
 * device-time window its raw samples are in, and at the calibration it used.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../core/index.ts';
import { appendAudit } from './audit.ts';
import { checkRefs, inTransaction, parseInput } from './repository-kit.ts';
import { notFound, type StorageError } from './storage-errors.ts';
import type { Storage } from './storage.ts';
import { getStream, readPlateSamples, readTableTelemetry } from './streams.ts';
import type { PlateSampleColumns, TableTelemetryColumns } from './stream-layouts.ts';

const trialFields = z
  .strictObject({
    sessionId: z.int().positive(),
    streamId: z.int().positive().nullable().default(null),
    calibrationId: z.int().positive().nullable().default(null),
    /** e.g. `romberg`, `mctsib`, `lumbar-program` (the protocol issues name them). */
    protocol: z.string().min(1).max(60),
    /** e.g. `eyes-open-firm`. */
    condition: z.string().max(60),
    startedAtMs: z.int().nonnegative(),
    endedAtMs: z.int().nonnegative(),
    /** Device-time window of the trial's samples in `streamId`, µs. */
    fromTUs: z.number().nonnegative().nullable().default(null),
    toTUs: z.number().nonnegative().nullable().default(null),
    metrics: z.record(z.string(), z.json()),
    algorithmVersion: z.string().min(1).max(40),
  })
  .refine((trial) => trial.endedAtMs >= trial.startedAtMs, { message: 'must not be before startedAtMs', path: ['endedAtMs'] })
  .refine((trial) => (trial.fromTUs === null ? trial.toTUs === null : trial.toTUs !== null && trial.toTUs > trial.fromTUs), {
    message: 'fromTUs and toTUs go together, toTUs after fromTUs',
    path: ['toTUs'],
  })
  .refine((trial) => trial.fromTUs === null || trial.streamId !== null, { message: 'a sample window needs streamId', path: ['streamId'] });

export type TrialInput = z.input<typeof trialFields>;
export type Trial = z.output<typeof trialFields> & { readonly id: number };

export type TrialSamples = { readonly kind: 'plate'; readonly samples: PlateSampleColumns } | { readonly kind: 'table'; readonly telemetry: TableTelemetryColumns };

export function addTrial(storage: Storage, input: unknown, operatorId: number): Result<Trial, StorageError> {
  const parsed = parseInput(trialFields, input);
  if (!parsed.ok) return parsed;
  const trial = parsed.value;
  const missing = checkRefs(storage, [
    ['session', trial.sessionId],
    ['stream', trial.streamId],
    ['calibration', trial.calibrationId],
    ['operator', operatorId],
  ]);
  if (missing !== undefined) return err(missing);
  const stream = trial.streamId === null ? undefined : getStream(storage, trial.streamId);
  if (stream?.ok === true && stream.value.sessionId !== trial.sessionId) {
    return err({ code: 'invalid-input', message: `streamId: stream ${trial.streamId} belongs to another session`, issues: [{ path: 'streamId', message: 'belongs to another session' }] });
  }
  return inTransaction(storage, () => {
    const id = Number(
      storage.db
        .prepare(
          `INSERT INTO trials (session_id, stream_id, calibration_id, protocol, condition, started_at_ms, ended_at_ms, from_t_us, to_t_us, metrics_json, algorithm_version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(trial.sessionId, trial.streamId, trial.calibrationId, trial.protocol, trial.condition, trial.startedAtMs, trial.endedAtMs, trial.fromTUs, trial.toTUs, JSON.stringify(trial.metrics), trial.algorithmVersion)
        .lastInsertRowid,
    );
    appendAudit(storage, { operatorId, action: 'trial-added', entity: 'trial', entityId: id, detail: { sessionId: trial.sessionId, protocol: trial.protocol } });
    return ok({ id, ...trial });
  });
}

export function getTrial(storage: Storage, id: number): Result<Trial, StorageError> {
  const row = storage.db.prepare('SELECT * FROM trials WHERE id = ?').get(id) as TrialRow | undefined;
  return row === undefined ? err(notFound('trial', id)) : ok(fromRow(row));
}

export function listTrials(storage: Storage, sessionId: number): Trial[] {
  return (storage.db.prepare('SELECT * FROM trials WHERE session_id = ? ORDER BY started_at_ms, id').all(sessionId) as TrialRow[]).map(fromRow);
}

/** The trial's raw samples, bit for bit as recorded: its stream within its device-time window. */
export function readTrialSamples(storage: Storage, trialId: number): Result<TrialSamples, StorageError> {
  const trial = getTrial(storage, trialId);
  if (!trial.ok) return trial;
  const { streamId, fromTUs, toTUs } = trial.value;
  if (streamId === null) return err({ code: 'invalid-state', message: `trial ${trialId} has no recorded stream` });
  const stream = getStream(storage, streamId);
  if (!stream.ok) return stream;
  const window = fromTUs === null || toTUs === null ? undefined : { fromTUs, toTUs };
  if (stream.value.kind === 'plate') {
    const samples = readPlateSamples(storage, streamId, window);
    return samples.ok ? ok({ kind: 'plate', samples: samples.value }) : samples;
  }
  const telemetry = readTableTelemetry(storage, streamId, window);
  return telemetry.ok ? ok({ kind: 'table', telemetry: telemetry.value }) : telemetry;
}

interface TrialRow {
  id: number;
  session_id: number;
  stream_id: number | null;
  calibration_id: number | null;
  protocol: string;
  condition: string;
  started_at_ms: number;
  ended_at_ms: number;
  from_t_us: number | null;
  to_t_us: number | null;
  metrics_json: string;
  algorithm_version: string;
}

function fromRow(row: TrialRow): Trial {
  return {
    id: row.id,
    sessionId: row.session_id,
    streamId: row.stream_id,
    calibrationId: row.calibration_id,
    protocol: row.protocol,
    condition: row.condition,
    startedAtMs: row.started_at_ms,
    endedAtMs: row.ended_at_ms,
    fromTUs: row.from_t_us,
    toTUs: row.to_t_us,
    metrics: JSON.parse(row.metrics_json) as Trial['metrics'],
    algorithmVersion: row.algorithm_version,
  };
}
