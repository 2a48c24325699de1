import { afterEach, describe, expect, it } from 'vitest';
import { PlateDriver } from '../../native-bridge/index.ts';
import { pumpedPlate, type PumpedPlate } from '../../test/support/pumped-device.ts';
import type { PlatePoint } from '../../core/index.ts';
import { PlateCalibrationSession } from './plate-session.ts';

const fit = (id: string, massKg: number, xMm: number, yMm: number): PlatePoint => ({ id, massKg, xMm, yMm, role: 'fit' });
const PLAN: PlatePoint[] = [
  ...[30, 90].flatMap((m) => [fit(`c${m}`, m, 0, 0), fit(`fr${m}`, m, 140, 90), fit(`fl${m}`, m, -140, 90), fit(`rl${m}`, m, -140, -90), fit(`rr${m}`, m, 140, -90)]),
  { id: 'v', massKg: 60, xMm: 40, yMm: -70, role: 'verify' },
];

let plate: PumpedPlate | undefined;
let driver: PlateDriver | undefined;
afterEach(async () => {
  await driver?.stop();
  await plate?.close();
});

async function openSession(): Promise<{ session: PlateCalibrationSession; rig: PumpedPlate }> {
  const rig = pumpedPlate({ seed: 7 });
  plate = rig;
  const d = new PlateDriver({ transport: rig.transport, rateHz: 100, timers: rig.timers });
  driver = d;
  d.start();
  await rig.run(new Promise((resolve) => d.events.on('connected', resolve)));
  const opened = PlateCalibrationSession.open({ source: d, plan: PLAN, gravityMps2: 9.80665, timers: rig.timers, settleTimeoutMs: 6000 });
  if (!opened.ok) throw new Error(opened.error.message);
  return { session: opened.value, rig };
}

describe('plate calibration session', () => {
  it('refuses points before the zero, and a zero with a load on the plate', async () => {
    const { session, rig } = await openSession();
    expect(await rig.run(session.takePoint('c30'))).toMatchObject({ ok: false, error: { code: 'notTared' } });
    rig.sim.placeMass({ massKg: 50, xMm: 0, yMm: 0 });
    const tare = await rig.run(session.tare());
    expect(tare).toMatchObject({ ok: false, error: { code: 'rejected', message: expect.stringMatching(/the plate is not empty/) as unknown } });
    expect(session.isTared).toBe(false);
  });

  it('a point taken with the wrong mass is refused; placing the right one and retaking it succeeds', async () => {
    const { session, rig } = await openSession();
    expect((await rig.run(session.tare())).ok).toBe(true);
    rig.sim.placeMass({ massKg: 45, xMm: 0, yMm: 0 });
    const wrong = await rig.run(session.takePoint('c30'));
    expect(wrong).toMatchObject({ ok: false, error: { code: 'rejected', message: expect.stringMatching(/expected about 294 N \(30 kg\), the plate reads 4\d\d N/) as unknown } });
    expect(session.pendingPoints.map((p) => p.id)).toContain('c30');
    rig.sim.clearMasses();
    rig.sim.placeMass({ massKg: 30, xMm: 0, yMm: 0 });
    const retaken = await rig.run(session.takePoint('c30'));
    expect(retaken.ok).toBe(true);
    expect(session.pendingPoints.map((p) => p.id)).not.toContain('c30');
    expect(session.finish()).toMatchObject({ ok: false, error: { code: 'missingPoints' } });
  });

  it('retaking a point replaces its reading; finish fits and verifies', async () => {
    const { session, rig } = await openSession();
    await rig.run(session.tare());
    for (const point of PLAN) {
      rig.sim.clearMasses();
      rig.sim.placeMass(point);
      expect((await rig.run(session.takePoint(point.id))).ok).toBe(true);
    }
    rig.sim.clearMasses();
    rig.sim.placeMass(PLAN[0] as PlatePoint);
    const again = await rig.run(session.takePoint('c30'));
    const outcome = session.finish();
    if (!outcome.ok || !again.ok) throw new Error('session failed');
    expect(outcome.value.readings.find((r) => r.pointId === 'c30')).toBe(again.value);
    expect(outcome.value.isPassed).toBe(true);
    expect(outcome.value.copErrorMaxMm).toBeLessThan(1);
  });
});
