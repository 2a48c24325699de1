/**
 * Waiting on the table's telemetry (50 Hz) during a load-cell calibration: a settled reading at a
 * level, or any condition on the frames, with the device clock as the timeout and the wall clock
 * only for silence (docs/calibration.md §1b).
 *
 * Settled: the controller's set-point has reached the level (or the table is at rest, IDLE) and, over the last second of
 * telemetry (50 frames), the reading's SD is ≤ 0.2 % FS and its half-window means differ by
 * ≤ 0.1 % FS.
 */
import { err, ok, type Result } from '../../core/index.ts';
import { waitOnStream, type TableDriver, type TableTelemetry, type Timers } from '../../native-bridge/index.ts';

/** DESIGN: 1 s of 50 Hz telemetry. */
export const WINDOW_FRAMES = 50;
/** DESIGN: ~2× the 0.1 % FS noise of the cell (decompression.md §7.1 SIM_LOADCELL_NOISE). */
const SETTLE_SD_FRAC_OF_FS = 0.002;
const SETTLE_DRIFT_FRAC_OF_FS = 0.001;
/**
 * DESIGN: at rest, where the zero is taken, the half-window means may differ by only 0.02 % FS
 * (0.3 N on 1500 N): every later reading carries the zero's error, and a harness still relaxing
 * after a release would otherwise be zeroed mid-slope.
 */
const REST_DRIFT_FRAC_OF_FS = 0.0002;
/** DESIGN: a level not settled within 60 s of telemetry has something wrong. */
export const TABLE_SETTLE_TIMEOUT_MS = 60_000;
const SILENCE_LIMIT_MS = 3000;

export type Failure = { readonly code: string; readonly message: string };

export interface FrameSource {
  readonly events: TableDriver['events'];
  readonly timers: Timers;
  readonly timeoutMs: number;
}

/** The table held at `levelN` (RUN, set-point reached), or at rest (IDLE) for `levelN` 'rest'. */
const isHeldAt = (levelN: number | 'rest', frame: TableTelemetry): boolean =>
  levelN === 'rest' ? frame.state === 'IDLE' : frame.state === 'RUN' && Math.abs(frame.setpointN - levelN) <= 0.05;

export function settledReading(setup: FrameSource, levelN: number | 'rest', fullScaleN: number): Promise<Result<number, Failure>> {
  const window: number[] = [];
  let meanN = Number.NaN;
  return waitFrames(setup, setup.timeoutMs, (frame) => {
    if (!isHeldAt(levelN, frame)) {
      window.length = 0;
      return false;
    }
    window.push(frame.measuredN);
    if (window.length > WINDOW_FRAMES) window.shift();
    if (window.length < WINDOW_FRAMES) return false;
    const half = WINDOW_FRAMES / 2;
    const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
    meanN = mean(window);
    const sdN = Math.sqrt(mean(window.map((v) => (v - meanN) ** 2)));
    const driftN = Math.abs(mean(window.slice(half)) - mean(window.slice(0, half)));
    const driftLimitFrac = levelN === 'rest' ? REST_DRIFT_FRAC_OF_FS : SETTLE_DRIFT_FRAC_OF_FS;
    return sdN <= SETTLE_SD_FRAC_OF_FS * fullScaleN && driftN <= driftLimitFrac * fullScaleN;
  }).then((settled) => (settled.ok ? ok(meanN) : err({ ...settled.error, message: `${levelN === 'rest' ? 'at rest' : `${levelN} N`}: ${settled.error.message}` })));
}

/** Resolves when `isDone` accepts a frame, the telemetry time runs out, or the link is lost. */
export function waitFrames(setup: FrameSource, timeoutMs: number, isDone: (frame: TableTelemetry) => boolean): Promise<Result<void, Failure>> {
  let firstUs: number | undefined;
  const silent = (): Failure => ({ code: 'disconnected', message: `the table sent no telemetry for ${SILENCE_LIMIT_MS} ms` });
  return waitOnStream<void, Failure>(setup.timers, SILENCE_LIMIT_MS, silent, ({ finish, alive }) => [
    setup.events.on('telemetry', (frame) => {
      alive();
      firstUs ??= frame.tUs;
      if (isDone(frame)) finish(ok(undefined));
      else if (frame.tUs - firstUs > timeoutMs * 1000) finish(err({ code: 'neverSettled', message: `the reading did not settle within ${timeoutMs / 1000} s` }));
    }),
    setup.events.on('linkLost', ({ reason }) => finish(err({ code: 'disconnected', message: `the table disconnected: ${reason}` }))),
  ]);
}
