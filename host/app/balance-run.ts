/**
 * One balance protocol at a time, for a patient, on the plate assigned now (issue 7, the protocol
 * runner): the host runs it (host/balance ProtocolRunner, on the plate's own clock), records the
 * session, the plate's raw stream (host/recording: counts, flags and device time, in batches off
 * the runner's path) and each finished trial with the calibration it used, and pushes `balance.changed` so
 * every screen shows the same phase, countdown and cue. A plate without a passed calibration in
 * date still measures, on its nominal sensitivity, and every result says so.
 */
import type { ApiResponse, BalanceRunView, BalanceTrialView, SymptomMark } from '../../api/index.ts';
import { apiError } from '../../api/index.ts';
import { ageYearsAt, ok, type EngineCommand, type ProtocolSpec, type SafetyAnswer } from '../../core/index.ts';
import { ProtocolRunner, type PlateCalibrationInUse, type ProtocolRunSummary, type TrialResult, type VoidedTrial } from '../balance/index.ts';
import { startSessionRecording, type SessionRecording } from '../recording/index.ts';
import { addEvent, addTrial, createSession, finishSession, getPatient, type Storage } from '../storage/index.ts';
import { protocolFor } from './balance-catalogue.ts';
import { deviceCalibration } from './calibration-status.ts';
import { nominalPlateCoefficients, storedPlateCoefficients } from './stored-plate-coefficients.ts';
import { markSymptom, type SymptomInput } from './symptom-marks.ts';
import type { DeviceHub } from './device-hub.ts';
import type { PlateSlot } from './device-slot.ts';
import { trialFigures } from './trial-figures.ts';
import { trialReferences } from './trial-references.ts';

export interface BalanceRunsOptions {
  readonly storage: Storage;
  readonly devices: DeviceHub;
  readonly nowEpochMs: () => number;
  readonly publish: (view: BalanceRunView | null) => void;
  /** Why no protocol may start on the plate now (its calibration wizard open), or undefined. */
  readonly plateBusy: () => string | undefined;
}

export interface Calibration {
  readonly inUse: PlateCalibrationInUse;
  /** The stored calibration used; null for the nominal sensitivity. */
  readonly calibrationId: number | null;
}

/** The plate's calibration in force: the latest one, if it passed and is not overdue; else nominal. */
export function calibrationOf(storage: Storage, plate: PlateSlot, nowMs: number): Calibration | undefined {
  const connected = plate.driver.connected;
  if (connected === undefined) return undefined;
  const { identity, capabilities } = connected;
  const cellsMm = capabilities.cellPositionsMm;
  const { status, latest } = deviceCalibration(storage, identity, nowMs);
  const coefficients = latest === undefined || status !== 'passed' ? undefined : storedPlateCoefficients(latest.coefficients, cellsMm.length);
  if (latest === undefined || coefficients === undefined) return { inUse: { coefficients: nominalPlateCoefficients(cellsMm.length, capabilities.countsPerN), cellsMm }, calibrationId: null };
  return { inUse: { coefficients, cellsMm }, calibrationId: latest.id };
}

/** Plain JSON for the trial record (typed arrays and non-finite numbers do not belong there). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));

class ActiveRun {
  private view: BalanceRunView;
  private cueSeq = 0;
  private readonly captureStartedAtMs = new Map<number, number>();
  private readonly recording: SessionRecording;
  private isPublishScheduled = false;
  readonly runner: ProtocolRunner;

  constructor(
    private readonly o: BalanceRunsOptions,
    private readonly protocol: ProtocolSpec,
    private readonly sessionId: number,
    private readonly operatorId: number,
    plate: PlateSlot,
    private readonly calibration: Calibration,
    patientId: number,
    /** At the session, for the published values that hold for an age group; null when unknown. */
    private readonly patientAgeY: number | null,
  ) {
    this.view = {
      sessionId,
      patientId,
      protocol: { id: protocol.id, name: protocol.name },
      trial: this.trialView(0),
      trialCount: protocol.trials.length,
      attempt: 0,
      phase: 'waiting',
      isAwaitingTherapist: false,
      secondsLeft: null,
      cue: null,
      isPlateConnected: plate.driver.connected !== undefined,
      results: [],
      voided: [],
      outcome: null,
      rombergQuotients: [],
      isPlateCalibrated: calibration.calibrationId !== null,
      isSimulated: plate.simulated,
      problem: null,
      symptoms: [],
    };
    this.runner = new ProtocolRunner({
      plate: plate.driver,
      calibration: calibration.inUse,
      protocol,
      results: {
        trialCompleted: (result) => this.completed(result),
        trialVoided: (voided) => this.voided(voided),
        protocolEnded: (summary) => this.ended(summary),
      },
      onCommand: (command) => this.onCommand(command),
    });
    // Listeners run in the order they subscribed: the runner has each block (and cue) before the
    // recorder copies it, and the recorder's SQL runs on its own flush timer, never on this path.
    this.recording = startSessionRecording({ storage: o.storage, sessionId, plate: plate.driver, plateCalibrationId: calibration.calibrationId });
    // A failed write is retried at the next flush with nothing dropped; the therapist hears of it meanwhile.
    this.recording.recorder.events.on('problem', ({ message }) => {
      this.view = { ...this.view, problem: `The plate's recording is not being saved right now (${message}); the run goes on.` };
      this.refresh();
    });
    this.refresh();
  }

  get current(): BalanceRunView {
    return this.view;
  }

  get hasEnded(): boolean {
    return this.view.outcome !== null;
  }

  get trialIds(): readonly string[] {
    return this.protocol.trials.map((t) => t.id);
  }

  addSymptom(mark: SymptomMark): void {
    this.view = { ...this.view, symptoms: [...this.view.symptoms, mark] };
    this.refresh();
  }

  private trialView(index: number): BalanceTrialView {
    const trial = this.protocol.trials[index] ?? this.protocol.trials[0];
    if (trial === undefined) throw new Error(`protocol ${this.protocol.id} has no trials`);
    return { index, id: trial.id, label: trial.label, instruction: trial.instruction, durationMs: trial.durationMs, eyes: trial.condition.eyes, surface: trial.condition.surface };
  }

  /** The engine's state into the view, then one push for however many commands came together. */
  private refresh(): void {
    const state = this.runner.state;
    const phase = state.phase;
    this.view = {
      ...this.view,
      trial: this.trialView(state.trialIndex),
      attempt: state.attempts[state.trialIndex] ?? 0,
      phase: phase.kind,
      isAwaitingTherapist: phase.kind === 'waiting' && phase.isAwaitingTherapist,
      secondsLeft: phase.kind === 'countdown' ? phase.secondsLeft : null,
      isPlateConnected: state.isPlateConnected,
    };
    if (this.isPublishScheduled) return;
    this.isPublishScheduled = true;
    queueMicrotask(() => {
      this.isPublishScheduled = false;
      this.o.publish(this.view);
    });
  }

  private onCommand(command: EngineCommand): void {
    if (command.kind === 'cue') this.view = { ...this.view, cue: { seq: ++this.cueSeq, banner: command.banner, sound: command.sound } };
    if (command.kind === 'startCapture') this.captureStartedAtMs.set(command.trialIndex, this.o.nowEpochMs());
    // The runner's state is updated once the whole step is done; read it after this command's turn.
    queueMicrotask(() => this.refresh());
  }

  private completed(result: TrialResult): void {
    const endedAtMs = Math.round(this.o.nowEpochMs());
    const startedAtMs = Math.min(endedAtMs, Math.round(this.captureStartedAtMs.get(result.trialIndex) ?? endedAtMs));
    const metrics = asJson({
      trialId: result.trialId,
      attempt: result.attempt,
      outcome: result.outcome,
      holdMs: result.holdMs,
      samples: result.samples,
      lostSamples: result.lostSamples,
      safety: result.safety ?? null,
      centreMm: result.centreMm,
      sway: result.sway?.metrics ?? null,
      analysis: result.sway?.analysis ?? null,
      los: result.los,
      tracking: result.tracking,
      isPlateCalibrated: this.calibration.calibrationId !== null,
    }) as Record<string, never>;
    // The trial's raw samples: its stream within [fromTUs, toTUs) of device time, exactly the
    // samples it was scored on (storage readTrialSamples). startedAtMs/endedAtMs are wall clock,
    // for people; the plate's clock is what finds samples, as host scheduling cannot shift it.
    const streamId = this.recording.plateStreamId();
    const { fromTUs, toTUs } = result.deviceWindowUs;
    const window = streamId !== undefined && toTUs > fromTUs ? { streamId, fromTUs, toTUs } : {};
    const stored = addTrial(
      this.o.storage,
      { sessionId: this.sessionId, calibrationId: this.calibration.calibrationId, protocol: result.protocolId, condition: result.trialId, startedAtMs, endedAtMs, metrics, algorithmVersion: result.algorithmVersion, ...window },
      this.operatorId,
    );
    const problem = stored.ok ? this.view.problem : `The result of ${result.trialId} could not be saved (${stored.error.message}); it is shown here only.`;
    const label = this.protocol.trials[result.trialIndex]?.label ?? result.trialId;
    const shown = {
      trialId: result.trialId,
      label,
      attempt: result.attempt,
      outcome: result.outcome,
      holdMs: result.holdMs,
      figures: trialFigures(result.sway?.metrics),
      references: trialReferences(this.protocol.id, this.protocol.trials[result.trialIndex], this.patientAgeY, result.sway?.metrics),
    };
    this.view = { ...this.view, problem, results: [...this.view.results.filter((r) => r.trialId !== result.trialId), shown] };
    this.refresh();
  }

  private voided(voided: VoidedTrial): void {
    addEvent(this.o.storage, {
      sessionId: this.sessionId,
      kind: 'protocol-phase',
      atMs: Math.round(this.o.nowEpochMs()),
      detail: { what: 'trial-voided', trialId: voided.trialId, attempt: voided.attempt, reason: voided.reason },
    });
    this.view = { ...this.view, voided: [...this.view.voided, { trialId: voided.trialId, attempt: voided.attempt, reason: voided.reason }] };
    this.refresh();
  }

  private ended(summary: ProtocolRunSummary): void {
    const quotients = (summary.rombergQuotients ?? []).map((q) => ({ measure: q.metric, quotient: q.quotient }));
    this.runner.dispose();
    // The block that ended the protocol is still on its way to the plate's later listeners, the
    // recorder among them: the stream is closed once that block is in it.
    queueMicrotask(() => {
      const status = summary.outcome === 'finished' ? 'complete' : 'aborted';
      const finished = this.recording.finish(status, this.operatorId);
      const isTailLost = !finished.ok && finished.error.code === 'write-failed';
      // The results are stored already; a stream tail the disk refused must not leave the session open.
      if (isTailLost) finishSession(this.o.storage, this.sessionId, status, this.operatorId);
      const problem = isTailLost ? `The plate's recording could not be completely saved (${finished.error.message}); the results are saved, some trials may have no plot.` : this.view.problem;
      this.view = { ...this.view, problem, outcome: summary.outcome, rombergQuotients: quotients };
      this.refresh();
    });
  }
}

export class BalanceRuns {
  private run: ActiveRun | undefined;

  constructor(private readonly o: BalanceRunsOptions) {}

  status(): BalanceRunView | null {
    return this.run?.current ?? null;
  }

  start(patientId: number, protocolId: string, operatorId: number): ApiResponse<BalanceRunView> {
    if (this.run !== undefined && !this.run.hasEnded) return apiError('refused', `${this.run.current.protocol.name} is still running; stop it first.`);
    const busy = this.o.plateBusy();
    if (busy !== undefined) return apiError('refused', `No protocol can start on the plate now: ${busy}.`);
    const patient = getPatient(this.o.storage, patientId);
    if (!patient.ok) return apiError('not-found', `There is no patient with id ${patientId}.`);
    const protocol = protocolFor(protocolId, patient.value);
    if (!protocol.ok) return apiError('refused', `${protocol.error[0]?.toUpperCase() ?? ''}${protocol.error.slice(1)}.`);
    const plate = this.o.devices.plate;
    const calibration = plate === undefined ? undefined : calibrationOf(this.o.storage, plate, this.o.nowEpochMs());
    if (plate === undefined || calibration === undefined) return apiError('refused', 'The force plate is not connected; connect it on the Devices screen first.');
    const session = createSession(this.o.storage, { patientId, operatorId, kind: 'balance', isSimulated: plate.simulated, notes: protocol.value.name });
    if (!session.ok) return apiError('storage-error', session.error.message);
    const ageY = ageYearsAt(patient.value.dateOfBirth, this.o.nowEpochMs());
    this.run = new ActiveRun(this.o, protocol.value, session.value.id, operatorId, plate, calibration, patientId, ageY);
    return ok(this.run.current);
  }

  /** The therapist's buttons; refused when no run is going. */
  act(what: 'ready' | 'abortTrial' | 'repeatLastTrial' | 'stop', safety?: SafetyAnswer): ApiResponse<BalanceRunView> {
    const run = this.run;
    if (run === undefined || run.hasEnded) return apiError('refused', 'No balance protocol is running.');
    if (what === 'ready') run.runner.ready(safety ?? 'declined');
    else if (what === 'abortTrial') run.runner.abortTrial();
    else if (what === 'repeatLastTrial') run.runner.repeatLastTrial();
    else run.runner.stop();
    return ok(run.current);
  }

  /** A symptom for the run's session (shown in its view at once) or for an earlier session. */
  markSymptom(input: SymptomInput, operatorId: number): ApiResponse<SymptomMark> {
    const run = this.run?.current.sessionId === input.sessionId ? this.run : undefined;
    // While it runs, a trial may be marked before its result is stored; afterwards only stored trials count.
    const marked = markSymptom(this.o.storage, input, operatorId, this.o.nowEpochMs(), run?.hasEnded === false ? run.trialIds : undefined);
    if (marked.ok) run?.addSymptom(marked.value);
    return marked;
  }

  dispose(): void {
    if (this.run !== undefined && !this.run.hasEnded) this.run.runner.stop();
    this.run?.runner.dispose();
  }
}
