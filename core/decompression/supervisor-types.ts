/**
 * States, events and commands of the decompression supervisor (supervisor.ts), and the session
 * plan it runs. The table side is described in the supervisor's own terms (docs/protocols/
 * table.md §2, §5, §7 mapped by the host), so core/ knows no wire tokens or flag bits.
 */
import { err, ok, type Result } from '../result.ts';
import type { Alarm, AlarmCondition } from './alarms.ts';
import { checkPrescription, deriveEnvelope, type Envelope, type EnvelopeViolation, type PatientContext, type Prescription } from './envelope.ts';
import { FRESH_FORCE_MONITOR, type ForceMonitorState } from './force-monitor.ts';
import { validateProgram, type Region } from './program.ts';
import { buildTimeline, type Timeline } from './timeline.ts';

/** The table controller's state (table.md §2). */
export type TableMode = 'idle' | 'armed' | 'run' | 'pause' | 'releasing' | 'released' | 'fault';
/** Patient switch channels decoded (table.md §5): ready A=1 B=0, pressed A=0 B=1, unplugged 0/0, shorted 1/1. */
export type SwitchReading = 'ready' | 'pressed' | 'unplugged' | 'shorted';

/** One telemetry frame (table.md §5), in the supervisor's terms. */
export interface TableReading {
  readonly mode: TableMode;
  readonly measuredN: number;
  readonly setpointN: number;
  readonly positionMm: number;
  readonly velocityMmS: number;
  readonly patientSwitch: SwitchReading;
  readonly isEstop: boolean;
  readonly isZeroed: boolean;
  readonly isSwitchTested: boolean;
  readonly isLoadCellFault: boolean;
  /** table.md §6.1 reason of a latched release or fault; 0 when none. */
  readonly faultCode: number;
}

/** Table events (table.md §7) the supervisor acts on. */
export type TableNotice =
  | { readonly kind: 'patient-switch' }
  | { readonly kind: 'switch-fault' }
  | { readonly kind: 'estop' }
  | { readonly kind: 'force-limit' }
  | { readonly kind: 'watchdog' }
  | { readonly kind: 'load-cell' }
  | { readonly kind: 'power' }
  | { readonly kind: 'release-started'; readonly reason: number }
  | { readonly kind: 'release-done'; readonly reason: number };

/** What the table said about itself at the handshake (table.md §3). */
export interface TableLimits {
  readonly floorN: number;
  readonly loadCellFullScaleN: number;
}

export type OperatorInput =
  | { readonly kind: 'begin-prechecks' }
  | { readonly kind: 'start' }
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'stop' }
  | { readonly kind: 'release' }
  /** After a safety release or link loss: the operator re-arms with a recorded reason (ref §7.5). */
  | { readonly kind: 're-arm'; readonly reason: string }
  | { readonly kind: 'acknowledge'; readonly condition: AlarmCondition };

export type TableCommandKind = 'zero' | 'arm' | 'disarm' | 'set' | 'pause' | 'stop' | 'release' | 'reset';

export type CommandFailureInfo =
  | { readonly kind: 'nak'; readonly code: number; readonly name: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'link-lost' }
  | { readonly kind: 'invalid-argument'; readonly message: string };

export type SupervisorEvent =
  | { readonly kind: 'operator'; readonly input: OperatorInput }
  | { readonly kind: 'link-up'; readonly limits: TableLimits }
  | { readonly kind: 'link-down'; readonly reason: string }
  | { readonly kind: 'reading'; readonly reading: TableReading }
  | { readonly kind: 'notice'; readonly notice: TableNotice }
  | { readonly kind: 'command-failed'; readonly command: TableCommandKind; readonly failure: CommandFailureInfo }
  /** The host's clock ticking (every few tens of ms): advances program time and timeouts. */
  | { readonly kind: 'tick' };

export type TableCommand =
  | { readonly kind: 'zero' }
  | { readonly kind: 'arm'; readonly region: Region }
  | { readonly kind: 'disarm' }
  | { readonly kind: 'set'; readonly targetN: number; readonly rateNps: number }
  | { readonly kind: 'pause' }
  | { readonly kind: 'stop'; readonly rateNps: number }
  | { readonly kind: 'release' }
  | { readonly kind: 'reset' };

export type SessionMark = 'patient-stop' | 'safety-release' | 'link-lost' | 'abort';

export type SupervisorCommand =
  | { readonly kind: 'table'; readonly command: TableCommand }
  | { readonly kind: 'raise-alarm'; readonly alarm: Alarm }
  | { readonly kind: 'clear-alarm'; readonly condition: AlarmCondition }
  | { readonly kind: 'mark-session'; readonly mark: SessionMark; readonly detail: string };

export type ReleaseCause =
  | 'patient-stop'
  | 'estop'
  | 'switch-fault'
  | 'link-lost'
  | 'over-tension'
  | 'runaway'
  | 'load-cell-fault'
  | 'tracking-escalated'
  | 'force-limit'
  | 'table-fault'
  | 'table-power'
  | 'operator-release';

export type PrecheckStep = 'link' | 'zero' | 'arm' | 'switch-test';
export type StopReason = 'operator' | 'program-end' | 'pause-limit' | 'refused';

/** Program time `programMs` runs only in `running`; paused and released keep where it stood. */
export type Phase =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'prechecking';
      readonly step: PrecheckStep;
      readonly sinceMs: number;
      /** Program time to continue from once ready (0 for a new session). */
      readonly resumeAtMs: number;
      /** The release being re-armed from; a failed precheck returns there. */
      readonly rearmFrom: ReleaseCause | undefined;
      readonly releasedFromN: number;
    }
  | { readonly kind: 'ready'; readonly programMs: number }
  | { readonly kind: 'running'; readonly programMs: number; readonly lastTickMs: number; readonly segmentIndex: number }
  | { readonly kind: 'paused'; readonly programMs: number; readonly pausedAtMs: number; readonly isWarned: boolean }
  | { readonly kind: 'stopping'; readonly reason: StopReason; readonly programMs: number }
  | { readonly kind: 'released'; readonly cause: ReleaseCause; readonly atMs: number; readonly programMs: number; readonly fromN: number; readonly isTableDone: boolean }
  | { readonly kind: 'done'; readonly outcome: 'completed' | 'stopped' };

/** What the session runs: checked prescription, its envelope and timeline. */
export interface SessionPlan {
  readonly prescription: Prescription;
  readonly envelope: Envelope;
  readonly timeline: Timeline;
}

export interface SupervisorState {
  readonly phase: Phase;
  readonly plan: SessionPlan;
  readonly limits: TableLimits | undefined;
  readonly reading: TableReading | undefined;
  readonly monitor: ForceMonitorState;
  readonly alarms: readonly Alarm[];
  /** Highest tension this session may still command: the prescribed max, lowered after a patient stop (ref §7.5). */
  readonly capN: number;
}

export interface StepResult {
  readonly state: SupervisorState;
  readonly commands: readonly SupervisorCommand[];
}

export type PlanProblem = { readonly kind: 'program'; readonly field: string; readonly message: string } | ({ readonly kind: 'envelope' } & EnvelopeViolation);

/** Checks the program and the prescription against the patient's envelope (the first of the two checks, ref §7). */
export function planSession(patient: PatientContext, prescription: Prescription): Result<SessionPlan, readonly PlanProblem[]> {
  const program = validateProgram(prescription.program);
  if (!program.ok) return err(program.error.map((p) => ({ kind: 'program' as const, ...p })));
  const envelope = deriveEnvelope(patient);
  const checked = checkPrescription(envelope, prescription);
  if (!checked.ok) return err(checked.error.map((v) => ({ kind: 'envelope' as const, ...v })));
  return ok({ prescription, envelope, timeline: buildTimeline(prescription.program) });
}

export function createSupervisor(plan: SessionPlan): SupervisorState {
  return {
    phase: { kind: 'idle' },
    plan,
    limits: undefined,
    reading: undefined,
    monitor: FRESH_FORCE_MONITOR,
    alarms: [],
    capN: plan.prescription.program.maxN,
  };
}
