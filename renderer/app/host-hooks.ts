/**
 * React state for the low-rate parts of the host: the device list, the simulator status and the
 * link to the host. These change a few times a second at most, so React state is right for them;
 * live samples never go through here (charts/live-plate-view.ts).
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { ApiClient, DeviceSnapshot, SimulatorStatus } from '../../api/index.ts';
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

export function useDevices(): readonly DeviceSnapshot[] {
  const client = useClient();
  const [devices, setDevices] = useState<readonly DeviceSnapshot[]>([]);
  useEffect(() => {
    const off = client.on('devices.changed', setDevices);
    void client.call('devices.list', {}).then((response) => {
      if (response.ok) setDevices(response.value);
    });
    return off;
  }, [client]);
  return devices;
}

/** The simulator's status; null when Proprio runs without the simulator. */
export function useSimulatorStatus(): SimulatorStatus | null {
  const client = useClient();
  const [status, setStatus] = useState<SimulatorStatus | null>(null);
  useEffect(() => {
    const off = client.on('sim.changed', setStatus);
    void client.call('sim.status', {}).then((response) => {
      if (response.ok) setStatus(response.value);
    });
    return off;
  }, [client]);
  return status;
}

export function useHostLink(): boolean {
  const host = useHost();
  const [isUp, setUp] = useState(true);
  useEffect(() => host.onLink(setUp), [host]);
  return isUp;
}
