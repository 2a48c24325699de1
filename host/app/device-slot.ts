/**
 * One device role with its driver: starts and stops it, feeds its live data to a ColumnBatcher,
 * and answers with a contract snapshot (identity, link state, counters, raw channels). The plate
 * and table slots differ only in what they batch and which raw channels they show (`SlotParts`).
 */
import type { DeviceRole, DeviceSnapshot, RawChannels } from '../../api/index.ts';
import type { DeviceIdentity, DriverState, LinkStats, PlateDriver, PlateStreamStats, TableDriver, Timers } from '../../native-bridge/index.ts';
import type { ColumnBatcher } from './column-batcher.ts';
import { connectionView, statsView, type RateMeter } from './snapshot-parts.ts';

export interface DeviceSlot {
  readonly role: DeviceRole;
  readonly port: string;
  readonly simulated: boolean;
  /** Starts connecting (and reconnecting until stop). */
  start(): void;
  stop(): Promise<void>;
  /** What the slot knows; the hub adds the calibration in force. */
  snapshot(): Omit<DeviceSnapshot, 'calibration'>;
}

/** The plate's slot also lends its driver to a balance run (it listens; the slot keeps owning it). */
export interface PlateSlot extends DeviceSlot {
  readonly driver: PlateDriver;
}

/** The table's slot lends its driver to a decompression session the same way. */
export interface TableSlot extends DeviceSlot {
  readonly driver: TableDriver;
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

/** What both drivers offer a slot (PlateDriver and TableDriver, native-bridge). */
export interface SlotDriver {
  readonly state: DriverState;
  readonly connected: { readonly identity: DeviceIdentity } | undefined;
  readonly events: { on(name: 'state' | 'linkLost', listener: () => void): () => void };
  start(): void;
  stop(): Promise<void>;
  linkStats(): LinkStats;
}

export interface SlotParts {
  readonly role: DeviceRole;
  readonly driver: SlotDriver;
  readonly batcher: ColumnBatcher;
  /** Counts samples or telemetry frames as they arrive. */
  readonly rate: RateMeter;
  readonly rateHz: () => number | null;
  readonly streamStats: () => PlateStreamStats | undefined;
  readonly raw: () => RawChannels;
}

export function createSlot(parts: SlotParts, context: SlotContext): DeviceSlot {
  const { driver, batcher } = parts;
  driver.events.on('state', () => context.stateChanged());
  // The last samples before a gap are shown at once, not a batch interval later.
  driver.events.on('linkLost', () => batcher.flush());
  return {
    role: parts.role,
    port: context.port,
    simulated: context.simulated,
    start: () => driver.start(),
    async stop() {
      await driver.stop();
      batcher.flush();
      batcher.dispose();
    },
    snapshot(): Omit<DeviceSnapshot, 'calibration'> {
      const connected = driver.connected;
      return {
        role: parts.role,
        port: context.port,
        simulated: context.simulated,
        connection: connectionView(driver.state),
        identity: connected === undefined ? null : { ...connected.identity },
        rateHz: parts.rateHz(),
        stats: statsView(driver.linkStats(), parts.streamStats(), parts.rate.read(context.timers.nowMonoMs())),
        raw: parts.raw(),
      };
    },
  };
}
