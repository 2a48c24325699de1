/**
 * Where a decompression session's record goes (ref §7.5 needs it: progression reads completed
 * sessions and their marks). The storage layer (host/storage/) implements this interface; the
 * runner never writes SQL. Telemetry arrives at 50 Hz (table.md §5): implementations batch it,
 * never one statement per reading (DEVELOPERS.md hot paths). Every method is synchronous and must
 * not throw; a sink that fails records the failure itself.
 */
import type { Alarm, AlarmCondition, OperatorInput, SessionMark, SupervisorPhase, SupervisorTableCommand } from '../../core/index.ts';

/** One table reading as recorded: host receive time plus the device's own time. */
export interface TelemetryRecord {
  /** Host monotonic time the frame arrived, ms. */
  readonly atMs: number;
  readonly deviceTimeUs: number;
  readonly tableState: string;
  readonly measuredN: number;
  readonly setpointN: number;
  readonly positionMm: number;
  readonly velocityMmS: number;
  /** table.md §5 flag bits as sent. */
  readonly flags: number;
  readonly faultCode: number;
}

export type CommandOutcome = { readonly kind: 'ack' } | { readonly kind: 'failed'; readonly reason: string } | { readonly kind: 'refused-by-envelope'; readonly reason: string };

export interface DecompressionRecordSink {
  telemetry(record: TelemetryRecord): void;
  stateChanged(change: { readonly atMs: number; readonly from: SupervisorPhase; readonly to: SupervisorPhase }): void;
  alarmRaised(change: { readonly atMs: number; readonly alarm: Alarm }): void;
  alarmCleared(change: { readonly atMs: number; readonly condition: AlarmCondition }): void;
  /** Every operator input, whether the supervisor acted on it or not. */
  operatorAction(action: { readonly atMs: number; readonly input: OperatorInput; readonly isAccepted: boolean }): void;
  sessionMarked(mark: { readonly atMs: number; readonly mark: SessionMark; readonly detail: string }): void;
  /** A command to the table, once its outcome is known. */
  tableCommand(record: { readonly atMs: number; readonly command: SupervisorTableCommand; readonly outcome: CommandOutcome }): void;
  /** A table event (table.md §7) as received. */
  tableEvent(record: { readonly atMs: number; readonly deviceTimeUs: number; readonly name: string; readonly detail: Readonly<Record<string, string>> }): void;
}

type Entry<K extends keyof DecompressionRecordSink> = { readonly kind: K } & Parameters<DecompressionRecordSink[K]>[0];
export type RecordEntry = { [K in keyof DecompressionRecordSink]: Entry<K> }[keyof DecompressionRecordSink];

/** Keeps everything in memory, in arrival order (tests, the headless CLI's summary). */
export class MemoryRecordSink implements DecompressionRecordSink {
  readonly entries: RecordEntry[] = [];

  telemetry(record: TelemetryRecord): void {
    this.entries.push({ kind: 'telemetry', ...record });
  }
  stateChanged(change: Parameters<DecompressionRecordSink['stateChanged']>[0]): void {
    this.entries.push({ kind: 'stateChanged', ...change });
  }
  alarmRaised(change: Parameters<DecompressionRecordSink['alarmRaised']>[0]): void {
    this.entries.push({ kind: 'alarmRaised', ...change });
  }
  alarmCleared(change: Parameters<DecompressionRecordSink['alarmCleared']>[0]): void {
    this.entries.push({ kind: 'alarmCleared', ...change });
  }
  operatorAction(action: Parameters<DecompressionRecordSink['operatorAction']>[0]): void {
    this.entries.push({ kind: 'operatorAction', ...action });
  }
  sessionMarked(mark: Parameters<DecompressionRecordSink['sessionMarked']>[0]): void {
    this.entries.push({ kind: 'sessionMarked', ...mark });
  }
  tableCommand(record: Parameters<DecompressionRecordSink['tableCommand']>[0]): void {
    this.entries.push({ kind: 'tableCommand', ...record });
  }
  tableEvent(record: Parameters<DecompressionRecordSink['tableEvent']>[0]): void {
    this.entries.push({ kind: 'tableEvent', ...record });
  }

  /** Entries of one kind, typed. */
  of<K extends RecordEntry['kind']>(kind: K): Extract<RecordEntry, { kind: K }>[] {
    return this.entries.filter((e): e is Extract<RecordEntry, { kind: K }> => e.kind === kind);
  }
}
