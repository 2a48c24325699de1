/**
 * Between the table driver's wire view (docs/protocols/table.md) and the supervisor's terms:
 * telemetry → TableReading (state tokens, flag bits, switch channels decoded, §2, §5), events →
 * TableNotice (§7), driver failures → CommandFailureInfo, capabilities → TableLimits (§3).
 */
import type { CommandFailureInfo, TableLimits, TableMode, TableNotice, TableReading } from '../../core/index.ts';
import { TABLE_FLAG, type CommandFailure, type DeviceEvent, type TableCapabilities, type TableTelemetry, type TableWireState } from '../../native-bridge/index.ts';

const MODE_OF_WIRE_STATE: Readonly<Record<TableWireState, TableMode>> = {
  IDLE: 'idle',
  ARMED: 'armed',
  RUN: 'run',
  PAUSE: 'pause',
  RELG: 'releasing',
  RELD: 'released',
  FAULT: 'fault',
};

export function readingOf(frame: TableTelemetry): TableReading {
  const has = (bit: number): boolean => (frame.flags & bit) !== 0;
  const a = has(TABLE_FLAG.patientSwitchA);
  const b = has(TABLE_FLAG.patientSwitchB);
  return {
    mode: MODE_OF_WIRE_STATE[frame.state],
    measuredN: frame.measuredN,
    setpointN: frame.setpointN,
    positionMm: frame.positionMm,
    velocityMmS: frame.velocityMmS,
    // Channel A normally closed, B normally open (table.md §5).
    patientSwitch: a && !b ? 'ready' : !a && b ? 'pressed' : a ? 'shorted' : 'unplugged',
    isEstop: has(TABLE_FLAG.estop),
    isZeroed: has(TABLE_FLAG.zeroed),
    isSwitchTested: has(TABLE_FLAG.switchTested),
    isLoadCellFault: has(TABLE_FLAG.loadCellFault),
    faultCode: frame.fault,
  };
}

/** The events the supervisor acts on; BOOT, PSWTEST and ESTOPCLR show in readings and the record. */
export function noticeOf(event: DeviceEvent): TableNotice | undefined {
  const reason = Number(event.detail['reason'] ?? 0);
  switch (event.name) {
    case 'PSW':
      return { kind: 'patient-switch' };
    case 'PSWFAULT':
      return { kind: 'switch-fault' };
    case 'ESTOP':
      return { kind: 'estop' };
    case 'LIMIT':
      return { kind: 'force-limit' };
    case 'WDOG':
      return { kind: 'watchdog' };
    case 'LOADCELL':
      return { kind: 'load-cell' };
    case 'POWER':
      return { kind: 'power' };
    case 'RELEASE':
      return { kind: 'release-started', reason };
    case 'RELDONE':
      return { kind: 'release-done', reason };
    default:
      return undefined;
  }
}

export function failureInfo(failure: CommandFailure): CommandFailureInfo {
  switch (failure.kind) {
    case 'nak':
      return { kind: 'nak', code: failure.code, name: failure.name };
    case 'timeout':
      return { kind: 'timeout' };
    case 'link-lost':
      return { kind: 'link-lost' };
    case 'invalid-argument':
      return { kind: 'invalid-argument', message: failure.message };
  }
}

export function limitsOf(capabilities: TableCapabilities): TableLimits {
  return { floorN: capabilities.floorN, loadCellFullScaleN: capabilities.loadCellFullScaleN };
}
