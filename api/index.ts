/** Public surface of the API contract (STYLE.md §1.4): the only file other folders import. */
export { METHODS, isMethodName } from './contract.ts';
export type { ApiEvents, ApiRequests, EventName, JsonEventName, MethodName, MethodParams, MethodResult } from './contract.ts';
export { apiError, internalError, type ApiError, type ApiErrorCode, type ApiResponse, type FieldIssue } from './errors.ts';
export { METHOD_ACCESS, isAllowedFor, type Access } from './access.ts';
export { OPERATOR_ROLES, PASSWORD_MIN_CHARS, type AuthStatus, type OperatorRole, type OperatorView } from './auth/auth-methods.ts';
export type { PatientFields, PatientView } from './patients/patient-methods.ts';
export { CHECKLIST_ANSWERS, OPERATOR_INPUTS, PROGRAM_KINDS } from './decompression/decompression-methods.ts';
export type { AlarmView, DecompressionView, PlanView, PrescriptionInput, ScreeningInput, ScreeningStatus, ScreeningView, SegmentView } from './decompression/decompression-methods.ts';
export type { PdfFile } from './reports/report-methods.ts';
export type {
  CalibrationRecordView,
  PlateCalibrationResultView,
  PlateLiveView,
  PlateVerificationView,
  PlateWizardPoint,
  PlateWizardStep,
  PlateWizardView,
  RollbackView,
  SettleCriterionView,
  TableCalibrationProgress,
  TableCalibrationRunView,
  TableCalibrationView,
  TableGaugePromptView,
  TableGaugeSource,
} from './calibration/calibration-methods.ts';
export type { HistorySession, HistoryTrial } from './history/history-methods.ts';
export type { BalanceResultView, BalanceRunView, BalanceTrialView, NextLevelView, ProtocolInfo, ReferenceValueView, SymptomMark, TrialFigures } from './balance/balance-methods.ts';
export {
  ADMIN_SETTINGS,
  CALIBRATION_INTERVAL_MAX_MONTHS,
  CALIBRATION_INTERVAL_MIN_MONTHS,
  CLINIC_NAME_MAX_CHARS,
  DEFAULT_CUE_VOLUME_FRAC,
  DEFAULT_IDLE_LOCK_MS,
  IDLE_LOCK_MAX_MS,
  IDLE_LOCK_MIN_MS,
  LENGTH_UNITS,
  MASS_UNITS,
  type LengthUnit,
  type MassUnit,
  type SettingName,
  type SettingsPatch,
  type SettingsView,
} from './settings/settings-methods.ts';
export { createDispatcher, type ApiHandlers, type Dispatch, type DispatcherOptions } from './dispatcher.ts';
export { createApiClient, type ApiClient, type ClientTransport } from './client.ts';
export { callMessageSchema, type CallMessage, type EventMessage, type HostTextMessage, type OutgoingEvent, type ReplyMessage } from './envelope.ts';
export {
  STREAM_BATCH_INTERVAL_MS,
  STREAM_COLUMNS,
  isStreamName,
  packStreamFrame,
  streamNameOfFrame,
  unpackStreamFrame,
  type StreamBatch,
  type StreamColumn,
  type StreamName,
} from './streams/stream-frame.ts';
export type { AppInfo } from './app/app-methods.ts';
export { IPC_CHANNELS } from './ipc-channels.ts';
export { DEVICE_ROLES } from './devices/device-snapshot.ts';
export type {
  CalibrationStatusView,
  DeviceConnection,
  DeviceIdentityView,
  DeviceRole,
  DeviceSnapshot,
  DeviceStats,
  RawChannels,
} from './devices/device-snapshot.ts';
export { SWITCH_POSITIONS } from './simulator/simulator-methods.ts';
export type {
  ActiveFault,
  Eyes,
  SimFaultInfo,
  SimPlateStatus,
  SimTableStatus,
  SimulatorStatus,
  Surface,
  SwitchPosition,
} from './simulator/simulator-methods.ts';
