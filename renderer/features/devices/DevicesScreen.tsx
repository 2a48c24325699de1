/** Technician screen: every device role with its state, identity, counters, raw channels and port. */
import { DEVICE_ROLES, type DeviceSnapshot } from '../../../api/index.ts';
import { DeviceCard } from './DeviceCard.tsx';

export function DevicesScreen({ devices, hasSimulator }: { readonly devices: readonly DeviceSnapshot[]; readonly hasSimulator: boolean }) {
  return (
    <div className="screen">
      <h1>Devices</h1>
      {DEVICE_ROLES.map((role) => (
        <DeviceCard key={role} role={role} device={devices.find((d) => d.role === role)} hasSimulator={hasSimulator} />
      ))}
    </div>
  );
}
