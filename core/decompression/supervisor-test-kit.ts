/**
 * Builders for supervisor tests (unit and property): a healthy table reading, a typical
 * prescription, and a run of events through `step` that collects every command.
 */
import { bodyMassKg, FIRST_SESSION, type PatientContext, type Prescription } from './envelope.ts';
import type { Program } from './program.ts';
import { step } from './supervisor.ts';
import { createSupervisor, planSession, type SupervisorCommand, type SupervisorEvent, type SupervisorState, type TableReading } from './supervisor-types.ts';

export const HEALTHY_READING: TableReading = {
  mode: 'idle',
  measuredN: 0,
  setpointN: 0,
  positionMm: 0,
  velocityMmS: 0,
  patientSwitch: 'ready',
  isEstop: false,
  isZeroed: true,
  isSwitchTested: false,
  isLoadCellFault: false,
  faultCode: 0,
};

export const TEST_LIMITS = { floorN: 15, loadCellFullScaleN: 1500 } as const;

export function reading(overrides: Partial<TableReading>): SupervisorEvent {
  return { kind: 'reading', reading: { ...HEALTHY_READING, ...overrides } };
}

/** 80 kg, lumbar, first session: envelope max 40 lbf (177.9 N). */
export function lumbarPatient(overrides: Partial<PatientContext> = {}): PatientContext {
  const mass = bodyMassKg(80);
  if (!mass.ok) throw new Error(mass.error);
  return { region: 'lumbar', bodyMassKg: mass.value, history: FIRST_SESSION, ...overrides };
}

export function intermittentProgram(overrides: Partial<Program> = {}): Program {
  return {
    region: 'lumbar',
    mode: { kind: 'intermittent', holdMs: 30_000, restMs: 15_000 },
    maxN: 160,
    minN: 80,
    rampShape: 'linear',
    rampRateNps: 40,
    treatmentMs: 300_000,
    angleDeg: 10,
    ...overrides,
  };
}

export function supervisorFor(prescription: Prescription, patient: PatientContext = lumbarPatient()): SupervisorState {
  const plan = planSession(patient, prescription);
  if (!plan.ok) throw new Error(JSON.stringify(plan.error));
  return createSupervisor(plan.value);
}

/** Feeds events at the given times; returns the final state and every command in order. */
export function run(state: SupervisorState, events: readonly (readonly [number, SupervisorEvent])[]): { state: SupervisorState; commands: SupervisorCommand[] } {
  const commands: SupervisorCommand[] = [];
  let current = state;
  for (const [atMs, event] of events) {
    const result = step(current, event, atMs);
    current = result.state;
    commands.push(...result.commands);
  }
  return { state: current, commands };
}

/** link-up → prechecks → zeroed → armed → switch tested: the supervisor is `ready` at `atMs + 40`. */
export function toReady(atMs = 0): (readonly [number, SupervisorEvent])[] {
  return [
    [atMs, { kind: 'link-up', limits: TEST_LIMITS }],
    [atMs, { kind: 'operator', input: { kind: 'begin-prechecks' } }],
    [atMs + 20, reading({ mode: 'idle', isZeroed: true })],
    [atMs + 30, reading({ mode: 'armed' })],
    [atMs + 40, reading({ mode: 'armed', isSwitchTested: true })],
  ];
}
