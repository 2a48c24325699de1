/**
 * The technician's way into the table's load-cell calibration (issue 8): reference levels, then
 * the procedure runs on the host (zero, levels up and down, fit, service-mode write, verification)
 * and its result is stored. The simulated table's gauge is read by the simulator; a real table's
 * readings are typed in with `proprio calibrate table` until the wizard comes.
 */
import { useState } from 'react';
import type { TableCalibrationView } from '../../../api/index.ts';
import { Field, fieldInputProps, FormMessage } from '../../app/Field.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useFormCall } from '../../app/use-form-call.ts';
import { dayOf } from '../../app/dates.ts';

/** docs/calibration-table-levels.json */
const DEFAULT_LEVELS = '150, 300, 600, 900';

export function TableCalibration() {
  const client = useClient();
  const form = useFormCall();
  const [levels, setLevels] = useState(DEFAULT_LEVELS);
  const [result, setResult] = useState<TableCalibrationView | null>(null);
  const run = (): void => {
    const levelsN = levels.split(/[\s,;]+/).filter((t) => t !== '').map(Number);
    if (levelsN.length < 2 || levelsN.some((n) => !Number.isFinite(n))) return form.refuse({ levels: 'two or more numbers of newtons, rising' });
    setResult(null);
    form.run(() => client.call('calibration.table', { levelsN }), setResult);
  };
  return (
    <div className="calibration">
      <Field id="table-levels" label="Reference levels (N)" error={form.fields['levels'] ?? form.fields['levelsN']}>
        <input {...fieldInputProps('table-levels', form.fields['levels'] ?? form.fields['levelsN'])} value={levels} onChange={(e) => setLevels(e.target.value)} />
      </Field>
      <button type="button" disabled={form.isBusy} onClick={run}>
        Calibrate the table load cell
      </button>
      <FormMessage message={form.isBusy ? 'Calibrating: the table pulls to each level and back, then verifies. Keep clear of the harness.' : form.message} />
      {result !== null && (
        <p data-testid="table-calibration-result" className={result.isPassed ? 'state state-ready' : 'flag'}>
          {result.isPassed ? 'PASSED' : 'FAILED'}: worst error {result.accuracyMaxPct.toFixed(3)} % against the gauge (≤ 0.5 %), due{' '}
          {dayOf(result.dueAtMs)}
          {result.failures.length > 0 ? ` — ${result.failures.join('; ')}` : ''}
        </p>
      )}
    </div>
  );
}
