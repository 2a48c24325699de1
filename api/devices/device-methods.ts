/** Device methods: list what is connected, connect a role to a port, disconnect it. */
import { z } from 'zod';
import { method } from '../method-spec.ts';
import { DEVICE_ROLES, type DeviceSnapshot } from './device-snapshot.ts';

/** Longest port spec accepted: a device path or `tcp://host:port` fits easily. */
const PORT_SPEC_MAX_CHARS = 256;

export const deviceRoleSchema = z.enum(DEVICE_ROLES);

export const DEVICE_METHODS = {
  /** Every role with a device assigned, in role order. */
  'devices.list': method<readonly DeviceSnapshot[]>()(z.strictObject({})),
  /**
   * Assigns `port` to `role` and starts connecting (and reconnecting); replaces any device on that
   * role. Resolves at once with the snapshot; `devices.changed` follows the link as it comes up.
   */
  'devices.connect': method<DeviceSnapshot>()(
    z.strictObject({ role: deviceRoleSchema, port: z.string().trim().min(1).max(PORT_SPEC_MAX_CHARS) }),
  ),
  /** Closes the link on `role`; `not-found` when nothing is assigned there. */
  'devices.disconnect': method<null>()(z.strictObject({ role: deviceRoleSchema })),
};
