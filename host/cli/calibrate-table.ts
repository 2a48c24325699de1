/**
 * `proprio calibrate table`: the headless table load-cell calibration for QA. Connects, runs the
 * procedure of host/calibration/table-procedure.ts against the reference levels of the points
 * file (the simulator's gauge reads its true tension; at a real table the technician types each
 * gauge reading in), prints the result beside the uncalibrated error, and stores a finished
 * calibration like the wizard. An aborted procedure stores nothing.
 */
import { TableDriver, type Timers, type TransportFactory } from '../../native-bridge/index.ts';
import { runTableProcedure, tableCalibrationRecord, type CalibrationStore, type ReferenceGauge, type TableCalibrationOutcome } from '../calibration/index.ts';
import { readTableLevelsFile, type CalibrateOptions } from './calibrate-args.ts';
import { CONNECT_TIMEOUT_MS, whenConnected } from './calibrate-connect.ts';
import { describeState, type CalibrateIo } from './calibrate-plate.ts';

export interface TableRun {
  readonly transport: TransportFactory;
  readonly gauge: ReferenceGauge;
  readonly store: CalibrationStore | undefined;
  readonly nowMs: () => number;
  readonly timers: Timers;
}

export async function runCalibrateTable(options: CalibrateOptions, run: TableRun, io: CalibrateIo): Promise<number> {
  const fail = (message: string): number => {
    io.writeError(`proprio calibrate table: ${message}\nnothing was stored\n`);
    return 2;
  };
  const levels = readTableLevelsFile(options.pointsFile);
  if (!levels.ok) return fail(levels.error);
  const mayApply = run.store?.mayApply(options.operator);
  if (mayApply !== undefined && !mayApply.ok) return fail(mayApply.error);
  const driver = new TableDriver({ transport: run.transport, timers: run.timers });
  driver.start();
  try {
    if (!(await whenConnected(driver, run.timers)) || driver.connected === undefined) {
      return fail(`no table answered on ${options.port} within ${CONNECT_TIMEOUT_MS / 1000} s (${describeState(driver)})`);
    }
    const identity = driver.connected.identity;
    const outcome = await runTableProcedure({ driver, gauge: run.gauge, levelsN: levels.value, timers: run.timers });
    if (!outcome.ok) return fail(outcome.error.message);
    const record = tableCalibrationRecord(outcome.value, identity, options.operator, run.nowMs(), options.intervalMonths);
    const stored = run.store?.saveCalibration(record);
    if (stored !== undefined && !stored.ok) return fail(`the result could not be stored: ${stored.error}`);
    io.write(options.json ? `${JSON.stringify({ device: 'table', serial: identity.serial, ...outcome.value, dueAtMs: record.dueAtMs, storedId: stored?.value.id ?? null })}\n` : formatTable(outcome.value, identity.serial, record.dueAtMs, stored?.value.id));
    return outcome.value.isPassed ? 0 : 1;
  } finally {
    await driver.stop();
  }
}

function formatTable(outcome: TableCalibrationOutcome, serial: string, dueAtMs: number, storedId: number | undefined): string {
  const c = outcome.coefficients;
  const lines = [
    `table ${serial}: ${outcome.isPassed ? 'PASSED' : 'FAILED'}`,
    `coefficients: offsetN ${outcome.previous.offsetN.toFixed(2)} → ${outcome.next.offsetN.toFixed(2)} N, span ${outcome.previous.span.toFixed(5)} → ${outcome.next.span.toFixed(5)}` +
      (outcome.isApplied ? ' (written in service mode, CRC-checked, read back, in force)' : ' (not put in force)'),
    '  reference N  reading N  direction   uncalibrated err %  calibrated err %',
    ...outcome.points.map((p) => {
      const before = (100 * (p.readingN - p.referenceN)) / p.referenceN;
      const after = (100 * (c.offsetN + c.span * p.readingN - p.referenceN)) / p.referenceN;
      return `  ${p.referenceN.toFixed(1).padStart(11)} ${p.readingN.toFixed(1).padStart(10)}  ${p.direction.padEnd(10)} ${before.toFixed(3).padStart(19)} ${after.toFixed(3).padStart(17)}`;
    }),
    ...outcome.verification.map((v) => `  after: ${v.referenceN.toFixed(1).padStart(8)} N reference, ${v.readingN.toFixed(1).padStart(8)} N read, ${v.errorPct.toFixed(3)} % (≤ 0.5 %)`),
    `fit accuracy from 20 % FS: ${outcome.accuracyMaxPct.toFixed(3)} % (≤ 0.5 %); linearity ${outcome.linearityPctFs.toFixed(3)} % FS; hysteresis ${outcome.hysteresisPctFs.toFixed(3)} % FS (≤ 0.25 % FS each)`,
    ...outcome.failures.map((f) => `FAIL: ${f}`),
    `due: ${new Date(dueAtMs).toISOString().slice(0, 10)}`,
    storedId === undefined ? 'not stored (no --db)' : `stored as calibration ${storedId}`,
  ];
  return `${lines.join('\n')}\n`;
}
