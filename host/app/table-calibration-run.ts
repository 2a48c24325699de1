/**
 * The table load-cell calibration from the app (issue 8): the procedure of
 * host/calibration/table-procedure.ts on the assigned table, one at a time, stored under the
 * signed-in operator with the clinic's calibration interval. At each level, once the load cell has
 * settled, the procedure waits for the reference gauge: the technician types its reading
 * (`submit`), which is refused when it contradicts the settled load cell beyond reason (core
 * gaugeContradiction, the same check the fit applies) and asked again; on the built-in simulator
 * the simulated harness's gauge may read itself instead. The prompt and the live load cell reach
 * every screen through `calibration.tableChanged` every LIVE_PUSH_MS. Cancelling, or the table
 * going away while a reading is awaited, ends the procedure (the table unloads) and stores nothing.
 */
import { apiError, type ApiResponse, type TableCalibrationProgress, type TableCalibrationRunView, type TableCalibrationView, type TableGaugePromptView, type TableGaugeSource } from '../../api/index.ts';
import { err, gaugeContradiction, ok, type LoadDirection, type Result } from '../../core/index.ts';
import type { DeviceIdentity, TimerHandle, Timers } from '../../native-bridge/index.ts';
import { compressedTimers } from '../balance/compressed-timers.ts';
import { runTableProcedure, storageCalibrationStore, tableCalibrationRecord, UNARMED_STATES, verificationLevelsN, type ReferenceGauge } from '../calibration/index.ts';
import { appendAudit, readSettings, type Storage } from '../storage/index.ts';
import type { DeviceHub } from './device-hub.ts';
import type { TableSlot } from './device-slot.ts';
import type { OperatorSession } from './operator-session.ts';
import { LIVE_PUSH_MS } from './plate-calibration-wizard.ts';
import type { SimulatorBackend } from './simulator-backend.ts';

/** Telemetry sent before the table armed may still arrive just after; it is not the table letting go. DESIGN. */
const FRAMES_IN_FLIGHT_US = 100_000;

const CANCELLED = 'cancelled by the technician';

export interface TableCalibrationRunOptions {
  readonly storage: Storage;
  readonly devices: DeviceHub;
  readonly session: OperatorSession;
  readonly simulator: SimulatorBackend | undefined;
  /** Real timers: the push interval is display time. */
  readonly timers: Timers;
  readonly nowEpochMs: () => number;
  readonly publish: (view: TableCalibrationRunView | null) => void;
  /** Why the table cannot be calibrated now (a decompression session on it), or undefined. */
  readonly tableBusy: () => string | undefined;
}

interface Awaited {
  readonly view: TableGaugePromptView;
  /** The load cell's settled reading the gauge's is paired with (0 at rest, where it was just zeroed). */
  readonly readingN: number;
  /** The table's clock when the reading was asked for: only later telemetry tells it let go. */
  readonly sinceTUs: number;
  readonly resolve: (reading: Result<number, string>) => void;
}

interface Running {
  readonly slot: TableSlot;
  readonly identity: DeviceIdentity;
  readonly operator: string;
  readonly gauge: TableGaugeSource;
  readonly levelsN: readonly number[];
  readonly fullScaleN: number;
  /** The last gauge reading reached (asked for, or read by the simulator): the sweep and level the procedure is at. */
  reached: TableGaugePromptView | undefined;
  /** The gauge's reading at rest in this sweep: every reference is taken from it, as the procedure does. */
  atRestN: number;
  awaited: Awaited | undefined;
  /** Why the run is ending early (cancelled, the table went away); further readings are refused with it. */
  stopping: string | undefined;
  lastError: string | null;
  readonly pushTimer: { handle: TimerHandle | undefined };
}

export class TableCalibrationRun {
  private running: Running | undefined;

  constructor(private readonly o: TableCalibrationRunOptions) {}

  status(): TableCalibrationRunView | null {
    return this.running === undefined ? null : this.viewOf(this.running);
  }

  async start(levelsN: readonly number[], requested: TableGaugeSource | undefined): Promise<ApiResponse<TableCalibrationView>> {
    const slot = this.o.devices.table;
    const connected = slot?.driver.connected;
    if (slot === undefined || connected === undefined) return apiError('refused', 'The table is not connected; connect it first.');
    const simulator = slot.simulated ? this.o.simulator : undefined;
    const gauge = requested ?? (simulator === undefined ? 'typed' : 'simulator');
    if (gauge === 'simulator' && simulator === undefined) {
      return apiError('refused', 'Only the built-in simulator’s table has a gauge that reads itself: type the reference gauge’s readings in.');
    }
    const operator = this.o.session.status().operator;
    if (operator === null) return apiError('not-signed-in', 'Please sign in first.');
    if (this.running !== undefined) return apiError('refused', `A table calibration is already running (${this.running.operator}).`);
    // The procedure pulls the table to its reference loads: never with a patient's session on it.
    const busy = this.o.tableBusy();
    if (busy !== undefined) return apiError('refused', `The table cannot be calibrated now: ${busy}.`);
    const run: Running = {
      slot,
      identity: connected.identity,
      operator: operator.username,
      gauge,
      levelsN,
      fullScaleN: connected.capabilities.loadCellFullScaleN,
      reached: undefined,
      atRestN: 0,
      awaited: undefined,
      stopping: undefined,
      lastError: null,
      pushTimer: { handle: undefined },
    };
    this.running = run;
    this.audit('table-calibration-started', run, { levelsN, gauge });
    this.schedulePush(run);
    this.changed(run);
    try {
      const outcome = await runTableProcedure({
        driver: slot.driver,
        gauge: this.gaugeFor(run, simulator),
        levelsN,
        timers: compressedTimers(this.o.devices.timeScale),
      });
      if (!outcome.ok) {
        this.audit('table-calibration-stopped', run, { code: outcome.error.code, message: outcome.error.message });
        return apiError(run.stopping === CANCELLED ? 'refused' : 'device-error', `The calibration stopped: ${outcome.error.message}. Nothing was stored.`);
      }
      const intervalMonths = readSettings(this.o.storage).calibrationIntervalMonths;
      const record = tableCalibrationRecord(outcome.value, run.identity, run.operator, Math.round(this.o.nowEpochMs()), intervalMonths);
      const stored = storageCalibrationStore(this.o.storage).saveCalibration(record);
      if (!stored.ok) return apiError('storage-error', `The result could not be stored: ${stored.error}`);
      const verifiedPct = outcome.value.verification.map((v) => Math.abs(v.errorPct));
      const accuracyMaxPct = verifiedPct.length > 0 ? Math.max(...verifiedPct) : outcome.value.accuracyMaxPct;
      return ok({ isPassed: outcome.value.isPassed, storedId: stored.value.id, dueAtMs: record.dueAtMs, accuracyMaxPct, failures: outcome.value.failures });
    } finally {
      run.pushTimer.handle?.cancel();
      this.running = undefined;
      this.o.publish(null);
    }
  }

  /** The technician's reading of the reference gauge where one is asked for. */
  submit(forceN: number): ApiResponse<TableCalibrationRunView> {
    const run = this.running;
    const awaited = run?.awaited;
    if (run === undefined || awaited === undefined) {
      return apiError('refused', 'No gauge reading is asked for now: wait until the table has settled at its level.');
    }
    const { view } = awaited;
    if (view.direction !== 'rest') {
      const contradiction = gaugeContradiction(forceN - run.atRestN, awaited.readingN);
      if (contradiction !== undefined) {
        run.lastError = `${forceN} N not taken: ${contradiction}${run.atRestN === 0 ? '' : ` (the reading at rest, ${run.atRestN} N, is taken off)`}.`;
        this.audit('table-calibration-reading-refused', run, { ...this.where(view), forceN, readingN: awaited.readingN });
        this.changed(run);
        return apiError('invalid-request', `${run.lastError} Type it again.`, [{ path: 'forceN', message: contradiction }]);
      }
    } else {
      run.atRestN = forceN;
    }
    run.awaited = undefined;
    run.lastError = null;
    this.audit('table-calibration-reading-taken', run, { ...this.where(view), forceN, readingN: awaited.readingN });
    awaited.resolve(ok(forceN));
    return ok(this.changed(run));
  }

  /** Ends the run: the awaited reading (or the next one asked for) stops the procedure, which unloads the table. */
  cancel(): ApiResponse<null> {
    const run = this.running;
    if (run === undefined) return apiError('not-found', 'No table calibration is running.');
    this.audit('table-calibration-cancelled', run, {});
    this.stop(run, CANCELLED);
    return ok(null);
  }

  dispose(): void {
    if (this.running !== undefined) this.stop(this.running, 'Proprio is closing');
  }

  private stop(run: Running, why: string): void {
    run.stopping ??= why;
    run.lastError = `Stopping (${run.stopping}): the table unloads; nothing will be stored.`;
    const awaited = run.awaited;
    run.awaited = undefined;
    awaited?.resolve(err(run.stopping));
    this.changed(run);
  }

  private gaugeFor(run: Running, simulator: SimulatorBackend | undefined): ReferenceGauge {
    return {
      read: (levelN, direction, readingN) => {
        const view = this.promptFor(run, levelN, direction);
        if (run.stopping !== undefined) return Promise.resolve(err(run.stopping));
        if (run.gauge === 'simulator' && simulator !== undefined) return Promise.resolve(ok(simulator.tableGaugeN()));
        return new Promise((resolve) => {
          run.awaited = { view, readingN, sinceTUs: run.slot.driver.lastTelemetry?.tUs ?? 0, resolve };
          this.changed(run);
        });
      },
    };
  }

  /** Counts the procedure's readings: each one at rest starts a sweep (the fit's, then the verification's). */
  private promptFor(run: Running, levelN: number, direction: LoadDirection): TableGaugePromptView {
    const last = run.reached;
    const sweep = levelN === 0 ? { kind: last === undefined ? ('fit' as const) : ('verify' as const), step: 0 } : { kind: last?.sweep ?? 'fit', step: (last?.step ?? 0) + 1 };
    const steps = sweep.kind === 'fit' ? this.fitSteps(run) : this.verifySteps(run);
    const ask = 'type the reference gauge’s reading in N.';
    const text =
      levelN === 0
        ? `${sweep.kind === 'fit' ? 'Before the levels' : 'Before verifying the new coefficients'}: the table is at rest and its load cell was just zeroed; ${ask}`
        : `${sweep.kind === 'fit' ? 'Level' : 'Verification level'} ${sweep.step} of ${steps}, ${direction}: the table holds about ${levelN} N; ${ask}`;
    run.reached = { sweep: sweep.kind, direction: levelN === 0 ? 'rest' : direction, levelN, step: sweep.step, steps, text };
    return run.reached;
  }

  /** The procedure's progress from the last reading reached: each sweep starts with a reading at rest. */
  private progressOf(run: Running): TableCalibrationProgress | null {
    const at = run.reached;
    if (at === undefined) return null;
    const isFit = at.sweep === 'fit';
    const stage =
      at.levelN === 0
        ? `at rest, load cell just zeroed${isFit ? '' : ', before verifying'}`
        : `${isFit ? 'level' : 'verification level'} ${at.step} of ${at.steps}, ${at.direction}, about ${at.levelN} N`;
    const fitReadings = 1 + this.fitSteps(run);
    return { step: (isFit ? 0 : fitReadings) + at.step + 1, steps: fitReadings + 1 + this.verifySteps(run), stage };
  }

  /** Levels of the fit's sweep: up through every level and back down to the lowest. */
  private fitSteps(run: Running): number {
    return 2 * run.levelsN.length - 1;
  }

  private verifySteps(run: Running): number {
    return verificationLevelsN(run.levelsN, run.fullScaleN).length;
  }

  /** Pushes the live load cell, and gives up an awaited reading once the table is gone or has let go of its level. */
  private schedulePush(run: Running): void {
    run.pushTimer.handle = this.o.timers.after(LIVE_PUSH_MS, () => {
      if (this.running !== run) return;
      const frame = run.slot.driver.lastTelemetry;
      const awaited = run.awaited;
      if (awaited !== undefined && (this.o.devices.table !== run.slot || run.slot.driver.connected === undefined)) {
        this.stop(run, 'the table disconnected while waiting for the gauge reading');
      } else if (awaited !== undefined && frame !== undefined && frame.tUs - awaited.sinceTUs > FRAMES_IN_FLIGHT_US && UNARMED_STATES.has(frame.state)) {
        this.stop(run, `the table stopped holding its level (${frame.state}) while waiting for the gauge reading`);
      } else {
        this.o.publish(this.viewOf(run));
      }
      this.schedulePush(run);
    });
  }

  private changed(run: Running): TableCalibrationRunView {
    const view = this.viewOf(run);
    this.o.publish(view);
    return view;
  }

  private where(view: TableGaugePromptView): Record<string, unknown> {
    return { sweep: view.sweep, direction: view.direction, levelN: view.levelN };
  }

  private audit(action: string, run: Running, detail: Record<string, unknown>): void {
    const { model, serial } = run.identity;
    appendAudit(this.o.storage, { operatorId: this.o.session.operatorId, action, entity: 'device', entityId: undefined, detail: { model, serial, ...detail } });
  }

  private viewOf(run: Running): TableCalibrationRunView {
    return {
      device: { model: run.identity.model, serial: run.identity.serial },
      operator: run.operator,
      gauge: run.gauge,
      prompt: run.awaited?.view ?? null,
      liveN: run.slot.driver.lastTelemetry?.measuredN ?? null,
      lastError: run.lastError,
      progress: this.progressOf(run),
    };
  }
}
