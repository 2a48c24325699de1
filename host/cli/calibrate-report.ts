/**
 * The plain-text result of a headless calibration: every verification point's errors against its
 * tolerance, the uncalibrated errors beside them, fit residuals, linearity, pass/fail, due date.
 */
import type { DeviceIdentity } from '../../native-bridge/index.ts';
import type { PlateCalibrationOutcome } from '../calibration/index.ts';

const f = (value: number, digits: number, width: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '—').padStart(width);

export function formatPlateOutcome(outcome: PlateCalibrationOutcome, identity: DeviceIdentity, dueAtMs: number, storedId: number | undefined): string {
  const lines = [
    `plate ${identity.model} ${identity.serial}: ${outcome.isPassed ? 'PASSED' : 'FAILED'}`,
    `fit: ${outcome.fit.residuals.length} points, force residual RMS ${outcome.fit.rmsForceResidualN.toFixed(3)} N`,
    `${'verification'.padEnd(24)} applied N  force err %  (tol N)  COP err mm (tol)   uncalibrated: force %  COP mm`,
  ];
  outcome.verification.forEach((p, i) => {
    const before = outcome.uncalibrated[i];
    lines.push(
      `  ${p.pointId.padEnd(22)} ${f(p.appliedN, 1, 9)} ${f(p.forceErrorPct, 3, 12)} ${f(p.forceToleranceN, 2, 8)} ${f(p.copErrorMm, 2, 11)} (${p.copToleranceMm})  ${p.isPassed ? 'ok  ' : 'FAIL'}` +
        `  ${f(before?.forceErrorPct ?? Number.NaN, 3, 16)} ${f(before?.copErrorMm ?? Number.NaN, 2, 7)}`,
    );
  });
  lines.push(
    `worst: COP ${outcome.copErrorMaxMm.toFixed(3)} mm, force ${outcome.forceErrorMaxPct.toFixed(3)} % (uncalibrated: COP ${outcome.copErrorBeforeMaxMm.toFixed(2)} mm, force ${outcome.forceErrorBeforeMaxPct.toFixed(2)} %)`,
    `linearity: ${outcome.linearity.maxDeviationPctFs.toFixed(4)} % FS (≤ ${outcome.linearity.tolerancePctFs} % FS) ${outcome.linearity.isPassed ? 'ok' : 'FAIL'}`,
    `due: ${new Date(dueAtMs).toISOString().slice(0, 10)}`,
    storedId === undefined ? 'not stored (no --db)' : `stored as calibration ${storedId}`,
  );
  return `${lines.join('\n')}\n`;
}
