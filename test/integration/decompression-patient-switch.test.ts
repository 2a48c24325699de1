/**
 * Issue #5 Done-when: patient switch → the app's release begins ≤ 100 ms after the event reaches
 * the app (ref §7.1 RELEASE_START_MAX_MS). Real time, real serial path: the simulated DT-9 on a
 * socat PTY, the app's driver and runner on real timers. "Reaches the app" = the first of the
 * table's `!EV PSW` or a `#T` frame with the pressed pattern, as the driver hands it over (a
 * listener registered before the runner's stamps it); "release begins" = the app's `$RELEASE`
 * line written to the port. Three presses, one session each (re-armed in between).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_SESSION, RELEASE_START_MAX_MS, bodyMassKg, planSession } from '../../core/index.ts';
import { createTableSim, type TableSim } from '../../hardware-sim/index.ts';
import { DecompressionRunner, MemoryRecordSink } from '../../host/decompression/index.ts';
import { TABLE_FLAG, TableDriver, realTimers, serialTransport, type TransportFactory } from '../../native-bridge/index.ts';
import { lumbarProgram } from './decompression-rig.ts';
import { waitFor } from '../support/wait.ts';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** Stamps (performance.now()) every `$RELEASE` line the app writes. */
function stampingReleases(inner: TransportFactory, stamps: number[]): TransportFactory {
  return {
    description: inner.description,
    open: async () => {
      const opened = await inner.open();
      if (!opened.ok) return opened;
      const link = opened.link;
      return {
        ok: true,
        link: {
          write: (text) => {
            if (text.startsWith('$RELEASE')) stamps.push(performance.now());
            return link.write(text);
          },
          onData: (listener) => link.onData(listener),
          onClose: (listener) => link.onClose(listener),
          close: () => link.close(),
        },
      };
    },
  };
}

describe('patient switch latency', () => {
  it('the app starts its release well within 100 ms of the event reaching it', async () => {
    const sim: TableSim = createTableSim({ clock: 'realtime', seed: 41 });
    cleanup.push(() => sim.close());
    const { path } = await sim.servePty();
    const releaseStamps: number[] = [];
    const driver = new TableDriver({ transport: stampingReleases(serialTransport(path), releaseStamps) });
    cleanup.push(() => driver.stop());
    let arrivedAt: number | undefined;
    const arrived = (): void => {
      arrivedAt ??= performance.now();
    };
    driver.events.on('deviceEvent', (event) => event.name === 'PSW' && arrived());
    // Pressed pattern: channel A open, channel B closed (table.md §5).
    const channels = TABLE_FLAG.patientSwitchA | TABLE_FLAG.patientSwitchB;
    driver.events.on('telemetry', (frame) => (frame.flags & channels) === TABLE_FLAG.patientSwitchB && arrived());
    const mass = bodyMassKg(80);
    if (!mass.ok) throw new Error(mass.error);
    const plan = planSession(
      { region: 'lumbar', bodyMassKg: mass.value, history: FIRST_SESSION },
      { program: lumbarProgram({ mode: { kind: 'static' }, maxN: 60, treatmentMs: 120_000 }), confirmedN: undefined },
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.error));
    const runner = new DecompressionRunner({ driver, plan: plan.value, timers: realTimers, sink: new MemoryRecordSink() });
    cleanup.push(async () => runner.stop());
    runner.start();
    driver.start();
    await waitFor('the table handshake', () => driver.state.kind === 'ready', 5000);

    /** Waits, and on a timeout says where the supervisor and the table stood. */
    const until = async (what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<void> => {
      try {
        await waitFor(what, predicate, timeoutMs);
      } catch (error) {
        const table = driver.lastTelemetry;
        throw new Error(`${String(error)}; phase ${JSON.stringify(runner.state.phase)}, alarms ${JSON.stringify(runner.state.alarms.map((a) => a.message))}, table ${table?.state} ${table?.measuredN} N`);
      }
    };
    const latenciesMs: number[] = [];
    for (let press = 0; press < 3; press++) {
      const isAtSwitchTest = (): boolean => runner.state.phase.kind === 'prechecking' && runner.state.phase.step === 'switch-test';
      if (press === 0) runner.operator({ kind: 'begin-prechecks' });
      else {
        await until('the table released', () => driver.lastTelemetry?.state === 'RELD' && (driver.lastTelemetry?.measuredN ?? 99) < 5);
        sim.releaseSwitch();
        // A precheck step that times out on a starved machine returns to `released`; the
        // therapist re-arms again. This test measures the release, not the prechecks' timing.
        for (let attempt = 1; !isAtSwitchTest(); attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          runner.operator({ kind: 're-arm', reason: 'latency test' });
          await waitFor('the switch self-test', () => isAtSwitchTest() || runner.state.phase.kind === 'released', 10_000).catch(() => undefined);
          if (attempt === 3) break;
        }
      }
      await until('the switch self-test', isAtSwitchTest);
      sim.pressSwitch();
      await new Promise((resolve) => setTimeout(resolve, 100));
      sim.releaseSwitch();
      await until('ready', () => runner.state.phase.kind === 'ready');
      runner.operator({ kind: 'start' });
      // After a patient stop the session is capped at the force of that stop (ref §7.5): each
      // press comes once the tension is most of the way to the cap in force.
      const pressAtN = Math.min(40, 0.8 * runner.state.capN);
      await until(`tension above ${pressAtN.toFixed(1)} N`, () => (driver.lastTelemetry?.measuredN ?? 0) > pressAtN);
      arrivedAt = undefined;
      const stampsBefore = releaseStamps.length;
      sim.pressSwitch();
      await waitFor('the app release', () => releaseStamps.length > stampsBefore, 2000, 1);
      latenciesMs.push((releaseStamps[stampsBefore] ?? Number.NaN) - (arrivedAt ?? Number.NaN));
      expect(runner.state.phase).toMatchObject({ kind: 'released', cause: 'patient-stop' });
    }
    console.log(`patient switch → app $RELEASE written: ${latenciesMs.map((ms) => ms.toFixed(3)).join(', ')} ms`);
    for (const ms of latenciesMs) {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(RELEASE_START_MAX_MS);
    }
  }, 60_000);
});
