/**
 * Records one session: device samples and events in, batched transactions out. The streaming
 * path only copies samples into preallocated columns (stream-buffer.ts) and, twice a second per
 * stream, encodes a chunk; SQL runs only in flush(), every FLUSH_INTERVAL_MS, one transaction for
 * everything pending. No statement per sample, no I/O on the driver's callbacks.
 *
 * Crash bound: a sample waits at most CHUNK_TARGET_MS in its chunk (a chunk older than that is cut
 * at the next flush) plus one flush interval, so a SIGKILL loses at most ~0.75 s of data
 * (test/system/recording-sigkill.test.ts). A failed flush (disk full, I/O error) keeps its chunks
 * for the next one and emits `problem`; nothing is dropped silently.
 */
import { BugError, Emitter, err, ok, type Result } from '../../core/index.ts';
import { realTimers, type DeviceIdentity, type PlateSampleBlock, type TableTelemetry, type TimerHandle, type Timers } from '../../native-bridge/index.ts';
import {
  channelCountOf,
  chunkWriter,
  eventWriter,
  openStream,
  upsertDevice,
  type EncodedChunk,
  type EventKind,
  type NewEvent,
  type Storage,
  type StorageError,
  type StreamKind,
} from '../storage/index.ts';
import { CHUNK_TARGET_MS, StreamBuffer } from './stream-buffer.ts';

/** Design choice: 4 commits a second keeps the crash bound under 1 s and each commit small. */
export const FLUSH_INTERVAL_MS = 250;
/**
 * Design choice: a checkpoint (the fsync that makes commits survive a power cut, open-storage.ts)
 * at most every 5 s, so a power cut costs at most ~5 s of samples; a SIGKILL costs < 1 s.
 */
export const CHECKPOINT_INTERVAL_MS = 5000;

export interface RecorderOptions {
  readonly storage: Storage;
  readonly sessionId: number;
  /** Flush timer and monotonic clock (tests use ManualTimers). */
  readonly timers?: Timers;
  readonly flushIntervalMs?: number;
}

export interface RecorderStats {
  samplesReceived: number;
  samplesWritten: number;
  chunksWritten: number;
  eventsWritten: number;
  flushes: number;
  flushErrors: number;
  /** Longest flush so far (encode of aged chunks + transaction), ms: what the event loop paid at once. */
  maxFlushMs: number;
  lastFlushError: string | undefined;
}

export interface RecorderEvents {
  /** A flush, checkpoint or stream opening failed; the message says which. Data is kept for the next flush. */
  problem: { readonly message: string };
}

/** What a caller tells the recorder about an event; the wall time is taken on arrival. */
export interface EventNote {
  readonly kind: EventKind;
  readonly streamId?: number;
  /** Device time, µs, when a device reported it. */
  readonly tUs?: number;
  readonly detail?: Readonly<Record<string, unknown>>;
}

interface OpenStream {
  readonly kind: StreamKind;
  readonly rateHz: number;
  readonly buffer: StreamBuffer;
}

export class SessionRecorder {
  readonly events = new Emitter<RecorderEvents>();
  private readonly stats: RecorderStats = {
    samplesReceived: 0,
    samplesWritten: 0,
    chunksWritten: 0,
    eventsWritten: 0,
    flushes: 0,
    flushErrors: 0,
    maxFlushMs: 0,
    lastFlushError: undefined,
  };
  private readonly streams = new Map<number, OpenStream>();
  private pendingEvents: NewEvent[] = [];
  private readonly timers: Timers;
  private readonly intervalMs: number;
  private timer: TimerHandle | undefined;
  private isStopped = false;
  private lastCheckpointMonoMs: number;
  private readonly writeChunk: (streamId: number, chunk: EncodedChunk) => void;
  private readonly writeEvent: (event: NewEvent) => number;

  constructor(private readonly options: RecorderOptions) {
    this.timers = options.timers ?? realTimers;
    this.intervalMs = options.flushIntervalMs ?? FLUSH_INTERVAL_MS;
    this.writeChunk = chunkWriter(options.storage);
    this.writeEvent = eventWriter(options.storage);
    this.lastCheckpointMonoMs = this.timers.nowMonoMs();
    this.schedule();
  }

  /**
   * Registers the device from its handshake and opens a stream for it in this session.
   * `rateHz`: the plate's sample rate, or the table's telemetry rate (table.md §5: 50 Hz).
   */
  openStream(kind: StreamKind, identity: DeviceIdentity, rateHz: number, calibrationId: number | null = null): Result<number, StorageError> {
    const storage = this.options.storage;
    const deviceId = upsertDevice(storage, kind, identity);
    const stream = openStream(storage, { sessionId: this.options.sessionId, deviceId, kind, firmware: identity.firmware, rateHz, calibrationId });
    if (!stream.ok) return stream;
    this.streams.set(stream.value.id, { kind, rateHz, buffer: new StreamBuffer(stream.value.id, channelCountOf(kind)) });
    return ok(stream.value.id);
  }

  pushPlateBlock(streamId: number, block: PlateSampleBlock): void {
    this.streamOf(streamId, 'plate').buffer.pushPlateBlock(block, this.timers.nowMonoMs());
    this.stats.samplesReceived += block.count;
  }

  pushTableTelemetry(streamId: number, frame: TableTelemetry): void {
    const stream = this.streamOf(streamId, 'table');
    stream.buffer.pushTableFrame(frame, stream.rateHz, this.timers.nowMonoMs());
    this.stats.samplesReceived++;
  }

  /** Queues an event for the next flush, stamped with the wall time now. */
  note(event: EventNote): void {
    if (this.isStopped) throw new BugError('event noted after the recorder stopped');
    this.pendingEvents.push({
      sessionId: this.options.sessionId,
      streamId: event.streamId ?? null,
      kind: event.kind,
      atMs: this.options.storage.nowMs(),
      tUs: event.tUs ?? null,
      detail: event.detail ?? {},
    });
  }

  /** Writes everything that is due, in one transaction. Chunks still filling stay until they are full or old. */
  flush(): Result<void, string> {
    return this.write(false);
  }

  /**
   * Cuts and writes everything held, and stops the timer. If that write fails, everything is
   * still held and stop() may be called again. The session itself is finished by the caller
   * (finishSession, or SessionRecording.finish which does both).
   */
  stop(): Result<void, string> {
    if (this.isStopped) return ok(undefined);
    this.timer?.cancel();
    const written = this.write(true);
    if (written.ok) this.isStopped = true;
    return written;
  }

  snapshot(): RecorderStats {
    return { ...this.stats };
  }

  private write(isFinal: boolean): Result<void, string> {
    const startMs = performance.now();
    const nowMonoMs = this.timers.nowMonoMs();
    const batches: [number, EncodedChunk[]][] = [];
    for (const [streamId, stream] of this.streams) {
      if (isFinal) stream.buffer.cut();
      else stream.buffer.cutIfOlderThan(CHUNK_TARGET_MS, nowMonoMs);
      batches.push([streamId, stream.buffer.takeReady()]);
    }
    const events = this.pendingEvents;
    this.pendingEvents = [];
    if (events.length === 0 && batches.every(([, chunks]) => chunks.length === 0)) return ok(undefined);
    try {
      this.options.storage.db.transaction(() => {
        for (const [streamId, chunks] of batches) for (const chunk of chunks) this.writeChunk(streamId, chunk);
        for (const event of events) this.writeEvent(event);
      })();
    } catch (error) {
      for (const [streamId, chunks] of batches) this.streams.get(streamId)?.buffer.putBack(chunks);
      this.pendingEvents = [...events, ...this.pendingEvents];
      return err(this.fail(error));
    }
    for (const [, chunks] of batches) {
      this.stats.chunksWritten += chunks.length;
      for (const chunk of chunks) this.stats.samplesWritten += chunk.count;
    }
    this.stats.eventsWritten += events.length;
    this.stats.flushes++;
    if (isFinal || nowMonoMs - this.lastCheckpointMonoMs >= CHECKPOINT_INTERVAL_MS) this.checkpoint(nowMonoMs);
    this.stats.maxFlushMs = Math.max(this.stats.maxFlushMs, performance.now() - startMs);
    return ok(undefined);
  }

  /** PASSIVE never waits for readers (a backup, the CLI): what it cannot copy now goes next time. */
  private checkpoint(nowMonoMs: number): void {
    this.lastCheckpointMonoMs = nowMonoMs;
    try {
      this.options.storage.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // The data is committed; only the power-cut bound is at stake. Reported like a failed flush.
      this.fail(error);
    }
  }

  /** Counts and reports a failure (the stats keep the last message). */
  fail(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    this.stats.flushErrors++;
    this.stats.lastFlushError = message;
    this.events.emit('problem', { message });
    return message;
  }

  private schedule(): void {
    this.timer = this.timers.after(this.intervalMs, () => {
      this.flush();
      if (!this.isStopped) this.schedule();
    });
  }

  private streamOf(streamId: number, kind: StreamKind): OpenStream {
    const stream = this.streams.get(streamId);
    if (this.isStopped || stream?.kind !== kind) throw new BugError(`no open ${kind} stream ${streamId} in this recorder`);
    return stream;
  }
}
