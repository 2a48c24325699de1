/**
 * The table load cell against a reference gauge in line with the harness: zero the unloaded cell,
 * arm, pull to each reference level going up, then back down through them (hysteresis), and at
 * each settled level pair the load cell's mean reading with the gauge's; then zero+span fit,
 * linearity, hysteresis and accuracy (core table-fit.ts), and the bound on how far the new
 * coefficients move from those in force. Nothing is stored here; an aborted procedure returns an
 * error and leaves the table stopped and disarmed where it can.
 *
 * Settled (docs/calibration.md §2): the controller's set-point has reached the level and, over
 * the last second of telemetry (50 frames), the reading's SD is ≤ 0.2 % FS and its half-window
 * means differ by ≤ 0.1 % FS. Time is counted in frames (device clock).
 */
import {
  calibrateTableLoadCell,
  checkCoefficientChange,
  err,
  ok,
  IDENTITY_TABLE_COEFFICIENTS,
  type Result,
  type TableCalibrationResult,
  type TableCoefficients,
  type TablePoint,
  type LoadDirection,
} from '../../core/index.ts';
import type { CommandResult, TableDriver, TableTelemetry, Timers } from '../../native-bridge/index.ts';

/** DESIGN: 1 s of 50 Hz telemetry. */
const WINDOW_FRAMES = 50;
/** DESIGN: ~2× the 0.1 % FS noise of the cell (decompression.md §7.1 SIM_LOADCELL_NOISE). */
const SETTLE_SD_FRAC_OF_FS = 0.002;
const SETTLE_DRIFT_FRAC_OF_FS = 0.001;
/** DESIGN: a level not settled within 60 s of telemetry has something wrong. */
export const TABLE_SETTLE_TIMEOUT_MS = 60_000;
const SILENCE_LIMIT_MS = 3000;
/** Levels stay below this share of the lumbar force limit, so the controller's limit never trips. DESIGN. */
const MAX_LEVEL_FRAC_OF_LIMIT = 0.95;

export type TableSource = Pick<TableDriver, 'events' | 'connected' | 'zero' | 'arm' | 'setTension' | 'stopProgram' | 'disarm'>;

/** The reference gauge: the technician types its reading in; the simulator reads its true tension. */
export interface ReferenceGauge {
  read(levelN: number, direction: LoadDirection): Promise<Result<number, string>>;
}

export interface TableProcedureSetup {
  readonly driver: TableSource;
  readonly gauge: ReferenceGauge;
  readonly levelsN: readonly number[];
  readonly timers: Timers;
  /** Coefficients in force (identity for a cell never calibrated). */
  readonly previous?: TableCoefficients;
  readonly settleTimeoutMs?: number;
}

export interface TableCalibrationOutcome extends TableCalibrationResult {
  readonly points: readonly TablePoint[];
  readonly fullScaleN: number;
}

type Failure = { readonly code: string; readonly message: string };

export async function runTableProcedure(setup: TableProcedureSetup): Promise<Result<TableCalibrationOutcome, Failure>> {
  const caps = setup.driver.connected?.capabilities;
  if (caps === undefined) return err({ code: 'notConnected', message: 'the table is not connected' });
  const fullScaleN = caps.loadCellFullScaleN;
  const maxLevelN = MAX_LEVEL_FRAC_OF_LIMIT * caps.lumbarLimitN;
  const levels = [...setup.levelsN];
  const bad = levels.find((l, i) => !(l > caps.floorN && l <= maxLevelN) || (i > 0 && l <= (levels[i - 1] ?? 0)));
  if (bad !== undefined || levels.length < 2) {
    return err({ code: 'badPlan', message: `levels must rise strictly, two or more, each from ${caps.floorN} to ${maxLevelN.toFixed(0)} N; got ${levels.join(', ')}` });
  }
  const command = async (what: string, sent: Promise<CommandResult>): Promise<Failure | undefined> => {
    const result = await sent;
    if (result.ok) return undefined;
    const why = result.error.kind === 'nak' ? `refused (${result.error.name})` : result.error.kind;
    return { code: result.error.kind === 'link-lost' ? 'disconnected' : 'refused', message: `${what}: ${why}` };
  };
  const failed = (await command('zero the unloaded load cell', setup.driver.zero())) ?? (await command('arm', setup.driver.arm('lumbar')));
  if (failed !== undefined) return err(failed);
  const schedule: [number, LoadDirection][] = [...levels.map((l): [number, LoadDirection] => [l, 'loading']), ...levels.slice(0, -1).reverse().map((l): [number, LoadDirection] => [l, 'unloading'])];
  const points: TablePoint[] = [];
  let failure: Failure | undefined;
  for (const [levelN, direction] of schedule) {
    failure = await command(`pull to ${levelN} N`, setup.driver.setTension(levelN, caps.lumbarRateNps));
    const reading = failure === undefined ? await settledReading(setup, levelN, fullScaleN) : undefined;
    if (reading !== undefined && !reading.ok) failure = reading.error;
    if (failure !== undefined) break;
    const gauge = await setup.gauge.read(levelN, direction);
    if (!gauge.ok) {
      failure = { code: 'gauge', message: gauge.error };
      break;
    }
    points.push({ referenceN: gauge.value, readingN: reading?.ok === true ? reading.value : Number.NaN, direction });
  }
  await unload(setup, caps.lumbarRateNps);
  if (failure !== undefined) return err(failure);
  const result = calibrateTableLoadCell(points, fullScaleN);
  if (!result.ok) return err(result.error);
  const change = checkCoefficientChange(setup.previous ?? IDENTITY_TABLE_COEFFICIENTS, result.value.coefficients);
  if (!change.ok) return err({ code: 'changeTooLarge', message: `new coefficients refused: ${change.error}` });
  return ok({ ...result.value, points, fullScaleN });
}

/** Stops to the floor and disarms; best effort (the table's own safety holds if this fails). */
async function unload(setup: TableProcedureSetup, rateNps: number): Promise<void> {
  const stop = await setup.driver.stopProgram(rateNps);
  if (!stop.ok) return;
  // The controller is ARMED once at the floor; disarming needs its filtered reading settled there.
  let framesArmed = 0;
  const atFloor = await waitFrames(setup, setup.settleTimeoutMs ?? TABLE_SETTLE_TIMEOUT_MS, (frame) => {
    framesArmed = frame.state === 'ARMED' ? framesArmed + 1 : 0;
    return framesArmed >= WINDOW_FRAMES;
  });
  if (atFloor.ok) await setup.driver.disarm();
}

function settledReading(setup: TableProcedureSetup, levelN: number, fullScaleN: number): Promise<Result<number, Failure>> {
  const window: number[] = [];
  let meanN = Number.NaN;
  return waitFrames(setup, setup.settleTimeoutMs ?? TABLE_SETTLE_TIMEOUT_MS, (frame) => {
    if (frame.state !== 'RUN' || Math.abs(frame.setpointN - levelN) > 0.05) {
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
    return sdN <= SETTLE_SD_FRAC_OF_FS * fullScaleN && driftN <= SETTLE_DRIFT_FRAC_OF_FS * fullScaleN;
  }).then((settled) => (settled.ok ? ok(meanN) : err({ ...settled.error, message: `${levelN} N: ${settled.error.message}` })));
}

/** Resolves when `isDone` accepts a frame, the telemetry time runs out, or the link is lost. */
function waitFrames(setup: TableProcedureSetup, timeoutMs: number, isDone: (frame: TableTelemetry) => boolean): Promise<Result<void, Failure>> {
  return new Promise((resolve) => {
    let firstUs: number | undefined;
    const silent = (): Failure => ({ code: 'disconnected', message: `the table sent no telemetry for ${SILENCE_LIMIT_MS} ms` });
    let silence = setup.timers.after(SILENCE_LIMIT_MS, () => finish(err(silent())));
    const offFrame = setup.driver.events.on('telemetry', (frame) => {
      silence.cancel();
      silence = setup.timers.after(SILENCE_LIMIT_MS, () => finish(err(silent())));
      firstUs ??= frame.tUs;
      if (isDone(frame)) finish(ok(undefined));
      else if (frame.tUs - firstUs > timeoutMs * 1000) finish(err({ code: 'neverSettled', message: `the reading did not settle within ${timeoutMs / 1000} s` }));
    });
    const offLost = setup.driver.events.on('linkLost', ({ reason }) => finish(err({ code: 'disconnected', message: `the table disconnected: ${reason}` })));
    let isFinished = false;
    function finish(result: Result<void, Failure>): void {
      if (isFinished) return;
      isFinished = true;
      silence.cancel();
      offFrame();
      offLost();
      resolve(result);
    }
  });
}
