/** Inject any fault the simulator knows (its own catalogue), and see and clear the active ones. */
import { useState } from 'react';
import { DEVICE_ROLES, type DeviceRole, type SimulatorStatus } from '../../../api/index.ts';
import { ActionMessage } from '../../app/ActionMessage.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useAction } from '../../app/use-action.ts';

export function FaultControls({ status }: { readonly status: SimulatorStatus }) {
  const client = useClient();
  const action = useAction();
  const [role, setRole] = useState<DeviceRole>('plate');
  const faults = status.faultCatalog.filter((fault) => fault.devices.includes(role));
  const [name, setName] = useState(faults[0]?.name ?? '');
  const [value, setValue] = useState('');
  const chosen = faults.find((fault) => fault.name === name) ?? faults[0];
  return (
    <section className="card" aria-labelledby="sim-faults">
      <h2 id="sim-faults">Faults</h2>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen !== undefined) action.run(() => client.call('sim.setFault', { role, name: chosen.name, value }));
        }}
      >
        <label>
          Device
          <select value={role} onChange={(event) => setRole(event.target.value as DeviceRole)}>
            {DEVICE_ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          Fault
          <select value={chosen?.name ?? ''} onChange={(event) => setName(event.target.value)}>
            {faults.map((fault) => (
              <option key={fault.name} value={fault.name}>
                {fault.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Value
          <input value={value} onChange={(event) => setValue(event.target.value)} placeholder="e.g. 0.1, 2, on, none" />
        </label>
        <button type="submit" disabled={action.isBusy || value.trim() === ''}>
          Inject
        </button>
      </form>
      {chosen !== undefined && <p className="hint">{chosen.help}</p>}
      <ActionMessage action={action} />
      {DEVICE_ROLES.map((r) => {
        const active = status[r]?.faults ?? [];
        return (
          <div key={r} className="row">
            <span data-testid={`active-faults-${r}`}>
              Active on the {r}: {active.length === 0 ? 'none' : active.map((f) => `${f.name}=${f.value}`).join(', ')}
            </span>
            {active.length > 0 && (
              <button type="button" onClick={() => action.run(() => client.call('sim.clearFaults', { role: r }))}>
                Clear {r} faults
              </button>
            )}
          </div>
        );
      })}
    </section>
  );
}
