/** Waiting for a driver's handshake, on its timers, for `proprio calibrate`. */
import type { Emitter } from '../../core/index.ts';
import type { Timers } from '../../native-bridge/index.ts';

/** How long to wait for the handshake. DESIGN. */
export const CONNECT_TIMEOUT_MS = 10_000;

export function whenConnected<E extends { connected: unknown }>(driver: { readonly events: Emitter<E>; readonly connected: unknown }, timers: Timers): Promise<boolean> {
  if (driver.connected !== undefined) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = timers.after(CONNECT_TIMEOUT_MS, () => {
      off();
      resolve(false);
    });
    const off = driver.events.on('connected', () => {
      timer.cancel();
      off();
      resolve(true);
    });
  });
}
