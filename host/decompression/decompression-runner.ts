/**
 * Runs the decompression supervisor (core `stepSupervisor`) against the real table driver with a
 * clock: driver events and clock ticks in, table commands, alarms and session marks out, and
 * everything recorded through a DecompressionRecordSink.
 *
 * Every set-point is checked against the envelope again here, as it is sent (ref §7: "enforced
 * again when each setpoint is sent"), independently of the supervisor's own check; a refusal is
 * not sent and goes back to the supervisor as a failed command (it alarms and stops).
 *
 * Latency (issue #5: release ≤ 100 ms after the event reaches the app): driver events are handled
 * synchronously and `$RELEASE` is written in the same turn of the event loop, before the alarm and
 * the record. Events that arrive while a step runs are queued and handled right after it.
 */
import {
  Emitter,
  checkSetpoint,
  createSupervisor,
  stepSupervisor,
  type Alarm,
  type OperatorInput,
  type SessionPlan,
  type SupervisorCommand,
  type SupervisorEvent,
  type SupervisorState,
  type SupervisorTableCommand,
} from '../../core/index.ts';
import type { CommandResult, TableDriver, TimerHandle, Timers } from '../../native-bridge/index.ts';
import type { CommandOutcome, DecompressionRecordSink } from './record-sink.ts';
import { failureInfo, limitsOf, noticeOf, readingOf } from './table-adapter.ts';

/** Program time and timeouts advance every 50 ms (DESIGN: 2.5 telemetry periods, well inside the 100 ms heartbeat). */
export const SUPERVISOR_TICK_MS = 50;

export interface DecompressionRunnerOptions {
  readonly driver: TableDriver;
  readonly plan: SessionPlan;
  readonly timers: Timers;
  readonly sink: DecompressionRecordSink;
}

export interface DecompressionRunnerEvents {
  state: SupervisorState;
  alarm: Alarm;
  /** A table command just written to the driver (for latency measurement and consoles). */
  commandSent: SupervisorTableCommand;
}

export class DecompressionRunner {
  readonly events = new Emitter<DecompressionRunnerEvents>();
  private current: SupervisorState;
  private readonly queue: SupervisorEvent[] = [];
  private isStepping = false;
  private tickTimer: TimerHandle | undefined;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly options: DecompressionRunnerOptions) {
    this.current = createSupervisor(options.plan);
  }

  get state(): SupervisorState {
    return this.current;
  }

  /** Listens to the driver and starts the clock; the caller starts the driver. */
  start(): void {
    const { driver, sink, timers } = this.options;
    const connected = driver.connected;
    if (connected !== undefined) this.feed({ kind: 'link-up', limits: limitsOf(connected.capabilities) });
    this.unsubscribe.push(
      driver.events.on('connected', (c) => this.feed({ kind: 'link-up', limits: limitsOf(c.capabilities) })),
      driver.events.on('linkLost', (lost) => this.feed({ kind: 'link-down', reason: lost.reason })),
      driver.events.on('deviceEvent', (event) => {
        const notice = noticeOf(event);
        if (notice !== undefined) this.feed({ kind: 'notice', notice });
        sink.tableEvent({ atMs: timers.nowMonoMs(), deviceTimeUs: event.tUs, name: event.name, detail: event.detail });
      }),
      driver.events.on('telemetry', (frame) => {
        this.feed({ kind: 'reading', reading: readingOf(frame) });
        sink.telemetry({
          atMs: timers.nowMonoMs(),
          deviceTimeUs: frame.tUs,
          tableState: frame.state,
          measuredN: frame.measuredN,
          setpointN: frame.setpointN,
          positionMm: frame.positionMm,
          velocityMmS: frame.velocityMmS,
          flags: frame.flags,
          faultCode: frame.fault,
        });
      }),
    );
    const tick = (): void => {
      this.feed({ kind: 'tick' });
      this.tickTimer = timers.after(SUPERVISOR_TICK_MS, tick);
    };
    this.tickTimer = timers.after(SUPERVISOR_TICK_MS, tick);
  }

  /** Stops listening and ticking; the table is left to its own watchdog if a session was under way. */
  stop(): void {
    this.tickTimer?.cancel();
    for (const off of this.unsubscribe.splice(0)) off();
  }

  operator(input: OperatorInput): void {
    const before = this.current;
    const beforeCommands = this.commandsSent;
    this.feed({ kind: 'operator', input });
    const isAccepted = this.current !== before || this.commandsSent !== beforeCommands;
    this.options.sink.operatorAction({ atMs: this.options.timers.nowMonoMs(), input, isAccepted });
  }

  private commandsSent = 0;

  private feed(event: SupervisorEvent): void {
    this.queue.push(event);
    if (this.isStepping) return;
    this.isStepping = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) this.apply(next);
    } finally {
      this.isStepping = false;
    }
  }

  private apply(event: SupervisorEvent): void {
    const nowMs = this.options.timers.nowMonoMs();
    const before = this.current;
    const result = stepSupervisor(before, event, nowMs);
    this.current = result.state;
    // Table commands first, in order: a $RELEASE never waits behind the record or the alarm.
    for (const command of result.commands) if (command.kind === 'table') this.send(command.command, nowMs);
    for (const command of result.commands) if (command.kind !== 'table') this.announce(command, nowMs);
    if (before.phase !== result.state.phase && (before.phase.kind !== result.state.phase.kind || phaseStep(before) !== phaseStep(result.state))) {
      this.options.sink.stateChanged({ atMs: nowMs, from: before.phase, to: result.state.phase });
    }
    if (before !== result.state) this.events.emit('state', result.state);
  }

  private announce(command: Exclude<SupervisorCommand, { kind: 'table' }>, nowMs: number): void {
    const sink = this.options.sink;
    switch (command.kind) {
      case 'raise-alarm':
        sink.alarmRaised({ atMs: nowMs, alarm: command.alarm });
        this.events.emit('alarm', command.alarm);
        return;
      case 'clear-alarm':
        sink.alarmCleared({ atMs: nowMs, condition: command.condition });
        return;
      case 'mark-session':
        sink.sessionMarked({ atMs: nowMs, mark: command.mark, detail: command.detail });
        return;
    }
  }

  private send(command: SupervisorTableCommand, nowMs: number): void {
    const driver = this.options.driver;
    if (command.kind === 'set') {
      const state = this.current;
      const grant = { envelope: state.plan.envelope, capN: state.capN, confirmedN: state.plan.prescription.confirmedN };
      const checked = checkSetpoint(grant, command.targetN, command.rateNps);
      if (!checked.ok) {
        this.options.sink.tableCommand({ atMs: nowMs, command, outcome: { kind: 'refused-by-envelope', reason: checked.error.message } });
        this.feed({ kind: 'command-failed', command: 'set', failure: { kind: 'invalid-argument', message: `envelope: ${checked.error.message}` } });
        return;
      }
    }
    this.commandsSent++;
    const pending = sendToDriver(driver, command);
    this.events.emit('commandSent', command);
    void pending.then((result) => {
      const atMs = this.options.timers.nowMonoMs();
      const outcome: CommandOutcome = result.ok ? { kind: 'ack' } : { kind: 'failed', reason: JSON.stringify(result.error) };
      this.options.sink.tableCommand({ atMs, command, outcome });
      if (!result.ok) this.feed({ kind: 'command-failed', command: command.kind, failure: failureInfo(result.error) });
    });
  }
}

function phaseStep(state: SupervisorState): string {
  return state.phase.kind === 'prechecking' ? state.phase.step : state.phase.kind;
}

function sendToDriver(driver: TableDriver, command: SupervisorTableCommand): Promise<CommandResult> {
  switch (command.kind) {
    case 'release':
      return driver.release();
    case 'zero':
      return driver.zero();
    case 'arm':
      return driver.arm(command.region);
    case 'disarm':
      return driver.disarm();
    case 'set':
      return driver.setTension(command.targetN, command.rateNps);
    case 'pause':
      return driver.pause();
    case 'stop':
      return driver.stopProgram(command.rateNps);
    case 'reset':
      return driver.reset();
  }
}
