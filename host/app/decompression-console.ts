/**
 * The decompression console's host side (issue 7 over issue 5): previews a prescription against
 * the patient's envelope, then runs one session at a time on the assigned table with the
 * supervisor (host/decompression DecompressionRunner), records it (the table's telemetry stream,
 * every phase change, alarm and operator input as events), and pushes `decompression.changed`.
 * While the screen is locked only STOP and RELEASE are taken (the safety controls stay reachable).
 */
import type { AlarmView, ApiResponse, DecompressionView, PlanView, PrescriptionInput } from '../../api/index.ts';
import { apiError } from '../../api/index.ts';
import {
  bodyMassKg,
  deriveEnvelope,
  ok,
  planSession,
  programFromForm,
  type AlarmCondition,
  type EnvelopeViolation,
  type OperatorInput,
  type SessionPlan,
  type SupervisorState,
} from '../../core/index.ts';
import { DecompressionRunner, describePhase, scaledTimers, type DecompressionRecordSink } from '../decompression/index.ts';
import { startSessionRecording, type SessionRecording } from '../recording/index.ts';
import { addEvent, createSession, getPatient, type Storage } from '../storage/index.ts';
import { deviceCalibration } from './calibration-status.ts';
import { decompressionHistory, type DecompressionNotes } from './decompression-history.ts';
import { DecompressionScreening } from './decompression-screening.ts';
import type { DeviceHub } from './device-hub.ts';

export interface DecompressionConsoleOptions {
  readonly storage: Storage;
  readonly devices: DeviceHub;
  readonly nowEpochMs: () => number;
  readonly publish: (view: DecompressionView | null) => void;
  /** Why no session may begin on the table now (its calibration running), or undefined. */
  readonly tableBusy: () => string | undefined;
}

/** The form field an envelope violation is about. */
const ENVELOPE_FIELD: Readonly<Record<EnvelopeViolation['code'], string>> = {
  region: 'region',
  'above-max': 'maxN',
  'needs-confirmation': 'confirmedN',
  'min-tension': 'minN',
  rate: 'rampRateNps',
  'not-a-number': 'maxN',
  negative: 'maxN',
};

/** Why a prescription cannot be planned, with the field each problem belongs to where there is one. */
function planFor(o: DecompressionConsoleOptions, input: PrescriptionInput): ApiResponse<SessionPlan> {
  const patient = getPatient(o.storage, input.patientId);
  if (!patient.ok) return apiError('not-found', `There is no patient with id ${input.patientId}.`);
  const mass = bodyMassKg(patient.value.bodyMassKg ?? Number.NaN);
  if (patient.value.bodyMassKg === null || !mass.ok) return apiError('refused', 'The envelope is derived from body mass: record the patient’s body mass first.');
  const context = { region: input.region, bodyMassKg: mass.value, history: decompressionHistory(o.storage, input.patientId, o.nowEpochMs()) };
  const envelope = deriveEnvelope(context);
  const program = programFromForm({ ...input, maxN: input.maxN ?? undefined, minN: input.minN ?? undefined, rampRateNps: input.rampRateNps ?? undefined }, envelope);
  const plan = planSession(context, { program, confirmedN: input.confirmedN ?? undefined });
  if (plan.ok) return plan;
  const fields = plan.error.map((p) => ({ path: p.kind === 'program' ? p.field : ENVELOPE_FIELD[p.code], message: p.message }));
  return apiError('invalid-request', `The prescription was refused: ${plan.error.map((p) => p.message).join('; ')}.`, fields);
}

function planView(plan: SessionPlan): PlanView {
  const { program, confirmedN: _ } = plan.prescription;
  const { region: _region, ...envelope } = plan.envelope;
  return {
    region: program.region,
    kind: program.mode.kind,
    maxN: program.maxN,
    minN: program.minN,
    rampRateNps: program.rampRateNps,
    envelope,
    segments: plan.timeline.segments.map(({ startMs, endMs, fromN, toN, phase }) => ({ startMs, endMs, fromN, toN, phase })),
    treatmentEndMs: plan.timeline.treatmentEndMs,
    totalMs: plan.timeline.totalMs,
  };
}

/** The session's record beside the table's own stream: rare events, one row each. */
function recordSink(storage: Storage, sessionId: number, nowEpochMs: () => number): DecompressionRecordSink {
  const note = (kind: 'protocol-phase' | 'safety' | 'operator-action', detail: Record<string, unknown>): void => {
    addEvent(storage, { sessionId, kind, atMs: Math.round(nowEpochMs()), detail: JSON.parse(JSON.stringify(detail)) as Record<string, never> });
  };
  return {
    // The table's telemetry is recorded as its stream (startSessionRecording), in chunks.
    telemetry: () => undefined,
    tableEvent: () => undefined,
    stateChanged: ({ to }) => note('protocol-phase', { phase: describePhase(to) }),
    alarmRaised: ({ alarm }) => note('safety', { alarm: alarm.condition, priority: alarm.priority, message: alarm.message }),
    alarmCleared: ({ condition }) => note('safety', { alarmCleared: condition }),
    operatorAction: ({ input, isAccepted }) => note('operator-action', { input, isAccepted }),
    sessionMarked: ({ mark, detail }) => note('safety', { mark, detail }),
    tableCommand: ({ command, outcome }) => {
      if (outcome.kind !== 'ack') note('safety', { command: command.kind, outcome });
    },
  };
}

class Session {
  private view: DecompressionView;
  private isPublishScheduled = false;

  constructor(
    private readonly o: DecompressionConsoleOptions,
    readonly runner: DecompressionRunner,
    private readonly recording: SessionRecording,
    private readonly operatorId: number,
    base: Pick<DecompressionView, 'sessionId' | 'patientId' | 'plan' | 'isSimulated'>,
  ) {
    this.view = { ...base, phase: 'idle', detail: null, programMs: 0, measuredN: null, setpointN: null, capN: 0, alarms: [], isOver: false };
    runner.events.on('state', (state) => this.update(state));
    runner.events.on('alarm', () => this.update(runner.state));
  }

  get current(): DecompressionView {
    return this.view;
  }

  private update(state: SupervisorState): void {
    const phase = state.phase;
    const programMs = 'programMs' in phase ? phase.programMs : this.view.programMs;
    const isOver = phase.kind === 'done';
    const alarms: AlarmView[] = state.alarms.map((a) => ({ condition: a.condition, priority: a.priority, message: a.message, isAcknowledged: a.isAcknowledged }));
    this.view = {
      ...this.view,
      phase: phase.kind,
      detail: describePhase(phase),
      programMs,
      measuredN: state.reading?.measuredN ?? null,
      setpointN: state.reading?.setpointN ?? null,
      capN: state.capN,
      alarms,
      isOver,
    };
    if (isOver && !this.isFinished) this.finish(phase.kind === 'done' && phase.outcome === 'completed' ? 'complete' : 'aborted');
    // Telemetry moves the state 50 times a second: one push per turn of the event loop at most.
    if (this.isPublishScheduled) return;
    this.isPublishScheduled = true;
    setImmediate(() => {
      this.isPublishScheduled = false;
      this.o.publish(this.view);
    });
  }

  private isFinished = false;

  /** Ends the session where it stands (released and latched, or not started): recorded as aborted. */
  end(): void {
    this.finish('aborted');
    this.view = { ...this.view, isOver: true };
    this.o.publish(this.view);
  }

  finish(status: 'complete' | 'aborted'): void {
    this.isFinished = true;
    this.runner.stop();
    const finished = this.recording.finish(status, this.operatorId);
    if (!finished.ok) addEvent(this.o.storage, { sessionId: this.view.sessionId, kind: 'safety', atMs: Math.round(this.o.nowEpochMs()), detail: { recordingProblem: finished.error.message } });
  }
}

/** Issue 8: a table whose calibration is missing, failed or overdue cannot start a program. */
const TABLE_CALIBRATION_REFUSAL = {
  none: 'This table’s load cell has never been calibrated.',
  failed: 'This table’s latest load cell calibration failed.',
  overdue: 'This table’s load cell calibration is overdue.',
} as const;

export class DecompressionConsole {
  private session: Session | undefined;
  /** The checklist and body mass gate that every session passes first. */
  readonly screening: DecompressionScreening;

  constructor(private readonly o: DecompressionConsoleOptions) {
    this.screening = new DecompressionScreening(o);
  }

  status(): DecompressionView | null {
    return this.session?.current ?? null;
  }

  preview(input: PrescriptionInput): ApiResponse<PlanView> {
    const plan = planFor(this.o, input);
    return plan.ok ? ok(planView(plan.value)) : plan;
  }

  begin(input: PrescriptionInput, operatorId: number): ApiResponse<DecompressionView> {
    if (this.session !== undefined && !this.session.current.isOver) return apiError('refused', 'A decompression session is under way; stop it first.');
    const busy = this.o.tableBusy();
    if (busy !== undefined) return apiError('refused', `No session can begin on the table now: ${busy}.`);
    const screened = this.screening.check(input.patientId, input.region);
    if (!screened.ok) return screened;
    const plan = planFor(this.o, input);
    if (!plan.ok) return plan;
    const table = this.o.devices.table;
    const connected = table?.driver.connected;
    if (table === undefined || connected === undefined) return apiError('refused', 'The table is not connected; connect it on the Devices screen first.');
    const calibration = deviceCalibration(this.o.storage, connected.identity, this.o.nowEpochMs()).status;
    if (calibration !== 'passed') return apiError('refused', `${TABLE_CALIBRATION_REFUSAL[calibration]} A technician must calibrate its load cell (Devices screen) before any program runs.`);
    const program = plan.value.prescription.program;
    const notes: DecompressionNotes = { maxN: program.maxN, region: program.region, program: program.mode.kind };
    const created = createSession(this.o.storage, { patientId: input.patientId, operatorId, kind: 'decompression', isSimulated: table.simulated, notes: JSON.stringify(notes) });
    if (!created.ok) return apiError('storage-error', created.error.message);
    const sessionId = created.value.id;
    this.screening.take();
    const { kind, bodyMassKg, confirmedAtMs, auditId } = screened.value;
    addEvent(this.o.storage, { sessionId, kind: 'operator-action', atMs: Math.round(this.o.nowEpochMs()), detail: { screening: kind, bodyMassKg, confirmedAtMs, auditId } });
    const recording = startSessionRecording({ storage: this.o.storage, sessionId, table: table.driver });
    const runner = new DecompressionRunner({
      driver: table.driver,
      plan: plan.value,
      // Program time and the supervisor's timeouts run with the simulated table's compressed clock.
      timers: scaledTimers(this.o.devices.timeScale),
      sink: recordSink(this.o.storage, sessionId, this.o.nowEpochMs),
    });
    this.session = new Session(this.o, runner, recording, operatorId, { sessionId, patientId: input.patientId, plan: planView(plan.value), isSimulated: table.simulated });
    runner.start();
    runner.operator({ kind: 'begin-prechecks' });
    return ok(this.session.current);
  }

  /** An operator input; while the screen is locked only the safety controls (stop, release) are taken. */
  operate(input: OperatorInput, isLocked: boolean): ApiResponse<DecompressionView> {
    const session = this.session;
    if (session === undefined || session.current.isOver) return apiError('refused', 'No decompression session is under way.');
    if (isLocked && input.kind !== 'stop' && input.kind !== 'release') return apiError('locked', 'Proprio is locked: only STOP and RELEASE work until you unlock it.');
    session.runner.operator(input);
    return ok(session.current);
  }

  end(): ApiResponse<DecompressionView> {
    const session = this.session;
    if (session === undefined || session.current.isOver) return apiError('refused', 'No decompression session is under way.');
    const phase = session.runner.state.phase.kind;
    if (phase !== 'released' && phase !== 'idle' && phase !== 'ready') {
      return apiError('refused', 'The program is still in control of the table: STOP it (or RELEASE) first.');
    }
    session.end();
    return ok(session.current);
  }

  acknowledge(condition: string, isLocked: boolean): ApiResponse<DecompressionView> {
    const known = this.session?.runner.state.alarms.find((a) => a.condition === condition);
    if (known === undefined) return apiError('not-found', `There is no alarm "${condition}" to acknowledge.`);
    return this.operate({ kind: 'acknowledge', condition: condition as AlarmCondition }, isLocked);
  }

  dispose(): void {
    const session = this.session;
    // A host that shuts down mid-session stops the program under control; the table's own watchdog is the backstop.
    if (session !== undefined && !session.current.isOver) {
      session.runner.operator({ kind: 'stop' });
      session.finish('aborted');
    }
  }
}
