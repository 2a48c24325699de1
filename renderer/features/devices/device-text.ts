/** Plain-language text for device states and counters on the technician screen. */
import { assertNever } from '../../../core/index.ts';
import type { DeviceConnection, DeviceRole } from '../../../api/index.ts';

export const ROLE_NAMES: Readonly<Record<DeviceRole, string>> = { plate: 'Force plate', table: 'Decompression table' };

export function connectionText(connection: DeviceConnection): string {
  switch (connection.kind) {
    case 'disconnected':
      return 'Not connected';
    case 'connecting':
      return connection.attempt > 1 ? `Connecting (attempt ${connection.attempt})` : 'Connecting';
    case 'handshaking':
      return 'Identifying the device';
    case 'ready':
      return 'Connected';
    case 'closing':
      return `Closing: ${connection.reason}`;
    case 'reconnecting':
      return `Reconnecting in ${(connection.retryInMs / 1000).toFixed(1)} s (${connection.lastError})`;
    default:
      return assertNever(connection);
  }
}

export function formatNumber(value: number | null, digits = 0): string {
  return value === null || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

/** The table controller's state tokens in words (docs/protocols/table.md §2); an unknown token shows as sent. */
const TABLE_STATE_TEXT: Readonly<Record<string, string>> = {
  IDLE: 'idle',
  ARMED: 'armed',
  RUN: 'running',
  PAUSE: 'paused',
  RELG: 'releasing',
  RELD: 'released, latched until reset',
  FAULT: 'fault',
};

/** The controller's release and fault reasons (docs/protocols/table.md §6.1). */
const RELEASE_REASON_TEXT: Readonly<Record<number, string>> = {
  1: 'watchdog: the host went quiet',
  2: 'patient stop switch',
  3: 'stop switch fault',
  4: 'emergency stop',
  5: 'force limit',
  6: 'load cell fault',
  7: 'drive fault',
  8: 'released by the app',
  9: 'power lost',
};

/** `released, latched until reset (RELD)`: the words first, the wire token for the technician after. */
export function tableStateText(state: string): string {
  const words = TABLE_STATE_TEXT[state];
  return words === undefined ? state : `${words} (${state})`;
}

export function releaseReasonText(code: number): string {
  if (code === 0) return 'none';
  return `${RELEASE_REASON_TEXT[code] ?? 'unknown reason'} (code ${code})`;
}
