/**
 * The force plate calibration wizard (issue 8), for technicians and admins: zero the empty plate,
 * then take each point of the plan once its mass has settled (the host waits for the stated
 * criterion), retake any, and finish: the host fits, verifies and stores the calibration, and the
 * result shows each error against its tolerance. On the simulated plate nobody can put masses on,
 * so the wizard asks the simulator to; on a real plate it tells the technician where each goes.
 * The host runs the wizard; this screen follows `calibration.changed` and sends the buttons.
 */
import { useState } from 'react';
import { METHOD_ACCESS, isAllowedFor, type PlateCalibrationResultView, type PlateWizardPoint, type PlateWizardView } from '../../../api/index.ts';
import { ActionMessage } from '../../app/ActionMessage.tsx';
import { useAuthStatus, useClient, usePlateWizard } from '../../app/host-hooks.ts';
import { useAction, type Action } from '../../app/use-action.ts';
import { PlateCalibrationResult } from './PlateCalibrationResult.tsx';
import { PlateLiveReadings } from './PlateLiveReadings.tsx';

/** Shown only to operators who may calibrate (api/access.ts). */
export function PlateCalibration() {
  const role = useAuthStatus()?.operator?.role;
  if (role === undefined || !isAllowedFor(METHOD_ACCESS['calibration.plateOpen'], role)) return null;
  return <PlateWizard />;
}

const mark = (p: PlateWizardPoint): string => `(${p.xMm}, ${p.yMm}) mm`;

function PlateWizard() {
  const client = useClient();
  const wizard = usePlateWizard();
  const action = useAction();
  const [result, setResult] = useState<PlateCalibrationResultView | null>(null);
  if (wizard === null) {
    return (
      <div className="calibration" data-testid="plate-calibration">
        <button
          type="button"
          disabled={action.isBusy}
          onClick={() => {
            setResult(null);
            action.run(() => client.call('calibration.plateOpen', {}));
          }}
        >
          Calibrate the force plate
        </button>
        <ActionMessage action={action} />
        {result !== null && <PlateCalibrationResult result={result} />}
      </div>
    );
  }
  const finish = (): void =>
    action.run(async () => {
      const finished = await client.call('calibration.plateFinish', {});
      if (finished.ok) setResult(finished.value);
      return finished;
    });
  const isWaiting = wizard.step === 'zeroing' || wizard.step === 'taking';
  const pending = wizard.points.filter((p) => p.takenForceN === null);
  return (
    <section className="calibration" aria-labelledby="plate-wizard-title" data-testid="plate-calibration">
      <h3 id="plate-wizard-title">
        Force plate calibration · {wizard.device.model} {wizard.device.serial}
      </h3>
      <p className="hint">{wizard.criterion.text}</p>
      <PlateLiveReadings live={wizard.live} criterion={wizard.criterion} />
      <p data-testid="plate-wizard-instruction">{instruction(wizard, pending[0])}</p>
      {wizard.lastError !== null && (
        <p className="flag" role="alert" data-testid="plate-wizard-error">
          {wizard.lastError}
        </p>
      )}
      <div className="row">
        {wizard.isSimulated && (
          <button type="button" disabled={isWaiting || action.isBusy} onClick={() => action.run(() => client.call('sim.clearPlate', {}))}>
            Clear plate (simulator)
          </button>
        )}
        <button type="button" disabled={isWaiting || action.isBusy} onClick={() => action.run(() => client.call('calibration.plateTare', {}))}>
          {wizard.step === 'zero' ? 'Zero the empty plate' : 'Zero again'}
        </button>
      </div>
      {wizard.step !== 'zero' && <PointTable wizard={wizard} action={action} isWaiting={isWaiting} />}
      <div className="row">
        <button type="button" disabled={isWaiting || action.isBusy || wizard.step === 'zero' || pending.length > 0} onClick={finish}>
          Finish and store
        </button>
        <button type="button" disabled={action.isBusy && !isWaiting} onClick={() => action.run(() => client.call('calibration.plateCancel', {}))}>
          Cancel calibration
        </button>
      </div>
      <ActionMessage action={action} />
    </section>
  );
}

function instruction(wizard: PlateWizardView, next: PlateWizardPoint | undefined): string {
  switch (wizard.step) {
    case 'zero':
      return wizard.isSimulated
        ? 'Step 1: clear the plate (simulator), then zero it.'
        : 'Step 1: clear the plate (nothing on it, nobody touching it), then zero it.';
    case 'zeroing':
      return 'Zeroing: waiting for the empty plate to settle…';
    case 'taking':
      return `Taking ${wizard.currentPointId ?? ''}: waiting for the load to settle…`;
    case 'points':
      if (next === undefined) return 'Every point is taken: retake any point, or finish.';
      return wizard.isSimulated
        ? `Next: ${next.id}, ${next.massKg} kg at ${mark(next)}: press “Place it (simulator)”, then Take.`
        : `Place ${next.massKg} kg on mark ${next.id} ${mark(next)}, then press Take.`;
  }
}

function PointTable({ wizard, action, isWaiting }: { readonly wizard: PlateWizardView; readonly action: Action; readonly isWaiting: boolean }) {
  const client = useClient();
  const isIdle = !isWaiting && !action.isBusy;
  return (
    <table className="list" data-testid="plate-wizard-points">
      <caption className="hint">Calibration points (fit: used to fit the gains; verify: only to test them)</caption>
      <thead>
        <tr>
          <th scope="col">Point</th>
          <th scope="col">Use</th>
          <th scope="col">Mass (kg)</th>
          <th scope="col">Mark (x, y)</th>
          <th scope="col">Reading (N)</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {wizard.points.map((p) => (
          <tr key={p.id} aria-current={wizard.currentPointId === p.id ? 'step' : undefined}>
            <th scope="row">{p.id}</th>
            <td>{p.role}</td>
            <td>{p.massKg}</td>
            <td>{mark(p)}</td>
            <td>{wizard.currentPointId === p.id ? 'settling…' : p.takenForceN === null ? '—' : p.takenForceN.toFixed(1)}</td>
            <td className="row">
              {wizard.isSimulated && (
                <button
                  type="button"
                  aria-label={`Place it (simulator): ${p.id}`}
                  disabled={!isIdle}
                  onClick={() => action.run(() => client.call('sim.placeMass', { massKg: p.massKg, xMm: p.xMm, yMm: p.yMm }))}
                >
                  Place it (simulator)
                </button>
              )}
              <button
                type="button"
                aria-label={`${p.takenForceN === null ? 'Take' : 'Retake'} ${p.id}`}
                disabled={!isIdle}
                onClick={() => action.run(() => client.call('calibration.plateTake', { pointId: p.id }))}
              >
                {p.takenForceN === null ? 'Take' : 'Retake'}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
