/**
 * A protocol run end to end against the in-process plate simulator on a compressed clock: the
 * simulator's device time and the driver's timers both run TIME_SCALE times faster than real time,
 * so a 2-minute protocol takes seconds (the simulator on its manual clock, pumped here). A scripted "patient" answers the engine like a person
 * would: sets the sway condition the trial asks for (eyes, surface), and in active trials moves
 * the COP to the target (the simulator's stance position) as the target moves.
 */
import {
  targetAt,
  type EngineCommand,
  type PlateCoefficients,
  type ProtocolSpec,
  type TrialSpec,
} from '../../core/index.ts';
import { createPlateSim, type PlateSim } from '../../hardware-sim/index.ts';
import { duplexTransport, PlateDriver, type PlateCapabilities } from '../../native-bridge/index.ts';
import { compressedTimers, ProtocolRunner, type ProtocolRunSummary, type TrialResult, type TrialResultSink, type VoidedTrial } from '../../host/balance/index.ts';
import { waitFor } from '../support/wait.ts';

export const TIME_SCALE = 40;
export const RATE_HZ = 100;
/** Most device time one pump of the simulator's clock may run (ms). */
const MAX_DEVICE_STEP_MS = 100;

/** The plate's calibration as a calibration session would find it: the simulator's true zero and gain per cell (its small bow is left out). */
function coefficientsOf(sim: PlateSim, capabilities: PlateCapabilities): PlateCoefficients {
  return sim.state().calibration.map((cell) => ({ zeroCounts: cell.offsetCounts, nPerCount: 1 / (cell.gain * capabilities.countsPerN) }));
}

export class RecordingSink implements TrialResultSink {
  readonly completed: TrialResult[] = [];
  readonly voided: VoidedTrial[] = [];
  summary: ProtocolRunSummary | undefined;
  trialCompleted(result: TrialResult): void {
    this.completed.push(result);
  }
  trialVoided(voided: VoidedTrial): void {
    this.voided.push(voided);
  }
  protocolEnded(summary: ProtocolRunSummary): void {
    this.summary = summary;
  }
}

export interface Harness {
  readonly sim: PlateSim;
  readonly driver: PlateDriver;
  readonly runner: ProtocolRunner;
  readonly sink: RecordingSink;
  readonly commands: EngineCommand[];
  /** Resolves with the summary when the protocol ends; fails after `realTimeoutMs`. */
  finished(realTimeoutMs: number): Promise<ProtocolRunSummary>;
  /** Resolves once `n` attempts have started capturing. */
  captureStarted(n: number): Promise<void>;
  /** Resolves once attempt `attempt` of the trial at `trialIndex` has started capturing. */
  trialCaptureStarted(trialIndex: number, attempt: number): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly seed: number;
  /** Whether the patient follows moving targets (false: stands still at the centre). */
  readonly isFollowingTargets?: boolean;
}

export async function runProtocol(protocol: ProtocolSpec, options: HarnessOptions): Promise<Harness> {
  const sim = createPlateSim({ seed: options.seed, clock: 'manual', rateHz: RATE_HZ, subject: { bodyMassKg: 72 } });
  // Device time runs TIME_SCALE × real time, but after an event-loop stall it resumes instead of
  // catching up: the host's heartbeats were stalled too, and a catch-up would let the plate hit
  // its 2 s host-silence stop (plate.md §2) that no real plate would see.
  let lastPumpMs = performance.now();
  const pump = setInterval(() => {
    const nowMs = performance.now();
    sim.advanceMs(Math.min((nowMs - lastPumpMs) * TIME_SCALE, MAX_DEVICE_STEP_MS));
    lastPumpMs = nowMs;
  }, 2);
  const driver = new PlateDriver({ transport: duplexTransport('sim:plate', () => sim.connectInProcess()), rateHz: RATE_HZ, timers: compressedTimers(TIME_SCALE) });
  const connected = new Promise<PlateCapabilities>((resolve) => driver.events.on('connected', (c) => resolve(c.capabilities)));
  driver.start();
  const capabilities = await connected;
  const sink = new RecordingSink();
  const commands: EngineCommand[] = [];
  let follow: ReturnType<typeof setInterval> | undefined;
  const stopFollowing = (): void => {
    clearInterval(follow);
    follow = undefined;
    sim.setSubject({ stanceXMm: 0, stanceYMm: 0 });
  };
  const startFollowing = (trial: TrialSpec, atMs: number): void => {
    const task = trial.task;
    if (task.kind === 'quietStance' || options.isFollowingTargets === false) return;
    follow = setInterval(() => {
      const tMs = sim.nowUs() / 1000 - atMs;
      const target = task.kind === 'reach' ? (tMs > 400 ? task.target : { xMm: 0, yMm: 0 }) : targetAt(task.path, tMs);
      sim.setSubject({ stanceXMm: target.xMm, stanceYMm: target.yMm });
    }, 2);
  };
  const runner = new ProtocolRunner({
    plate: driver,
    calibration: { coefficients: coefficientsOf(sim, capabilities), cellsMm: capabilities.cellPositionsMm },
    protocol,
    results: sink,
    onCommand(command) {
      commands.push(command);
      if (command.kind === 'showTrial') {
        sim.setSubject({ eyes: command.trial.condition.eyes, surface: command.trial.condition.surface });
        // The therapist sets up and confirms a spotter a moment later.
        if (command.isAwaitingTherapist) setTimeout(() => runner.ready('spotter'), 20);
      }
      if (command.kind === 'startCapture') startFollowing(protocol.trials[command.trialIndex] as TrialSpec, command.atMs);
      if (command.kind === 'finishCapture' || command.kind === 'discardCapture') stopFollowing();
    },
  });
  /** A timeout says where the run stood: engine phase, plate and link, last commands. */
  const explained = async (waiting: Promise<void>): Promise<void> => {
    try {
      await waiting;
    } catch (error) {
      const last = commands.slice(-8).map((c) => (c.kind === 'cue' ? `cue:${c.cue.kind}` : c.kind));
      const state = runner.state;
      throw new Error(
        `${String(error)}; engine ${JSON.stringify(state.phase)} trial ${state.trialIndex} connected ${state.isPlateConnected} steady ${state.isSubjectSteady}; ` +
          `subject ${JSON.stringify(sim.state().subject)}; firmware ${sim.state().firmware}; driver ${driver.state.kind} ${JSON.stringify(driver.streamStats())}; last commands ${last.join(' ')}`,
      );
    }
  };
  sim.stepOn();
  return {
    sim,
    driver,
    runner,
    sink,
    commands,
    async finished(realTimeoutMs) {
      await explained(waitFor(`${protocol.id} to end`, () => sink.summary !== undefined, realTimeoutMs));
      return sink.summary as ProtocolRunSummary;
    },
    async captureStarted(n) {
      await explained(waitFor(`capture ${n} of ${protocol.id}`, () => commands.filter((c) => c.kind === 'startCapture').length >= n, 30_000, 2));
    },
    async trialCaptureStarted(trialIndex, attempt) {
      const isStarted = (): boolean => commands.some((c) => c.kind === 'startCapture' && c.trialIndex === trialIndex && c.attempt === attempt);
      await explained(waitFor(`attempt ${attempt} of trial ${trialIndex} of ${protocol.id}`, isStarted, 30_000, 2));
    },
    async close() {
      stopFollowing();
      runner.dispose();
      await driver.stop();
      clearInterval(pump);
      await sim.close();
    },
  };
}

/** Waits `deviceMs` of simulated time. */
export async function waitDeviceMs(sim: PlateSim, deviceMs: number): Promise<void> {
  const untilUs = sim.nowUs() + deviceMs * 1000;
  await waitFor(`${deviceMs} ms of device time`, () => sim.nowUs() >= untilUs, (deviceMs / TIME_SCALE) * 10 + 2000, 2);
}
