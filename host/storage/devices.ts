/**
 * Devices as their handshakes describe them (link.md §5): one row per model and serial. A new
 * firmware on a known device updates the row and is audited; each stream also keeps the firmware
 * it was recorded with.
 */
import type { DeviceIdentity } from '../../native-bridge/index.ts';
import { appendAudit } from './audit.ts';
import type { Storage } from './storage.ts';

export type DeviceKind = 'plate' | 'table';

export interface Device extends DeviceIdentity {
  readonly id: number;
  readonly kind: DeviceKind;
}

/** Registers a device seen in a handshake (or refreshes it) and returns its row id. */
export function upsertDevice(storage: Storage, kind: DeviceKind, identity: DeviceIdentity): number {
  return storage.db.transaction(() => {
    const nowMs = storage.nowMs();
    const known = storage.db.prepare('SELECT id, firmware FROM devices WHERE model = ? AND serial = ?').get(identity.model, identity.serial) as
      | { id: number; firmware: string }
      | undefined;
    if (known === undefined) {
      const id = Number(
        storage.db
          .prepare(
            'INSERT INTO devices (kind, model, serial, firmware, protocol_version, first_seen_at_ms, last_seen_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(kind, identity.model, identity.serial, identity.firmware, identity.protocolVersion, nowMs, nowMs).lastInsertRowid,
      );
      appendAudit(storage, { operatorId: undefined, action: 'device-registered', entity: 'device', entityId: id, detail: { ...identity } });
      return id;
    }
    storage.db
      .prepare('UPDATE devices SET firmware = ?, protocol_version = ?, last_seen_at_ms = ? WHERE id = ?')
      .run(identity.firmware, identity.protocolVersion, nowMs, known.id);
    if (known.firmware !== identity.firmware) {
      appendAudit(storage, {
        operatorId: undefined,
        action: 'device-firmware-changed',
        entity: 'device',
        entityId: known.id,
        detail: { from: known.firmware, to: identity.firmware },
      });
    }
    return known.id;
  })();
}

export function listDevices(storage: Storage): Device[] {
  const rows = storage.db.prepare('SELECT id, kind, model, serial, firmware, protocol_version FROM devices ORDER BY id').all() as {
    id: number;
    kind: DeviceKind;
    model: string;
    serial: string;
    firmware: string;
    protocol_version: number;
  }[];
  return rows.map((row) => ({ id: row.id, kind: row.kind, model: row.model, serial: row.serial, firmware: row.firmware, protocolVersion: row.protocol_version }));
}
