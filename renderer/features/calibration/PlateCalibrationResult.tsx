/**
 * A finished plate calibration as the technician reads it (issue 8): pass or fail, each
 * verification point's COP and force error against its tolerance with the uncalibrated error
 * beside it, the fit's residuals, the linearity check, the due date, and the certificate as PDF.
 */
import type { PlateCalibrationResultView } from '../../../api/index.ts';
import { ActionMessage } from '../../app/ActionMessage.tsx';
import { dayOf } from '../../app/dates.ts';
import { useClient } from '../../app/host-hooks.ts';
import { useAction } from '../../app/use-action.ts';
import { saveCertificate } from './save-certificate.ts';

const verdict = (isPassed: boolean): string => (isPassed ? 'pass' : 'FAIL');

export function PlateCalibrationResult({ result }: { readonly result: PlateCalibrationResultView }) {
  const client = useClient();
  const action = useAction();
  const worstCopResidualMm = Math.max(0, ...result.residuals.map((r) => r.copResidualMm));
  return (
    <div data-testid="plate-calibration-result">
      <p className={result.isPassed ? 'state state-ready' : 'flag'}>
        {result.isPassed ? 'PASSED' : 'FAILED'}: worst COP error {result.copErrorMaxMm.toFixed(2)} mm (uncalibrated {result.copErrorBeforeMaxMm.toFixed(1)} mm), worst
        force error {result.forceErrorMaxPct.toFixed(3)} %; stored as #{result.storedId}, due {dayOf(result.dueAtMs)}
      </p>
      <table className="list">
        <caption className="hint">Verification at points not used for fitting</caption>
        <thead>
          <tr>
            <th scope="col">Point</th>
            <th scope="col">Load (N)</th>
            <th scope="col">Force error (%)</th>
            <th scope="col">Allowed (± %)</th>
            <th scope="col">COP error (mm)</th>
            <th scope="col">Allowed (mm)</th>
            <th scope="col">COP error uncalibrated (mm)</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {result.verification.map((v) => (
            <tr key={v.pointId}>
              <th scope="row">{v.pointId}</th>
              <td>{v.appliedN.toFixed(1)}</td>
              <td>{v.forceErrorPct.toFixed(3)}</td>
              <td>{v.forceTolerancePct.toFixed(3)}</td>
              <td>{v.copErrorMm.toFixed(2)}</td>
              <td>{v.copToleranceMm.toFixed(1)}</td>
              <td>{v.copErrorBeforeMm.toFixed(1)}</td>
              <td>{verdict(v.isPassed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Fit residuals: RMS force {result.rmsForceResidualN.toFixed(2)} N, worst COP {worstCopResidualMm.toFixed(2)} mm over {result.residuals.length} fitting points.
        Linearity: {result.linearity.maxDeviationPctFs.toFixed(3)} % of full scale (allowed {result.linearity.tolerancePctFs.toFixed(3)} %), {verdict(result.linearity.isPassed)}.
      </p>
      <button
        type="button"
        disabled={action.isBusy}
        onClick={() => action.run(() => saveCertificate(client, result.storedId))}
      >
        Save certificate PDF
      </button>
      <ActionMessage action={action} />
    </div>
  );
}
