/**
 * The `sim.*` methods: QA's controls over the built-in simulator. Each action answers with the
 * simulator's new status and pushes it as `sim.changed`, so every open screen follows.
 */
import { apiError, type ApiHandlers, type ApiResponse, type SimulatorStatus } from '../../api/index.ts';
import { ok } from '../../core/index.ts';
import type { DeviceHub } from './device-hub.ts';
import type { SimulatorBackend } from './simulator-backend.ts';

type SimulatorMethod = Extract<keyof ApiHandlers, `sim.${string}`>;
export type SimulatorHandlers = Pick<ApiHandlers, SimulatorMethod>;

const NO_SIMULATOR = 'The built-in simulator is not running in this session. Start Proprio with --simulate to use simulated devices.';

export function simulatorHandlers(
  simulator: SimulatorBackend | undefined,
  devices: DeviceHub,
  statusChanged: (status: SimulatorStatus) => void,
): SimulatorHandlers {
  /** Runs a simulator action, then reports and pushes the resulting status. */
  const act = async (action: (sim: SimulatorBackend) => ApiResponse<unknown> | Promise<ApiResponse<unknown>> | void | Promise<void>): Promise<ApiResponse<SimulatorStatus>> => {
    if (simulator === undefined) return apiError('refused', NO_SIMULATOR);
    const outcome = await action(simulator);
    if (outcome !== undefined && !outcome.ok) return outcome;
    const status = simulator.status();
    statusChanged(status);
    return ok(status);
  };
  return {
    'sim.status': () => (simulator === undefined ? apiError('refused', NO_SIMULATOR) : ok(simulator.status())),
    'sim.connect': async ({ role }) => {
      if (simulator === undefined) return apiError('refused', NO_SIMULATOR);
      const connected = await devices.connect(role, `sim:${role}`);
      if (!connected.ok) return connected;
      statusChanged(simulator.status());
      return ok(null);
    },
    'sim.setSway': ({ eyes, surface }) => act((sim) => sim.setSway(eyes, surface)),
    'sim.setSubjectPresent': ({ present }) => act((sim) => sim.setSubjectPresent(present)),
    'sim.setFault': ({ role, name, value }) =>
      act((sim) => {
        const applied = sim.setFault(role, name, value);
        return applied.ok ? applied : apiError('invalid-request', `The simulator did not accept ${name}=${value}: ${applied.error}.`);
      }),
    'sim.clearFaults': ({ role }) => act((sim) => sim.clearFaults(role)),
    'sim.setPatientSwitch': ({ position }) => act((sim) => sim.setPatientSwitch(position)),
    'sim.setEstop': ({ engaged }) => act((sim) => sim.setEstop(engaged)),
    'sim.setUnplugged': ({ role, unplugged }) => act((sim) => sim.setUnplugged(role, unplugged)),
    'sim.placeMass': (mass) => act((sim) => sim.placeMass(mass)),
    'sim.clearPlate': () => act((sim) => sim.clearPlate()),
  };
}
