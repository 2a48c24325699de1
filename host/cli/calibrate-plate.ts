/**
 * `proprio calibrate plate`: the headless plate calibration for QA. Connects, runs the same
 * session as the wizard (zero, every point once settled, fit, verify), prints the result beside
 * the uncalibrated errors, and stores a finished calibration, passed or failed, like the wizard.
 * An aborted procedure (bad plan, never settles, wrong load, disconnect) stores nothing.
 */
import { STANDARD_GRAVITY_MPS2 } from '../../core/index.ts';
import { PlateDriver, type Timers, type TransportFactory } from '../../native-bridge/index.ts';
import {
  PlateCalibrationSession,
  plateCalibrationRecord,
  runPlateProcedure,
  type CalibrationStore,
  type MassPlacer,
  type PlateCalibrationOutcome,
} from '../calibration/index.ts';
import { readPlatePlanFile, type CalibrateOptions } from './calibrate-args.ts';
import { CONNECT_TIMEOUT_MS, whenConnected } from './calibrate-connect.ts';
import { formatPlateOutcome } from './calibrate-report.ts';

/** DESIGN: the plate's lowest rate; the 2 s stability window still averages 200 samples. */
export const CALIBRATION_RATE_HZ = 100;

export interface CalibrateIo {
  readonly write: (text: string) => void;
  readonly writeError: (text: string) => void;
}

export interface PlateRun {
  readonly transport: TransportFactory;
  readonly placer: MassPlacer;
  readonly store: CalibrationStore | undefined;
  readonly nowMs: () => number;
  /** The driver's and the procedure's timers (real ones from the CLI, device time in tests). */
  readonly timers: Timers;
  /** Shorter settle timeout for tests; the session's default otherwise. */
  readonly settleTimeoutMs?: number;
}

export async function runCalibratePlate(options: CalibrateOptions, run: PlateRun, io: CalibrateIo): Promise<number> {
  const fail = (message: string): number => {
    io.writeError(`proprio calibrate plate: ${message}\nnothing was stored\n`);
    return 2;
  };
  const plan = readPlatePlanFile(options.pointsFile);
  if (!plan.ok) return fail(plan.error);
  const mayApply = run.store?.mayApply(options.operator);
  if (mayApply !== undefined && !mayApply.ok) return fail(mayApply.error);
  const driver = new PlateDriver({ transport: run.transport, rateHz: CALIBRATION_RATE_HZ, timers: run.timers });
  driver.start();
  try {
    const isConnected = await whenConnected(driver, run.timers);
    if (!isConnected) return fail(`no plate answered on ${options.port} within ${CONNECT_TIMEOUT_MS / 1000} s (${describeState(driver)})`);
    const session = PlateCalibrationSession.open({
      source: driver,
      plan: plan.value.points,
      gravityMps2: plan.value.gravityMps2 ?? STANDARD_GRAVITY_MPS2,
      timers: run.timers,
      ...(run.settleTimeoutMs === undefined ? {} : { settleTimeoutMs: run.settleTimeoutMs }),
    });
    if (!session.ok) return fail(session.error.message);
    const outcome = await runPlateProcedure(session.value, run.placer, (line) => {
      if (!options.json) io.write(`${line}\n`);
    });
    if (!outcome.ok) return fail(outcome.error.message);
    const record = plateCalibrationRecord(outcome.value, session.value.identity, options.operator, run.nowMs(), options.intervalMonths);
    const stored = run.store?.saveCalibration(record);
    if (stored !== undefined && !stored.ok) return fail(`the result could not be stored: ${stored.error}`);
    const storedId = stored?.value.id;
    io.write(options.json ? `${JSON.stringify(jsonSummary(outcome.value, record.dueAtMs, storedId, session.value.identity.serial))}\n` : formatPlateOutcome(outcome.value, session.value.identity, record.dueAtMs, storedId));
    return outcome.value.isPassed ? 0 : 1;
  } finally {
    await driver.stop();
  }
}

export function describeState(driver: { readonly state: PlateDriver['state'] }): string {
  const state = driver.state;
  return state.kind === 'waiting' ? state.lastError : state.kind;
}

function jsonSummary(outcome: PlateCalibrationOutcome, dueAtMs: number, storedId: number | undefined, serial: string): unknown {
  return {
    device: 'plate',
    serial,
    isPassed: outcome.isPassed,
    copErrorMaxMm: outcome.copErrorMaxMm,
    forceErrorMaxPct: outcome.forceErrorMaxPct,
    copErrorBeforeMaxMm: outcome.copErrorBeforeMaxMm,
    forceErrorBeforeMaxPct: outcome.forceErrorBeforeMaxPct,
    rmsForceResidualN: outcome.fit.rmsForceResidualN,
    linearity: outcome.linearity,
    verification: outcome.verification,
    uncalibrated: outcome.uncalibrated,
    coefficients: outcome.coefficients,
    dueAtMs,
    storedId: storedId ?? null,
  };
}
