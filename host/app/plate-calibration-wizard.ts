/**
 * The plate calibration wizard on the host (issue 8): one at a time, on the plate assigned now,
 * with core's default plan. The technician zeroes the empty plate, takes each point once its mass
 * has settled (any order; taking a point again is the retake), and finishes: fit, verify, store
 * (passed or failed) under the signed-in operator, as `proprio calibrate plate` does. Every step
 * is audited; a step that fails (never settles, wrong load, the plate disconnects) says why and
 * changes nothing already taken; nothing is stored before `finish`.
 *
 *   closed ──open──► zero ──tare──► zeroing ──► points ──take──► taking ──► points ──finish──► closed
 *                     ▲                 │ fails    ▲  └──tare (drops every point)──► zeroing
 *                     └─────────────────┘          └──────────── fails ─────────┘
 *   any state ──cancel──► closed
 *
 * The live load (nominal sensitivity, tared once zeroed) is judged by the same stability window as
 * the steps and pushed with the wizard's state every LIVE_PUSH_MS through `calibration.changed`.
 */
import {
  apiError,
  type ApiResponse,
  type PlateCalibrationResultView,
  type PlateLiveView,
  type PlateWizardStep,
  type PlateWizardView,
  type SettleCriterionView,
} from '../../api/index.ts';
import {
  DEFAULT_PLATE_PLAN,
  nominalCoefficients,
  ok,
  plateFullScaleN,
  plateLoad,
  STABILITY_COP_DRIFT_MM,
  STABILITY_FORCE_DRIFT_FRAC_OF_FS,
  STABILITY_FORCE_SD_FRAC_OF_FS,
  STABILITY_WINDOW_MS,
  STANDARD_GRAVITY_MPS2,
  StabilityWindow,
} from '../../core/index.ts';
import type { TimerHandle, Timers } from '../../native-bridge/index.ts';
import {
  PlateCalibrationSession,
  plateCalibrationRecord,
  pushSamples,
  SETTLE_TIMEOUT_MS,
  storageCalibrationStore,
  type CalibrationStepError,
  type PlateCalibrationOutcome,
} from '../calibration/index.ts';
import { appendAudit, readSettings, type Storage } from '../storage/index.ts';
import type { DeviceHub } from './device-hub.ts';
import type { PlateSlot } from './device-slot.ts';
import type { OperatorSession } from './operator-session.ts';

/** How often the live load reaches the screens: a few times a second looks live and costs nothing. DESIGN. */
export const LIVE_PUSH_MS = 250;

export interface PlateWizardOptions {
  readonly storage: Storage;
  readonly devices: DeviceHub;
  readonly session: OperatorSession;
  /** Real timers: the push interval is display time, and silence is judged in real seconds. */
  readonly timers: Timers;
  readonly nowEpochMs: () => number;
  readonly publish: (view: PlateWizardView | null) => void;
  /** Why the plate cannot be calibrated now (a balance protocol runs on it), or undefined. */
  readonly plateBusy: () => string | undefined;
}

interface OpenWizard {
  readonly session: PlateCalibrationSession;
  readonly slot: PlateSlot;
  readonly operator: string;
  readonly criterion: SettleCriterionView;
  readonly window: StabilityWindow;
  readonly stopListening: () => void;
  readonly pushTimer: { handle: TimerHandle | undefined };
  step: PlateWizardStep;
  currentPointId: string | null;
  zeroCounts: readonly number[] | undefined;
  readonly takenForceN: Map<string, number>;
  lastError: string | null;
}

function criterionOf(fullScaleN: number): SettleCriterionView {
  const forceSdMaxN = STABILITY_FORCE_SD_FRAC_OF_FS * fullScaleN;
  const forceDriftMaxN = STABILITY_FORCE_DRIFT_FRAC_OF_FS * fullScaleN;
  return {
    windowMs: STABILITY_WINDOW_MS,
    forceSdMaxN,
    forceDriftMaxN,
    copDriftMaxMm: STABILITY_COP_DRIFT_MM,
    timeoutMs: SETTLE_TIMEOUT_MS,
    text:
      `Settled when, over the last ${STABILITY_WINDOW_MS / 1000} s, the force varies by at most ${forceSdMaxN.toFixed(1)} N (standard deviation), ` +
      `its two halves differ by at most ${forceDriftMaxN.toFixed(1)} N (drift), and the centre of pressure moves at most ${STABILITY_COP_DRIFT_MM} mm. ` +
      `A load not settled within ${SETTLE_TIMEOUT_MS / 1000} s is refused.`,
  };
}

export class PlateCalibrationWizard {
  private open: OpenWizard | undefined;

  constructor(private readonly o: PlateWizardOptions) {}

  status(): PlateWizardView | null {
    return this.open === undefined ? null : this.viewOf(this.open);
  }

  start(): ApiResponse<PlateWizardView> {
    if (this.open !== undefined) return apiError('refused', `A plate calibration is already open (${this.open.operator}); finish or cancel it first.`);
    const operator = this.o.session.status().operator;
    if (operator === null) return apiError('not-signed-in', 'Please sign in first.');
    const mayApply = storageCalibrationStore(this.o.storage).mayApply(operator.username);
    if (!mayApply.ok) return apiError('refused', `${mayApply.error}.`);
    const slot = this.o.devices.plate;
    if (slot === undefined) return apiError('refused', 'No plate is assigned; connect it first.');
    const busy = this.o.plateBusy();
    if (busy !== undefined) return apiError('refused', `The plate cannot be calibrated now: ${busy}.`);
    const session = PlateCalibrationSession.open({
      source: slot.driver,
      plan: DEFAULT_PLATE_PLAN,
      gravityMps2: STANDARD_GRAVITY_MPS2,
      // Settling is counted in samples (device time); these timers only watch for silence, which
      // must stay real seconds: a busy machine's pause is not the plate going quiet.
      timers: this.o.timers,
    });
    if (!session.ok) return apiError('refused', `The plate calibration cannot start: ${session.error.message}.`);
    const window = new StabilityWindow(StabilityWindow.capacityFor(session.value.rateHz));
    const offSamples = slot.driver.events.on('samples', (block) => pushSamples(window, block));
    const offGap = slot.driver.events.on('gap', () => window.clear());
    const wizard: OpenWizard = {
      session: session.value,
      slot,
      operator: operator.username,
      criterion: criterionOf(plateFullScaleN(session.value.geometry)),
      window,
      stopListening: () => {
        offSamples();
        offGap();
      },
      pushTimer: { handle: undefined },
      step: 'zero',
      currentPointId: null,
      zeroCounts: undefined,
      takenForceN: new Map(),
      lastError: null,
    };
    this.open = wizard;
    this.audit('plate-calibration-opened', wizard);
    this.schedulePush(wizard);
    return ok(this.changed(wizard));
  }

  async tare(): Promise<ApiResponse<PlateWizardView>> {
    const wizard = this.readyFor('zero the plate');
    if (!wizard.ok) return wizard;
    const w = wizard.value;
    const before = w.step;
    w.step = 'zeroing';
    w.lastError = null;
    this.changed(w);
    const tared = await w.session.tare();
    if (this.open !== w) return apiError('refused', 'The plate calibration was cancelled.');
    if (!tared.ok) return this.failed(w, before, 'Not zeroed', tared.error);
    w.zeroCounts = tared.value;
    w.takenForceN.clear();
    w.step = 'points';
    this.audit('plate-calibration-zeroed', w, { zeroCounts: tared.value });
    return ok(this.changed(w));
  }

  async take(pointId: string): Promise<ApiResponse<PlateWizardView>> {
    const wizard = this.readyFor('take a point');
    if (!wizard.ok) return wizard;
    const w = wizard.value;
    if (!w.session.plan.some((p) => p.id === pointId)) return apiError('invalid-request', `There is no point "${pointId}" in the plan.`);
    if (w.zeroCounts === undefined) return apiError('refused', 'Zero the empty plate before taking points.');
    const isRetake = w.takenForceN.has(pointId);
    w.step = 'taking';
    w.currentPointId = pointId;
    w.lastError = null;
    this.changed(w);
    const taken = await w.session.takePoint(pointId);
    if (this.open !== w) return apiError('refused', 'The plate calibration was cancelled.');
    w.currentPointId = null;
    if (!taken.ok) return this.failed(w, 'points', `Point ${pointId} not taken`, taken.error);
    const zero = w.zeroCounts;
    w.takenForceN.set(pointId, taken.value.meanCounts.reduce((sum, c, i) => sum + c - (zero[i] ?? 0), 0) / w.session.geometry.countsPerN);
    w.step = 'points';
    this.audit(isRetake ? 'plate-calibration-point-retaken' : 'plate-calibration-point-taken', w, { pointId, meanCounts: taken.value.meanCounts });
    return ok(this.changed(w));
  }

  finish(): ApiResponse<PlateCalibrationResultView> {
    const wizard = this.readyFor('finish');
    if (!wizard.ok) return wizard;
    const w = wizard.value;
    const outcome = w.session.finish();
    if (!outcome.ok) return apiError('refused', `The calibration cannot be finished yet: ${outcome.error.message}.`);
    const operator = this.o.session.status().operator;
    if (operator === null) return apiError('not-signed-in', 'Please sign in first.');
    const record = plateCalibrationRecord(outcome.value, w.session.identity, operator.username, Math.round(this.o.nowEpochMs()), readSettings(this.o.storage).calibrationIntervalMonths);
    const stored = storageCalibrationStore(this.o.storage).saveCalibration(record);
    if (!stored.ok) return apiError('storage-error', `The result could not be stored: ${stored.error}. The wizard stays open.`);
    this.close(w);
    return ok(resultView(outcome.value, stored.value.id, record.dueAtMs));
  }

  cancel(): ApiResponse<null> {
    const w = this.open;
    if (w === undefined) return apiError('not-found', 'No plate calibration is open.');
    this.audit('plate-calibration-cancelled', w, { pointsTaken: w.takenForceN.size });
    this.close(w);
    return ok(null);
  }

  dispose(): void {
    if (this.open !== undefined) this.close(this.open);
  }

  /** The open wizard, idle, on the plate it opened on, still connected. */
  private readyFor(what: string): ApiResponse<OpenWizard> {
    const w = this.open;
    if (w === undefined) return apiError('refused', `No plate calibration is open: open it before you ${what}.`);
    if (w.step === 'zeroing' || w.step === 'taking') return apiError('refused', `Wait for the step under way (${w.step === 'zeroing' ? 'zeroing' : `point ${w.currentPointId ?? ''}`}) to end before you ${what}.`);
    if (this.o.devices.plate !== w.slot) return apiError('refused', 'The plate was disconnected or replaced since the calibration opened: cancel it and start again. Nothing was stored.');
    if (w.slot.driver.connected === undefined) return apiError('device-error', 'The plate is not connected right now: wait for it to reconnect, then repeat the step. Nothing was stored.');
    return ok(w);
  }

  /** `what` says what did not happen ("Not zeroed", "Point c40 not taken"). */
  private failed(w: OpenWizard, back: PlateWizardStep, what: string, error: CalibrationStepError): ApiResponse<never> {
    w.step = back;
    // The session's messages may name the point again; once is enough.
    const why = error.message.replace(/^point "[^"]*": /, '');
    w.lastError = `${what}: ${why}${/[.?]$/.test(why) ? '' : '.'}`;
    this.audit('plate-calibration-step-failed', w, { step: what, code: error.code, message: error.message });
    this.changed(w);
    const code = error.code === 'disconnected' ? 'device-error' : 'refused';
    return apiError(code, `${w.lastError} Nothing was stored; the points already taken are kept.`);
  }

  private close(w: OpenWizard): void {
    w.stopListening();
    w.pushTimer.handle?.cancel();
    this.open = undefined;
    this.o.publish(null);
  }

  private schedulePush(w: OpenWizard): void {
    w.pushTimer.handle = this.o.timers.after(LIVE_PUSH_MS, () => {
      if (this.open !== w) return;
      this.o.publish(this.viewOf(w));
      this.schedulePush(w);
    });
  }

  private changed(w: OpenWizard): PlateWizardView {
    const view = this.viewOf(w);
    this.o.publish(view);
    return view;
  }

  private audit(action: string, w: OpenWizard, detail: Record<string, unknown> = {}): void {
    const { model, serial } = w.session.identity;
    appendAudit(this.o.storage, { operatorId: this.o.session.operatorId, action, entity: 'device', entityId: undefined, detail: { model, serial, ...detail } });
  }

  private viewOf(w: OpenWizard): PlateWizardView {
    return {
      step: w.step,
      device: { model: w.session.identity.model, serial: w.session.identity.serial },
      isSimulated: w.slot.simulated,
      operator: w.operator,
      points: w.session.plan.map((p) => ({ id: p.id, role: p.role, massKg: p.massKg, xMm: p.xMm, yMm: p.yMm, takenForceN: w.takenForceN.get(p.id) ?? null })),
      currentPointId: w.currentPointId,
      live: this.liveOf(w),
      criterion: w.criterion,
      lastError: w.lastError,
    };
  }

  private liveOf(w: OpenWizard): PlateLiveView | null {
    const { geometry } = w.session;
    const zeroCounts = w.zeroCounts ?? geometry.cellsMm.map(() => 0);
    const a = w.window.assess({ cellsMm: geometry.cellsMm, countsPerN: geometry.countsPerN, fullScaleN: plateFullScaleN(geometry), zeroCounts });
    if (a.meanCounts.every((c) => c === 0)) return null;
    const load = plateLoad(a.meanCounts, nominalCoefficients(zeroCounts, geometry.countsPerN), geometry.cellsMm);
    return {
      forceN: a.forceN,
      copXMm: load.copXMm ?? null,
      copYMm: load.copYMm ?? null,
      forceSdN: a.forceSdN,
      forceDriftN: a.forceDriftN,
      copDriftMm: Number.isNaN(a.copDriftMm) ? null : a.copDriftMm,
      isFull: a.isFull,
      isStable: a.isStable,
    };
  }
}

function resultView(outcome: PlateCalibrationOutcome, storedId: number, dueAtMs: number): PlateCalibrationResultView {
  return {
    isPassed: outcome.isPassed,
    storedId,
    dueAtMs,
    verification: outcome.verification.map((v, i) => ({
      pointId: v.pointId,
      appliedN: v.appliedN,
      measuredN: v.measuredN,
      forceErrorPct: v.forceErrorPct,
      forceTolerancePct: (100 * v.forceToleranceN) / v.appliedN,
      copErrorMm: v.copErrorMm,
      copToleranceMm: v.copToleranceMm,
      copErrorBeforeMm: outcome.uncalibrated[i]?.copErrorMm ?? Number.NaN,
      forceErrorBeforePct: outcome.uncalibrated[i]?.forceErrorPct ?? Number.NaN,
      isPassed: v.isPassed,
    })),
    residuals: outcome.fit.residuals.map(({ pointId, forceResidualN, copResidualMm }) => ({ pointId, forceResidualN, copResidualMm })),
    rmsForceResidualN: outcome.fit.rmsForceResidualN,
    linearity: { maxDeviationPctFs: outcome.linearity.maxDeviationPctFs, tolerancePctFs: outcome.linearity.tolerancePctFs, isPassed: outcome.linearity.isPassed },
    copErrorMaxMm: outcome.copErrorMaxMm,
    forceErrorMaxPct: outcome.forceErrorMaxPct,
    copErrorBeforeMaxMm: outcome.copErrorBeforeMaxMm,
  };
}
