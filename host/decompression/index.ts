/** Runs decompression sessions against the table (issue #5). */
export { DecompressionRunner, type DecompressionRunnerEvents, type DecompressionRunnerOptions } from './decompression-runner.ts';
export { MemoryRecordSink, type CommandOutcome, type DecompressionRecordSink, type RecordEntry, type TelemetryRecord } from './record-sink.ts';
export { scaledTimers } from './scaled-timers.ts';
export { describePhase } from './phase-text.ts';
