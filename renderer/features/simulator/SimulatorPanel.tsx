/**
 * QA's simulator panel (shown only while a simulated device is connected): the subject on the
 * plate, the sway condition, the table's patient switch and e-stop, cables, and faults.
 */
import { SWITCH_POSITIONS, type DeviceRole, type Eyes, type SimulatorStatus, type Surface } from '../../../api/index.ts';
import { ActionMessage } from '../../app/ActionMessage.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useAction, type Action } from '../../app/use-action.ts';
import { FaultControls } from './FaultControls.tsx';

function CableButton({ role, isUnplugged, action }: { readonly role: DeviceRole; readonly isUnplugged: boolean; readonly action: Action }) {
  const client = useClient();
  return (
    <button type="button" disabled={action.isBusy} onClick={() => action.run(() => client.call('sim.setUnplugged', { role, unplugged: !isUnplugged }))}>
      {isUnplugged ? `Plug the ${role} back in` : `Unplug the ${role}`}
    </button>
  );
}

function PlateControls({ status }: { readonly status: SimulatorStatus }) {
  const client = useClient();
  const action = useAction();
  const plate = status.plate;
  if (plate === null) return null;
  const setSway = (eyes: Eyes, surface: Surface): void => action.run(() => client.call('sim.setSway', { eyes, surface }));
  return (
    <section className="card" aria-labelledby="sim-plate">
      <h2 id="sim-plate">Simulated plate</h2>
      <div className="row">
        <button type="button" disabled={action.isBusy} onClick={() => action.run(() => client.call('sim.setSubjectPresent', { present: !plate.subjectPresent }))}>
          {plate.subjectPresent ? 'Step the subject off' : 'Step the subject on'}
        </button>
        <label>
          Eyes
          <select value={plate.eyes} onChange={(event) => setSway(event.target.value as Eyes, plate.surface)}>
            <option value="open">open</option>
            <option value="closed">closed</option>
          </select>
        </label>
        <label>
          Surface
          <select value={plate.surface} onChange={(event) => setSway(plate.eyes, event.target.value as Surface)}>
            <option value="firm">firm</option>
            <option value="foam">foam</option>
          </select>
        </label>
        <CableButton role="plate" isUnplugged={plate.unplugged} action={action} />
      </div>
      <ActionMessage action={action} />
    </section>
  );
}

function TableControls({ status }: { readonly status: SimulatorStatus }) {
  const client = useClient();
  const action = useAction();
  const table = status.table;
  if (table === null) return null;
  return (
    <section className="card" aria-labelledby="sim-table">
      <h2 id="sim-table">Simulated table</h2>
      <p>
        Controller state: <strong>{table.state}</strong>
      </p>
      <div className="row" role="group" aria-label="Patient switch">
        {SWITCH_POSITIONS.map((position) => (
          <button key={position} type="button" aria-pressed={table.switchPosition === position} disabled={action.isBusy} onClick={() => action.run(() => client.call('sim.setPatientSwitch', { position }))}>
            Switch {position}
          </button>
        ))}
      </div>
      <div className="row">
        <button type="button" disabled={action.isBusy} onClick={() => action.run(() => client.call('sim.setEstop', { engaged: !table.estopEngaged }))}>
          {table.estopEngaged ? 'Clear the e-stop' : 'Press the e-stop'}
        </button>
        <CableButton role="table" isUnplugged={table.unplugged} action={action} />
      </div>
      <ActionMessage action={action} />
    </section>
  );
}

export function SimulatorPanel({ status }: { readonly status: SimulatorStatus | null }) {
  if (status === null) return <p>The simulator is not running in this session.</p>;
  return (
    <div className="screen">
      <h1>Simulator</h1>
      <p className="hint">Device time runs {status.timeScale}× real time.</p>
      <PlateControls status={status} />
      <TableControls status={status} />
      <FaultControls status={status} />
    </div>
  );
}
