/**
 * The app frame: navigation, the permanent SIMULATED banner while any simulated device is
 * connected, the host-link notice, and the current screen. The simulator panel exists only while
 * a simulated device is connected.
 *
 * Adding a screen: a component under features/<name>/, an entry in SCREENS, and a case below.
 */
import { useState } from 'react';
import type { FrameLoop } from '../charts/frame-loop.ts';
import { DevicesScreen } from '../features/devices/DevicesScreen.tsx';
import { LiveBalanceScreen } from '../features/balance/LiveBalanceScreen.tsx';
import { SimulatorPanel } from '../features/simulator/SimulatorPanel.tsx';
import { useDevices, useHostLink, useSimulatorStatus } from './host-hooks.ts';

const SCREENS = [
  { id: 'balance', label: 'Live balance' },
  { id: 'devices', label: 'Devices' },
  { id: 'simulator', label: 'Simulator' },
] as const;
type ScreenId = (typeof SCREENS)[number]['id'];

export function App({ loop }: { readonly loop: FrameLoop }) {
  const devices = useDevices();
  const simulator = useSimulatorStatus();
  const isHostUp = useHostLink();
  const [screen, setScreen] = useState<ScreenId>('balance');
  const isSimulated = devices.some((device) => device.simulated);
  const shown: ScreenId = screen === 'simulator' && !isSimulated ? 'devices' : screen;
  const available = SCREENS.filter((s) => s.id !== 'simulator' || isSimulated);

  return (
    <div className="frame">
      {isSimulated && (
        <div className="simulated-banner" role="status" data-testid="simulated-banner">
          SIMULATED — the devices are the built-in simulator, not a patient
        </div>
      )}
      {!isHostUp && (
        <div className="link-banner" role="alert">
          The connection to Proprio was lost; reconnecting…
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
      </header>
      <main>
        {shown === 'balance' && <LiveBalanceScreen plate={devices.find((d) => d.role === 'plate')} loop={loop} />}
        {shown === 'devices' && <DevicesScreen devices={devices} hasSimulator={simulator !== null} />}
        {shown === 'simulator' && <SimulatorPanel status={simulator} />}
      </main>
    </div>
  );
}
