/**
 * Decompression alarm conditions and their IEC 60601-1-8 priorities (ref §7.2 alarm table;
 * presentation per ref §5.2 as restated by device manuals). The standard leaves the choice of
 * conditions and priorities to the maker's risk management (ref §5.2); this table is ours and
 * traces to docs/safety/hazards.md.
 */
export type AlarmPriority = 'high' | 'medium' | 'low';

export type AlarmCondition =
  | 'patient-stop'
  | 'switch-fault'
  | 'estop'
  | 'link-lost'
  | 'table-power'
  | 'force-limit'
  | 'over-tension'
  | 'runaway'
  | 'load-cell-fault'
  | 'tracking'
  | 'tracking-escalated'
  | 'table-fault'
  | 'pause-limit'
  | 'precheck-failed'
  | 'envelope'
  | 'command-refused';

/** What the operator sees and hears for each priority (ref §5.2, §7.2; "restated" numbers — verify before release). */
export interface AlarmPresentation {
  /** `***`, `**`, `*` (Comen, Mindray). */
  readonly marker: string;
  readonly colour: 'red' | 'yellow' | 'cyan';
  /** Flash frequency range, Hz; 0 = steady. */
  readonly flashMinHz: number;
  readonly flashMaxHz: number;
  /** Pulses per auditory burst: high 10 (3+2, 3+2), medium 3, low 1. */
  readonly burstPulses: number;
  /** High alarms latch until acknowledged (Dräger, ref §5.2). */
  readonly isLatching: boolean;
}

export const ALARM_PRESENTATION: Readonly<Record<AlarmPriority, AlarmPresentation>> = {
  high: { marker: '***', colour: 'red', flashMinHz: 1.4, flashMaxHz: 2.8, burstPulses: 10, isLatching: true },
  medium: { marker: '**', colour: 'yellow', flashMinHz: 0.4, flashMaxHz: 0.8, burstPulses: 3, isLatching: false },
  low: { marker: '*', colour: 'cyan', flashMinHz: 0, flashMaxHz: 0, burstPulses: 1, isLatching: false },
};

/** Priority and headline of each condition (ref §7.2). */
export const ALARM_CONDITIONS: Readonly<Record<AlarmCondition, { readonly priority: AlarmPriority; readonly title: string }>> = {
  'patient-stop': { priority: 'high', title: 'PATIENT STOP' },
  'switch-fault': { priority: 'high', title: 'PATIENT SWITCH FAULT' },
  estop: { priority: 'high', title: 'EMERGENCY STOP' },
  'link-lost': { priority: 'high', title: 'TABLE LINK LOST' },
  'table-power': { priority: 'high', title: 'TABLE POWER LOST — OPEN HARNESS QUICK-RELEASE' },
  'force-limit': { priority: 'high', title: 'FORCE LIMIT (table)' },
  'over-tension': { priority: 'high', title: 'OVER-TENSION' },
  runaway: { priority: 'high', title: 'FORCE RUNAWAY' },
  'load-cell-fault': { priority: 'high', title: 'FORCE SENSOR FAULT' },
  tracking: { priority: 'medium', title: 'FORCE DEVIATION' },
  'tracking-escalated': { priority: 'high', title: 'FORCE DEVIATION' },
  'table-fault': { priority: 'high', title: 'TABLE FAULT' },
  'pause-limit': { priority: 'medium', title: 'PAUSED — STOPPING SOON' },
  'precheck-failed': { priority: 'medium', title: 'PRECHECK FAILED' },
  envelope: { priority: 'medium', title: 'LIMIT' },
  'command-refused': { priority: 'low', title: 'TABLE REFUSED A COMMAND' },
};

export interface Alarm {
  readonly condition: AlarmCondition;
  readonly priority: AlarmPriority;
  /** Headline plus detail, e.g. "OVER-TENSION 412.0 N (92.6 lbf)". */
  readonly message: string;
  readonly raisedAtMs: number;
  readonly isAcknowledged: boolean;
}

export function makeAlarm(condition: AlarmCondition, detail: string, nowMs: number): Alarm {
  const { priority, title } = ALARM_CONDITIONS[condition];
  return { condition, priority, message: detail === '' ? title : `${title}: ${detail}`, raisedAtMs: nowMs, isAcknowledged: false };
}

/** The marker-prefixed line a headless console prints (`*** PATIENT STOP`). */
export function formatAlarm(alarm: Alarm): string {
  return `${ALARM_PRESENTATION[alarm.priority].marker} ${alarm.message}`;
}
