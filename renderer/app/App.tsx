/**
 * The app frame. Until an operator is signed in it shows the sign-in (or, on the first start, the
 * creation of the administrator). Signed in: navigation for the operator's role, the permanent
 * SIMULATED banner while any simulated device is connected, the host-link notice, and the
 * current screen. A locked screen covers the workspace (kept running underneath, out of reach)
 * with the unlock form.
 *
 * Adding a screen: a component under features/<name>/, an entry in SCREENS with the roles that
 * use it, and a case below.
 */
import { useState } from 'react';
import type { AuthStatus, OperatorRole, OperatorView } from '../../api/index.ts';
import type { FrameLoop } from '../charts/frame-loop.ts';
import { SignInScreen } from '../features/auth/SignInScreen.tsx';
import { LiveBalanceScreen } from '../features/balance/LiveBalanceScreen.tsx';
import { DecompressionScreen } from '../features/decompression/DecompressionScreen.tsx';
import { SafetyBar } from '../features/decompression/SafetyBar.tsx';
import { DevicesScreen } from '../features/devices/DevicesScreen.tsx';
import { HistoryScreen } from '../features/history/HistoryScreen.tsx';
import { OperatorsScreen } from '../features/operators/OperatorsScreen.tsx';
import { PatientsScreen } from '../features/patients/PatientsScreen.tsx';
import { ProtocolScreen } from '../features/protocols/ProtocolScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { SimulatorPanel } from '../features/simulator/SimulatorPanel.tsx';
import { ClinicSettings } from './ClinicSettings.tsx';
import { useAuthStatus, useClient, useDecompression, useDevices, useHostLink, useSimulatorStatus } from './host-hooks.ts';

const ALL_ROLES: readonly OperatorRole[] = ['therapist', 'technician', 'admin'];
const SCREENS: readonly { readonly id: ScreenId; readonly label: string; readonly roles: readonly OperatorRole[] }[] = [
  { id: 'patients', label: 'Patients', roles: ['therapist', 'admin'] },
  { id: 'protocols', label: 'Protocols', roles: ['therapist', 'admin'] },
  { id: 'decompression', label: 'Decompression', roles: ['therapist', 'admin'] },
  { id: 'history', label: 'History', roles: ['therapist', 'admin'] },
  { id: 'balance', label: 'Live balance', roles: ALL_ROLES },
  { id: 'devices', label: 'Devices', roles: ALL_ROLES },
  { id: 'simulator', label: 'Simulator', roles: ALL_ROLES },
  { id: 'operators', label: 'Operators', roles: ['admin'] },
  { id: 'settings', label: 'Settings', roles: ALL_ROLES },
];
type ScreenId = 'patients' | 'protocols' | 'decompression' | 'history' | 'balance' | 'devices' | 'simulator' | 'operators' | 'settings';

function HostLinkBanner() {
  const isHostUp = useHostLink();
  if (isHostUp) return null;
  return (
    <div className="link-banner" role="alert">
      The connection to Proprio was lost; reconnecting…
    </div>
  );
}

function OperatorControls({ operator }: { readonly operator: OperatorView }) {
  const client = useClient();
  return (
    <div className="operator">
      <span data-testid="operator-name">
        {operator.displayName} <span className="hint">({operator.role})</span>
      </span>
      <button type="button" onClick={() => void client.call('auth.lock', {})}>
        Lock
      </button>
      <button type="button" onClick={() => void client.call('auth.signOut', {})}>
        Sign out
      </button>
    </div>
  );
}

function Workspace({ operator, loop, isLocked }: { readonly operator: OperatorView; readonly loop: FrameLoop; readonly isLocked: boolean }) {
  const devices = useDevices();
  const simulator = useSimulatorStatus();
  const isSimulated = devices.some((device) => device.simulated);
  const available = SCREENS.filter((s) => s.roles.includes(operator.role) && (s.id !== 'simulator' || isSimulated));
  const [screen, setScreen] = useState<ScreenId>(available[0]?.id ?? 'balance');
  const shown: ScreenId = available.some((s) => s.id === screen) ? screen : 'balance';

  return (
    <div className="frame" inert={isLocked} aria-hidden={isLocked}>
      {isSimulated && (
        <div className="simulated-banner" role="status" data-testid="simulated-banner">
          SIMULATED — the devices are the built-in simulator, not a patient
        </div>
      )}
      <header className="top">
        <span className="brand">Proprio</span>
        <nav aria-label="Screens">
          {available.map((s) => (
            <button key={s.id} type="button" aria-current={shown === s.id ? 'page' : undefined} onClick={() => setScreen(s.id)}>
              {s.label}
            </button>
          ))}
        </nav>
        <OperatorControls operator={operator} />
      </header>
      <main>
        {shown === 'patients' && <PatientsScreen />}
        {shown === 'protocols' && <ProtocolScreen loop={loop} />}
        {shown === 'decompression' && <DecompressionScreen loop={loop} />}
        {shown === 'history' && <HistoryScreen />}
        {shown === 'balance' && <LiveBalanceScreen plate={devices.find((d) => d.role === 'plate')} loop={loop} />}
        {shown === 'devices' && <DevicesScreen devices={devices} hasSimulator={simulator !== null} />}
        {shown === 'simulator' && <SimulatorPanel status={simulator} />}
        {shown === 'operators' && <OperatorsScreen />}
        {shown === 'settings' && <SettingsScreen isAdmin={operator.role === 'admin'} />}
      </main>
    </div>
  );
}

/** Mounted only while someone is signed in (the session's status needs an operator). */
function DecompressionSafety() {
  return <SafetyBar session={useDecompression()} />;
}

function Door({ status }: { readonly status: AuthStatus }) {
  return (
    <main className="door-screen">
      <SignInScreen status={status} />
    </main>
  );
}

export function App({ loop }: { readonly loop: FrameLoop }) {
  const status = useAuthStatus();
  if (status === null) {
    return (
      <p className="hint door-screen" role="status">
        Connecting to Proprio…
      </p>
    );
  }
  const operator = status.operator;
  return (
    <>
      <HostLinkBanner />
      {operator === null ? (
        <Door status={status} />
      ) : (
        // Keyed by operator: a different operator gets a fresh workspace, never the last one's screens.
        <ClinicSettings>
          <Workspace key={operator.id} operator={operator} loop={loop} isLocked={status.isLocked} />
        </ClinicSettings>
      )}
      {operator !== null && status.isLocked && (
        <div className="lock-cover">
          <Door status={status} />
        </div>
      )}
      {operator !== null && <DecompressionSafety />}
    </>
  );
}
