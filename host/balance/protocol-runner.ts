/**
 * Runs a balance protocol (core/protocols) against a live plate: calibrates every sample block
 * into force and COP, tracks who is on the plate (core/balance PlateLoadTracker), feeds the pure
 * engine the load changes, the link state, the therapist's buttons and a tick per block, carries
 * out its commands (cues to the UI, trial capture) and hands results to a TrialResultSink.
 *
 * The trial clock is the plate's own sample clock (device time, µs → ms): a trial is exactly the
 * samples between its cues, host scheduling cannot stretch it, and a simulator running on a
 * compressed clock compresses the whole protocol with it. A device restart (time going back) is
 * spliced so engine time keeps increasing.
 */
import {
  applyPlateCalibration,
  assertNever,
  PlateLoadTracker,
  startEngine,
  stepProtocol,
  type CellPositionMm,
  type EngineCommand,
  type EngineEvent,
  type EngineState,
  type LoadChange,
  type PlateCoefficients,
  type ProtocolSpec,
  type SafetyAnswer,
} from '../../core/index.ts';
import type { PlateDriver, PlateSampleBlock } from '../../native-bridge/index.ts';
import { CopHistory } from './cop-history.ts';
import { scoreTrial, summarise, type TrialResult, type TrialResultSink } from './trial-result.ts';

/** The subject's centre is the mean COP over this long before the start cue (DESIGN). */
export const CENTRE_WINDOW_MS = 1000;
/** History kept for cutting trials: the longest built-in trial (60 s option) + the centre window + slack, at the top rate. */
const HISTORY_SECONDS = 75;
const MAX_RATE_HZ = 2000;

export interface PlateCalibrationInUse {
  readonly coefficients: PlateCoefficients;
  readonly cellsMm: readonly CellPositionMm[];
}

export interface ProtocolRunnerOptions {
  readonly plate: Pick<PlateDriver, 'events' | 'connected'>;
  readonly calibration: PlateCalibrationInUse;
  readonly protocol: ProtocolSpec;
  readonly results: TrialResultSink;
  /** Every engine command, for the UI (cues, instructions) and logs. */
  readonly onCommand?: (command: EngineCommand) => void;
}

interface OpenCapture {
  readonly trialIndex: number;
  readonly attempt: number;
  readonly atMs: number;
  readonly safety: SafetyAnswer | undefined;
}

const LOAD_EVENTS: Record<LoadChange['kind'], EngineEvent | undefined> = {
  steppedOn: undefined,
  steady: { kind: 'subject', change: 'steady' },
  unsteady: { kind: 'subject', change: 'unsteady' },
  steppedOff: { kind: 'subject', change: 'steppedOff' },
  empty: { kind: 'subject', change: 'empty' },
};

export class ProtocolRunner {
  private engine: EngineState;
  private tracker: PlateLoadTracker | undefined;
  private readonly history = new CopHistory(HISTORY_SECONDS * MAX_RATE_HZ);
  private columns = { forceN: new Float64Array(0), copXMm: new Float64Array(0), copYMm: new Float64Array(0) };
  private readonly unsubscribe: (() => void)[];
  private capture: OpenCapture | undefined;
  private readonly finished = new Map<number, TrialResult>();
  private nowMs = 0;
  private deviceOffsetMs = 0;
  private rateHz = 0;

  constructor(private readonly options: ProtocolRunnerOptions) {
    const { plate } = options;
    const started = startEngine(options.protocol, 0, plate.connected !== undefined, false);
    this.engine = started.state;
    this.unsubscribe = [
      plate.events.on('samples', (block) => this.onBlock(block)),
      plate.events.on('linkLost', () => {
        this.tracker?.reset();
        this.history.clear();
        this.send({ kind: 'plateDisconnected' });
      }),
      plate.events.on('connected', () => this.send({ kind: 'plateConnected' })),
    ];
    this.execute(started.commands);
  }

  get state(): EngineState {
    return this.engine;
  }

  /** The therapist confirms the set-up and the spotter or harness (balance.md §7.2). */
  ready(safety: SafetyAnswer): void {
    this.send({ kind: 'therapistReady', safety });
  }

  abortTrial(): void {
    this.send({ kind: 'abortTrial' });
  }

  repeatLastTrial(): void {
    this.send({ kind: 'repeatLastTrial' });
  }

  stop(): void {
    this.send({ kind: 'stopProtocol' });
  }

  /** Stops listening to the plate. */
  dispose(): void {
    for (const off of this.unsubscribe) off();
  }

  private send(event: EngineEvent, atMs = this.nowMs): void {
    const result = stepProtocol(this.engine, event, atMs);
    this.engine = result.state;
    this.execute(result.commands);
  }

  private onBlock(block: PlateSampleBlock): void {
    const { count, rateHz } = block;
    if (count === 0) return;
    if (this.tracker === undefined || rateHz !== this.rateHz) {
      this.tracker = new PlateLoadTracker(rateHz);
      this.rateHz = rateHz;
    }
    if (this.columns.forceN.length < count) this.columns = { forceN: new Float64Array(count), copXMm: new Float64Array(count), copYMm: new Float64Array(count) };
    const { forceN, copXMm, copYMm } = this.columns;
    applyPlateCalibration(block.cellCounts, count, this.options.calibration.coefficients, this.options.calibration.cellsMm, this.columns);
    const firstMs = (block.tUs[0] as number) / 1000 + this.deviceOffsetMs;
    if (firstMs <= this.nowMs && this.nowMs > 0) this.deviceOffsetMs += this.nowMs - firstMs + 1000 / rateHz;
    const timeOf = (i: number): number => (block.tUs[i] as number) / 1000 + this.deviceOffsetMs;
    for (let i = 0; i < count; i++) this.history.push(timeOf(i), copXMm[i] as number, copYMm[i] as number);
    for (const change of this.tracker.push(forceN, copXMm, copYMm, count)) {
      const event = LOAD_EVENTS[change.kind];
      this.nowMs = timeOf(change.sampleIndex);
      if (event !== undefined) this.send(event);
    }
    this.nowMs = timeOf(count - 1);
    this.send({ kind: 'tick' });
  }

  private execute(commands: readonly EngineCommand[]): void {
    for (const command of commands) {
      this.options.onCommand?.(command);
      switch (command.kind) {
        case 'startCapture':
          this.capture = { trialIndex: command.trialIndex, attempt: command.attempt, atMs: command.atMs, safety: command.safety };
          break;
        case 'finishCapture':
          this.finishCapture(command.outcome, command.holdMs);
          break;
        case 'discardCapture':
          this.capture = undefined;
          this.options.results.trialVoided({
            protocolId: this.options.protocol.id,
            trialId: this.options.protocol.trials[command.trialIndex]?.id ?? '',
            trialIndex: command.trialIndex,
            attempt: command.attempt,
            reason: command.reason,
          });
          break;
        case 'protocolEnded': {
          const results = [...this.finished.entries()].sort(([a], [b]) => a - b).map(([, result]) => result);
          this.options.results.protocolEnded(summarise(this.options.protocol.id, command.outcome, results));
          break;
        }
        case 'showTrial':
        case 'cue':
          break;
        default:
          assertNever(command, 'engine command');
      }
    }
  }

  private finishCapture(outcome: 'completed' | 'fell', holdMs: number): void {
    const capture = this.capture;
    this.capture = undefined;
    const trial = capture === undefined ? undefined : this.options.protocol.trials[capture.trialIndex];
    if (capture === undefined || trial === undefined) return;
    // Bounds half a sample early, so rounding in sample times never moves a sample across one.
    const fromMs = capture.atMs - 500 / this.rateHz;
    const before = this.history.window(fromMs - CENTRE_WINDOW_MS, fromMs);
    const during = this.history.window(fromMs, fromMs + holdMs);
    const mean = (v: Float64Array): number => v.reduce((sum, x) => sum + x, 0) / v.length;
    const reference = before.copXMm.length > 0 ? before : during;
    const result = scoreTrial({
      protocolId: this.options.protocol.id,
      trial,
      trialIndex: capture.trialIndex,
      attempt: capture.attempt,
      outcome,
      holdMs,
      startedAtDeviceMs: capture.atMs,
      // Engine time is device time plus the splice of any device restart; the stream keeps device time.
      deviceWindowUs: { fromTUs: Math.max(0, (fromMs - this.deviceOffsetMs) * 1000), toTUs: Math.max(0, (fromMs + holdMs - this.deviceOffsetMs) * 1000) },
      sampleRateHz: this.rateHz,
      safety: capture.safety,
      centreMm: reference.copXMm.length > 0 ? { xMm: mean(reference.copXMm), yMm: mean(reference.copYMm) } : { xMm: 0, yMm: 0 },
      copXMm: during.copXMm,
      copYMm: during.copYMm,
    });
    this.finished.set(capture.trialIndex, result);
    this.options.results.trialCompleted(result);
  }
}
