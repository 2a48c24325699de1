import { describe, expect, it } from 'vitest';
import type { SimulatorStatus } from '../../api/index.ts';
import { err, ok } from '../../core/index.ts';
import { ManualTimers } from '../../test/support/manual-timers.ts';
import { DeviceHub } from './device-hub.ts';
import type { SimulatorBackend } from './simulator-backend.ts';
import { simulatorHandlers } from './simulator-handlers.ts';

const STATUS: SimulatorStatus = { timeScale: 1, faultCatalog: [], plate: null, table: null };

function fakeBackend(log: string[]): SimulatorBackend {
  return {
    timeScale: 1,
    connector: () => () => undefined,
    status: () => STATUS,
    setSway: (eyes, surface) => void log.push(`sway ${eyes} ${surface}`),
    setSubjectPresent: (present) => void log.push(`present ${present}`),
    setFault: (role, name, value) => (name === 'drop' ? (log.push(`fault ${role} ${name}=${value}`), ok(undefined)) : err('no such fault')),
    clearFaults: (role) => void log.push(`clear ${role}`),
    setPatientSwitch: (position) => void log.push(`switch ${position}`),
    setEstop: (engaged) => void log.push(`estop ${engaged}`),
    setUnplugged: async (role, unplugged) => void log.push(`unplugged ${role} ${unplugged}`),
    placeMass: async ({ massKg, xMm, yMm }) => void log.push(`mass ${massKg} kg at ${xMm},${yMm}`),
    clearPlate: async () => void log.push('empty plate'),
    tableGaugeN: () => 0,
    close: async () => undefined,
  };
}

const devices = (): DeviceHub => new DeviceHub({ timers: new ManualTimers(), nowEpochMs: () => 0, publish: () => undefined, timeScale: 1 });

describe('simulator handlers', () => {
  it('refuses every action, in plain words, when no simulator runs', async () => {
    const handlers = simulatorHandlers(undefined, devices(), () => undefined);
    for (const response of [
      await handlers['sim.status']({}),
      await handlers['sim.setEstop']({ engaged: true }),
      await handlers['sim.connect']({ role: 'plate' }),
    ]) {
      expect(response.ok).toBe(false);
      if (!response.ok) expect(response.error).toMatchObject({ code: 'refused', message: expect.stringMatching(/--simulate/) as unknown });
    }
  });

  it('runs each action on the simulator, then answers with and pushes the new status', async () => {
    const log: string[] = [];
    const pushed: SimulatorStatus[] = [];
    const handlers = simulatorHandlers(fakeBackend(log), devices(), (status) => pushed.push(status));
    expect(await handlers['sim.setSway']({ eyes: 'closed', surface: 'foam' })).toEqual(ok(STATUS));
    await handlers['sim.setSubjectPresent']({ present: false });
    await handlers['sim.setPatientSwitch']({ position: 'pressed' });
    await handlers['sim.setEstop']({ engaged: true });
    await handlers['sim.setUnplugged']({ role: 'table', unplugged: true });
    await handlers['sim.setFault']({ role: 'plate', name: 'drop', value: '0.1' });
    await handlers['sim.clearFaults']({ role: 'plate' });
    await handlers['sim.placeMass']({ massKg: 40, xMm: 150, yMm: -100 });
    await handlers['sim.clearPlate']({});
    expect(log).toEqual([
      'sway closed foam',
      'present false',
      'switch pressed',
      'estop true',
      'unplugged table true',
      'fault plate drop=0.1',
      'clear plate',
      'mass 40 kg at 150,-100',
      'empty plate',
    ]);
    expect(pushed).toHaveLength(9);
  });

  it('turns a fault the simulator refuses into invalid-request naming it, and pushes nothing', async () => {
    const pushed: SimulatorStatus[] = [];
    const handlers = simulatorHandlers(fakeBackend([]), devices(), (status) => pushed.push(status));
    const response = await handlers['sim.setFault']({ role: 'plate', name: 'meltdown', value: '1' });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error).toEqual({ code: 'invalid-request', message: 'The simulator did not accept meltdown=1: no such fault.' });
    expect(pushed).toEqual([]);
  });
});
