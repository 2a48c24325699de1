/** Decompression programs, prescription envelope, alarms and the supervisor (issue #5). */
export * from './decompression-limits.ts';
export { PROGRAM_MODE_KINDS, validateProgram, type Program, type ProgramMode, type ProgramModeKind, type ProgramProblem, type RampShape, type Region } from './program.ts';
export { programFromForm, type ProgramForm } from './program-form.ts';
export { buildTimeline, rampDurationMs, segmentRateNps, timelineAt, type Segment, type SegmentPhase, type Timeline } from './timeline.ts';
export {
  FIRST_SESSION,
  bodyMassKg,
  checkPrescription,
  checkRate,
  checkSetpoint,
  deriveEnvelope,
  minTensionRange,
  type BodyMassKg,
  type Envelope,
  type EnvelopeViolation,
  type PatientContext,
  type Prescription,
  type SessionHistory,
  type SetpointGrant,
} from './envelope.ts';
export {
  CONTRAINDICATIONS,
  bodyMassRefusal,
  checklistRefusal,
  contraindicationsFor,
  judgeChecklist,
  type ChecklistAnswer,
  type ChecklistVerdict,
  type ContraindicationItem,
} from './screening.ts';
export { ALARM_CONDITIONS, ALARM_PRESENTATION, formatAlarm, makeAlarm, type Alarm, type AlarmCondition, type AlarmPresentation, type AlarmPriority } from './alarms.ts';
export { createSupervisor, planSession } from './supervisor-types.ts';
export type {
  CommandFailureInfo,
  OperatorInput,
  Phase as SupervisorPhase,
  PlanProblem,
  ReleaseCause,
  SessionMark,
  SessionPlan,
  StepResult,
  SupervisorCommand,
  SupervisorEvent,
  SupervisorState,
  SwitchReading,
  TableCommand as SupervisorTableCommand,
  TableCommandKind,
  TableLimits,
  TableMode,
  TableNotice,
  TableReading,
} from './supervisor-types.ts';
export { step as stepSupervisor } from './supervisor.ts';
