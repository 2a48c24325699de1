/**
 * One device role with its driver: starts and stops it, feeds its live data to a ColumnBatcher,
 * and answers with a contract snapshot (identity, link state, counters, raw channels).
 */
import type { DeviceRole, DeviceSnapshot } from '../../api/index.ts';
import type { Timers } from '../../native-bridge/index.ts';

export interface DeviceSlot {
  readonly role: DeviceRole;
  readonly port: string;
  readonly simulated: boolean;
  /** Starts connecting (and reconnecting until stop). */
  start(): void;
  stop(): Promise<void>;
  snapshot(): DeviceSnapshot;
}

export interface SlotContext {
  readonly port: string;
  readonly simulated: boolean;
  readonly timers: Timers;
  /** Epoch milliseconds with sub-millisecond resolution: when a sample entered the host. */
  readonly nowEpochMs: () => number;
  /** Sends a packed stream frame to every screen. */
  readonly sendFrame: (frame: ArrayBuffer) => void;
  /** The link state changed (connected, lost, reconnecting): screens should hear at once. */
  readonly stateChanged: () => void;
}
