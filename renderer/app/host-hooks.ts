/**
 * React state for the low-rate parts of the host: the device list, the simulator status and the
 * link to the host. These change a few times a second at most, so React state is right for them;
 * live samples never go through here (charts/live-plate-view.ts).
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { ApiClient, ApiEvents, AuthStatus, BalanceRunView, DecompressionView, DeviceSnapshot, PlateWizardView, SettingsView, SimulatorStatus, TableCalibrationRunView } from '../../api/index.ts';
import type { HostConnection } from '../api-client/connect.ts';

export const HostContext = createContext<HostConnection | null>(null);

export function useHost(): HostConnection {
  const host = useContext(HostContext);
  if (host === null) throw new Error('useHost outside <HostContext.Provider>');
  return host;
}

export function useClient(): ApiClient {
  return useHost().client;
}

/**
 * A host value kept current: fetched once by `method`, then replaced by every `event` push.
 * `method` must answer with the event's payload type (devices.list ↔ devices.changed, …).
 */
type ValueEvent = 'auth.changed' | 'balance.changed' | 'decompression.changed' | 'devices.changed' | 'sim.changed' | 'calibration.changed' | 'calibration.tableChanged' | 'settings.changed';
/** The method that answers with each event's payload. */
interface ValueMethods {
  'auth.changed': 'auth.status';
  'balance.changed': 'balance.status';
  'decompression.changed': 'decompression.status';
  'devices.changed': 'devices.list';
  'sim.changed': 'sim.status';
  'calibration.changed': 'calibration.plateStatus';
  'calibration.tableChanged': 'calibration.tableStatus';
  'settings.changed': 'settings.get';
}
type ValueMethod<E extends ValueEvent> = ValueMethods[E];

function useHostValue<E extends ValueEvent>(
  event: E,
  method: ValueMethod<E>,
  initial: ApiEvents[E] | null,
): ApiEvents[E] | null {
  const client = useClient();
  const [value, setValue] = useState<ApiEvents[E] | null>(initial);
  useEffect(() => {
    const off = client.on(event, (payload: ApiEvents[E]) => setValue(payload));
    // Each of these methods takes no parameters.
    void client.call(method as 'devices.list', {}).then((response) => {
      if (response.ok) setValue(response.value as ApiEvents[E]);
    });
    return off;
  }, [client, event, method]);
  return value;
}

const NO_DEVICES: readonly DeviceSnapshot[] = [];

export function useDevices(): readonly DeviceSnapshot[] {
  return useHostValue('devices.changed', 'devices.list', NO_DEVICES) ?? NO_DEVICES;
}

/** Who is signed in and whether the screen is locked; null until the host has answered. */
export function useAuthStatus(): AuthStatus | null {
  return useHostValue('auth.changed', 'auth.status', null);
}

/** The balance run in progress (or the last one, ended); null when there is none. */
export function useBalanceRun(): BalanceRunView | null {
  return useHostValue('balance.changed', 'balance.status', null) ?? null;
}

/** The decompression session under way (or the last one, over); null when there is none. */
export function useDecompression(): DecompressionView | null {
  return useHostValue('decompression.changed', 'decompression.status', null) ?? null;
}

/** The simulator's status; null when Proprio runs without the simulator. */
export function useSimulatorStatus(): SimulatorStatus | null {
  return useHostValue('sim.changed', 'sim.status', null);
}

/** The clinic's settings; null until the host has answered (read them through use-units.ts). */
export function useSettingsValue(): SettingsView | null {
  return useHostValue('settings.changed', 'settings.get', null);
}

/** The open plate calibration wizard (technicians and admins); null when none is open. */
export function usePlateWizard(): PlateWizardView | null {
  return useHostValue('calibration.changed', 'calibration.plateStatus', null) ?? null;
}

/** The table calibration under way (technicians and admins); null when none runs. */
export function useTableCalibration(): TableCalibrationRunView | null {
  return useHostValue('calibration.tableChanged', 'calibration.tableStatus', null) ?? null;
}

export function useHostLink(): boolean {
  const host = useHost();
  const [isUp, setUp] = useState(true);
  useEffect(() => host.onLink(setUp), [host]);
  return isUp;
}
