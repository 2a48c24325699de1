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
