/**
 * `proprio run-decompression`: runs one program headless against a table port, for QA — prints
 * the planned timeline, then every state change, table command and alarm as it happens, and a
 * summary. Prechecks start at once; for `sim:table` the simulated patient does the switch
 * self-test, otherwise the operator is asked to. Ctrl-C stops the program under control (a
 * second Ctrl-C releases). Exit status: 0 completed, 1 ended otherwise.
 */
import {
  formatAlarm,
  newtonsToPoundsForce,
  type SessionPlan,
  type SupervisorPhase,
  type SupervisorState,
  type SupervisorTableCommand,
} from '../../core/index.ts';
import { describePhase, DecompressionRunner, MemoryRecordSink, scaledTimers } from '../../host/decompression/index.ts';
import { TableDriver, parsePortSpec, transportFor, type Timers } from '../../native-bridge/index.ts';
import type { InProcessSims } from './in-process-sims.ts';
import type { RunDecompressionOptions } from './run-decompression-args.ts';

export interface RunDecompressionIo {
  readonly write: (text: string) => void;
  readonly writeError: (text: string) => void;
  /** Resolves on each Ctrl-C. */
  readonly onInterrupt: (listener: () => void) => void;
}

/** After the program ends, how long to wait for the table to report its final release (table.md §6.2: motor off ≤ 5 s). */
const FINAL_RELEASE_WAIT_MS = 6000;
/** The simulated patient presses the switch this long, for the self-test (table.md §5 SWITCH_TESTED). */
const SWITCH_TEST_PRESS_MS = 200;

const fmtN = (forceN: number): string => `${forceN.toFixed(1).padStart(6)} N (${newtonsToPoundsForce(forceN).toFixed(1)} lbf)`;

export function describeTimeline(plan: SessionPlan): string[] {
  const p = plan.prescription.program;
  const lines = [
    `program ${p.mode.kind} ${p.region}, max ${fmtN(p.maxN).trim()}, min ${fmtN(p.minN).trim()}, ramp ${p.rampRateNps.toFixed(1)} N/s ${p.rampShape}, treatment ${(p.treatmentMs / 60_000).toFixed(1)} min, angle ${p.angleDeg}°`,
    `envelope max ${fmtN(plan.envelope.maxTensionN).trim()}, confirm above ${fmtN(plan.envelope.confirmAboveN).trim()}, ramp ≤ ${plan.envelope.rampMaxNps.toFixed(1)} N/s`,
    'timeline:      t s  phase          from N →   to N',
  ];
  for (const s of plan.timeline.segments) {
    lines.push(`  ${(s.startMs / 1000).toFixed(1).padStart(10)}  ${s.phase.padEnd(13)} ${s.fromN.toFixed(1).padStart(7)} → ${s.toN.toFixed(1).padStart(6)}`);
  }
  lines.push(`  ${(plan.timeline.totalMs / 1000).toFixed(1).padStart(10)}  end`);
  return lines;
}

function describeCommand(c: SupervisorTableCommand): string {
  switch (c.kind) {
    case 'set':
      return `$SET ${c.targetN.toFixed(1)} N at ${c.rateNps.toFixed(1)} N/s`;
    case 'stop':
      return `$STOP at ${c.rateNps.toFixed(1)} N/s`;
    case 'arm':
      return `$ARM ${c.region}`;
    case 'zero':
    case 'disarm':
    case 'pause':
    case 'release':
    case 'reset':
      return `$${c.kind.toUpperCase()}`;
  }
}

/** Finished: done with the table released, released with the table done, or a precheck that failed back to idle. */
function isOver(state: SupervisorState, wasPrechecking: boolean, isTableReleased: boolean): boolean {
  const phase = state.phase;
  return (phase.kind === 'done' && isTableReleased) || (phase.kind === 'released' && phase.isTableDone) || (phase.kind === 'idle' && wasPrechecking);
}

export async function runDecompression(options: RunDecompressionOptions, io: RunDecompressionIo, sims: InProcessSims): Promise<number> {
  const spec = parsePortSpec(options.port);
  const transport = spec.ok ? transportFor(spec.value, sims.connector) : spec;
  if (!transport.ok) {
    io.writeError(`proprio run-decompression: ${transport.error}\n`);
    return 2;
  }
  const isSimulated = spec.ok && spec.value.kind === 'sim';
  const timers: Timers = scaledTimers(options.timeScale);
  const driver = new TableDriver({ transport: transport.value, timers });
  const sink = new MemoryRecordSink();
  const runner = new DecompressionRunner({ driver, plan: options.plan, timers, sink });
  const t0 = timers.nowMonoMs();
  const say = (text: string): void => io.write(`[${((timers.nowMonoMs() - t0) / 1000).toFixed(2).padStart(8)} s] ${text}\n`);
  for (const line of describeTimeline(options.plan)) io.write(`${line}\n`);

  let wasPrechecking = false;
  let lastPhase: SupervisorPhase | undefined;
  const finished = new Promise<void>((resolve) => {
    runner.events.on('state', (state) => {
      const phase = state.phase;
      const previous = lastPhase;
      if (previous === undefined || describePhase(previous) !== describePhase(phase)) say(describePhase(phase));
      lastPhase = phase;
      const isNewPhase = previous === undefined || describePhase(previous) !== describePhase(phase);
      if (phase.kind === 'prechecking') wasPrechecking = true;
      if (isNewPhase && phase.kind === 'prechecking' && phase.step === 'switch-test' && isSimulated) {
        timers.after(SWITCH_TEST_PRESS_MS, () => sims.table().pressSwitch());
        timers.after(2 * SWITCH_TEST_PRESS_MS, () => sims.table().releaseSwitch());
      }
      if (isNewPhase && phase.kind === 'ready') queueMicrotask(() => runner.operator({ kind: 'start' }));
      if (isOver(state, wasPrechecking, driver.lastTelemetry?.state === 'RELD')) resolve();
      if (isNewPhase && phase.kind === 'done') timers.after(FINAL_RELEASE_WAIT_MS, resolve);
    });
  });
  runner.events.on('alarm', (alarm) => say(formatAlarm(alarm)));
  runner.events.on('commandSent', (command) => say(describeCommand(command)));
  let interrupts = 0;
  io.onInterrupt(() => {
    interrupts++;
    say(interrupts === 1 ? 'stop requested (Ctrl-C again to release)' : 'release requested');
    runner.operator({ kind: interrupts === 1 ? 'stop' : 'release' });
  });

  runner.start();
  driver.start();
  say(`connecting to ${driver.description}${options.timeScale === 1 ? '' : ` (time × ${options.timeScale})`}`);
  runner.operator({ kind: 'begin-prechecks' });
  await finished;
  const final = runner.state;
  const last = driver.lastTelemetry;
  say(`end: ${describePhase(final.phase)}; table ${last?.state ?? 'not connected'}, measured ${fmtN(last?.measuredN ?? 0).trim()}`);
  runner.stop();
  await driver.stop();
  if (options.json) {
    io.write(
      `${JSON.stringify({
        phase: final.phase,
        alarms: sink.of('alarmRaised').map((a) => ({ priority: a.alarm.priority, message: a.alarm.message })),
        marks: sink.of('sessionMarked').map((m) => ({ mark: m.mark, detail: m.detail })),
        setpoints: sink.of('tableCommand').filter((c) => c.command.kind === 'set').length,
        telemetryFrames: sink.of('telemetry').length,
        linkStats: driver.linkStats(),
      })}\n`,
    );
  }
  return final.phase.kind === 'done' && final.phase.outcome === 'completed' ? 0 : 1;
}
