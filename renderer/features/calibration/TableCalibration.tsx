/**
 * The technician's way into the table's load-cell calibration (issue 8): reference levels, then
 * the procedure runs on the host (zero, levels up and down, fit, service-mode write, verification)
 * and its result is stored. At each level the host asks, through `calibration.tableChanged`, for
 * the reference gauge's reading, which the technician types in here beside the live load cell; on
 * the simulated table the simulator's gauge may read itself instead (the default there).
 */
import { useState } from 'react';
import { METHOD_ACCESS, isAllowedFor, type TableCalibrationRunView, type TableCalibrationView, type TableGaugeSource } from '../../../api/index.ts';
import { Field, fieldInputProps, FormMessage } from '../../app/Field.tsx';
import { useAuthStatus, useClient, useTableCalibration } from '../../app/host-hooks.ts';
import { useFormCall } from '../../app/use-form-call.ts';
import { dayOf } from '../../app/dates.ts';

/** docs/calibration-table-levels.json */
const DEFAULT_LEVELS = '150, 300, 600, 900';

/** Shown only to operators who may calibrate (api/access.ts). */
export function TableCalibration({ isSimulated }: { readonly isSimulated: boolean }) {
  const role = useAuthStatus()?.operator?.role;
  if (role === undefined || !isAllowedFor(METHOD_ACCESS['calibration.table'], role)) return null;
  return <TableCalibrationForm isSimulated={isSimulated} />;
}

function TableCalibrationForm({ isSimulated }: { readonly isSimulated: boolean }) {
  const client = useClient();
  const form = useFormCall();
  const run = useTableCalibration();
  const [levels, setLevels] = useState(DEFAULT_LEVELS);
  const [gauge, setGauge] = useState<TableGaugeSource>(isSimulated ? 'simulator' : 'typed');
  const [result, setResult] = useState<TableCalibrationView | null>(null);
  const start = (): void => {
    const levelsN = levels.split(/[\s,;]+/).filter((t) => t !== '').map(Number);
    if (levelsN.length < 2 || levelsN.some((n) => !Number.isFinite(n))) return form.refuse({ levels: 'two or more numbers of newtons, rising' });
    setResult(null);
    form.run(() => client.call('calibration.table', { levelsN, gauge: isSimulated ? gauge : 'typed' }), setResult);
  };
  const source = run?.gauge ?? (isSimulated ? gauge : 'typed');
  return (
    <div className="calibration" data-testid="table-calibration-form">
      <Field id="table-levels" label="Reference levels (N)" error={form.fields['levels'] ?? form.fields['levelsN']}>
        <input {...fieldInputProps('table-levels', form.fields['levels'] ?? form.fields['levelsN'])} value={levels} disabled={run !== null} onChange={(e) => setLevels(e.target.value)} />
      </Field>
      {isSimulated && (
        <fieldset className="row" disabled={run !== null}>
          <legend>Reference gauge</legend>
          <label>
            <input type="radio" name="table-gauge" checked={gauge === 'simulator'} onChange={() => setGauge('simulator')} /> The simulator reads it
          </label>
          <label>
            <input type="radio" name="table-gauge" checked={gauge === 'typed'} onChange={() => setGauge('typed')} /> Type the gauge readings
          </label>
        </fieldset>
      )}
      <button type="button" disabled={form.isBusy || run !== null} onClick={start}>
        Calibrate the table load cell
      </button>
      <FormMessage
        message={
          form.isBusy
            ? `Calibrating: the table pulls to each level and back, then verifies.${source === 'typed' ? ' Type the reference gauge’s reading each time it is asked.' : ''} Keep clear of the harness.`
            : form.message
        }
      />
      {run !== null && <RunPanel run={run} />}
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

/** The run under way: how far it is, the live load cell, the gauge reading asked for (typed gauge), cancel. */
function RunPanel({ run }: { readonly run: TableCalibrationRunView }) {
  const client = useClient();
  const reading = useFormCall();
  const cancel = useFormCall();
  const [text, setText] = useState('');
  const submit = (): void => {
    const forceN = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (!Number.isFinite(forceN)) return reading.refuse({ forceN: 'a reading in newtons, such as 612.5' });
    reading.run(() => client.call('calibration.tableGaugeReading', { forceN }), () => setText(''));
  };
  const { prompt } = run;
  return (
    <section className="calibration" aria-labelledby="table-run-title" data-testid="table-calibration-run">
      <h3 id="table-run-title">
        Table load cell calibration · {run.device.model} {run.device.serial}
      </h3>
      <p data-testid="table-calibration-progress">
        {run.progress === null ? (
          'Starting: zeroing the load cell at rest…'
        ) : (
          <>
            <progress max={run.progress.steps} value={run.progress.step} aria-label="Calibration progress" /> Step {run.progress.step} of {run.progress.steps}
            {/* Between readings the table is already on its way to the next level: the stage is the last reading's. */}
            {run.prompt === null ? ` · last reading: ${run.progress.stage}; moving on` : ` · ${run.progress.stage}`}
          </>
        )}
      </p>
      <p data-testid="table-live-reading">Load cell now: {run.liveN === null ? '—' : `${run.liveN.toFixed(1)} N`}</p>
      {run.gauge === 'typed' && (
        <p data-testid="table-gauge-prompt">{prompt === null ? 'The table is moving to its level and settling…' : prompt.text}</p>
      )}
      {run.lastError !== null && (
        <p className="flag" role="alert" data-testid="table-calibration-error">
          {run.lastError}
        </p>
      )}
      {run.gauge === 'typed' && (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Field id="table-gauge-reading" label="Reference gauge reading (N)" error={reading.fields['forceN']}>
            <input {...fieldInputProps('table-gauge-reading', reading.fields['forceN'])} inputMode="decimal" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <button type="submit" disabled={prompt === null || reading.isBusy}>
            Enter the reading
          </button>
        </form>
      )}
      <FormMessage message={reading.message} />
      <button type="button" disabled={cancel.isBusy} onClick={() => cancel.run(() => client.call('calibration.tableCancel', {}))}>
        Cancel calibration
      </button>
      <FormMessage message={cancel.message} />
    </section>
  );
}
