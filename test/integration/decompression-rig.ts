/**
 * A decompression session in lockstep on compressed time: the simulated DT-9 on its manual clock,
 * the app's table driver and the supervisor runner on manual timers, joined by the in-process
 * stream. `advance(ms)` moves both clocks in 10 ms steps and lets the streams deliver between
 * steps, so a 5-minute program runs in about a second and every run is the same.
 */
import { createTableSim, type TableSim, type TableSimOptions } from '../../hardware-sim/index.ts';
import { DecompressionRunner, MemoryRecordSink } from '../../host/decompression/index.ts';
import {
  FIRST_SESSION,
  bodyMassKg,
  planSession,
  type PatientContext,
  type Prescription,
  type Program,
  type SessionPlan,
  type SupervisorPhase,
} from '../../core/index.ts';
import { TableDriver, duplexTransport } from '../../native-bridge/index.ts';
import { ManualTimers } from '../support/manual-timers.ts';

const STEP_MS = 10;

export interface DecompressionRig {
  readonly sim: TableSim;
  readonly driver: TableDriver;
  readonly runner: DecompressionRunner;
  readonly sink: MemoryRecordSink;
  readonly timers: ManualTimers;
  readonly plan: SessionPlan;
  advance(ms: number): Promise<void>;
  /** Advances until `predicate` holds; fails after `limitMs` of simulated time. */
  advanceUntil(what: string, predicate: () => boolean, limitMs: number): Promise<number>;
  /** Prechecks, with the patient pressing and releasing the switch, then start. */
  startSession(): Promise<void>;
  phase(): SupervisorPhase;
  close(): Promise<void>;
}

export function patient(region: 'lumbar' | 'cervical', massKg = 80): PatientContext {
  const mass = bodyMassKg(massKg);
  if (!mass.ok) throw new Error(mass.error);
  return { region, bodyMassKg: mass.value, history: FIRST_SESSION };
}

/** A lumbar program inside the first-session envelope of an 80 kg patient (max 40 lbf = 177.9 N). */
const LUMBAR_PROGRAM: Program = {
  region: 'lumbar',
  mode: { kind: 'intermittent', holdMs: 10_000, restMs: 5000 },
  maxN: 170,
  minN: 80,
  rampShape: 'linear',
  rampRateNps: 40,
  treatmentMs: 60_000,
  angleDeg: 10,
};

export const lumbarProgram = (overrides: Partial<Program> = {}): Program => ({ ...LUMBAR_PROGRAM, ...overrides });

const settle = async (): Promise<void> => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
};

export async function decompressionRig(
  prescription: Prescription,
  options: { readonly patient?: PatientContext; readonly sim?: TableSimOptions } = {},
): Promise<DecompressionRig> {
  const plan = planSession(options.patient ?? patient(prescription.program.region), prescription);
  if (!plan.ok) throw new Error(`plan refused: ${JSON.stringify(plan.error)}`);
  const sim = createTableSim({ seed: 5, ...options.sim, clock: 'manual' });
  const timers = new ManualTimers();
  const driver = new TableDriver({ transport: duplexTransport('sim:table', () => sim.connectInProcess()), timers });
  const sink = new MemoryRecordSink();
  const runner = new DecompressionRunner({ driver, plan: plan.value, timers, sink });
  let nowMs = 0;
  const advance = async (ms: number): Promise<void> => {
    const endMs = nowMs + ms;
    while (nowMs < endMs) {
      const stepMs = Math.min(STEP_MS, endMs - nowMs);
      sim.advanceMs(stepMs);
      timers.advance(stepMs);
      nowMs += stepMs;
      await settle();
    }
  };
  const advanceUntil = async (what: string, predicate: () => boolean, limitMs: number): Promise<number> => {
    const startMs = nowMs;
    while (!predicate()) {
      if (nowMs - startMs > limitMs) throw new Error(`${what} not within ${limitMs} ms of simulated time (phase ${JSON.stringify(runner.state.phase)})`);
      await advance(STEP_MS);
    }
    return nowMs - startMs;
  };
  const phase = (): SupervisorPhase => runner.state.phase;
  runner.start();
  driver.start();
  await advanceUntil('the table handshake', () => driver.state.kind === 'ready', 2000);
  return {
    sim,
    driver,
    runner,
    sink,
    timers,
    plan: plan.value,
    advance,
    advanceUntil,
    phase,
    async startSession() {
      runner.operator({ kind: 'begin-prechecks' });
      await advanceUntil('the switch self-test step', () => phase().kind === 'prechecking' && (phase() as { step: string }).step === 'switch-test', 2000);
      sim.pressSwitch();
      await advance(100);
      sim.releaseSwitch();
      await advanceUntil('ready', () => phase().kind === 'ready', 2000);
      runner.operator({ kind: 'start' });
    },
    async close() {
      runner.stop();
      const stopped = driver.stop();
      await advance(50);
      await stopped;
      await sim.close();
    },
  };
}
