/** Balance protocols on a live plate: the runner, its result types and the compressed clock. */
export { ProtocolRunner, CENTRE_WINDOW_MS, type PlateCalibrationInUse, type ProtocolRunnerOptions } from './protocol-runner.ts';
export { TRIAL_ALGORITHM_VERSION, type ProtocolRunSummary, type TrialResult, type TrialResultSink, type VoidedTrial } from './trial-result.ts';
export { compressedTimers } from './compressed-timers.ts';
