/** The decompression table's slot: TableDriver telemetry → batched `table.telemetry` frames and raw channels. */
import type { DeviceSnapshot, RawChannels } from '../../api/index.ts';
import { TableDriver, type TransportFactory } from '../../native-bridge/index.ts';
import { ColumnBatcher } from './column-batcher.ts';
import type { DeviceSlot, SlotContext } from './device-slot.ts';
import { RateMeter, connectionView, statsView } from './snapshot-parts.ts';

export function createTableSlot(transport: TransportFactory, context: SlotContext): DeviceSlot {
  const driver = new TableDriver({ transport, timers: context.timers });
  const batcher = new ColumnBatcher('table.telemetry', context.timers, context.sendFrame);
  const rate = new RateMeter(context.timers.nowMonoMs());

  driver.events.on('telemetry', (t) => {
    rate.add(1);
    const row = batcher.beginRow();
    // Columns in STREAM_COLUMNS['table.telemetry'] order.
    [t.tUs / 1000, context.nowEpochMs(), t.measuredN, t.setpointN, t.positionMm, t.velocityMmS].forEach((value, column) =>
      batcher.set(column, row, value),
    );
  });
  driver.events.on('state', () => context.stateChanged());
  driver.events.on('linkLost', () => batcher.flush());

  const raw = (): RawChannels => {
    const t = driver.lastTelemetry;
    if (t === undefined) return { kind: 'none' };
    const { state, measuredN, setpointN, positionMm, velocityMmS, limitN, fault } = t;
    return { kind: 'table', state, measuredN, setpointN, positionMm, velocityMmS, limitN, fault };
  };

  return {
    role: 'table',
    port: context.port,
    simulated: context.simulated,
    start: () => driver.start(),
    async stop() {
      await driver.stop();
      batcher.flush();
      batcher.dispose();
    },
    snapshot(): DeviceSnapshot {
      const connected = driver.connected;
      return {
        role: 'table',
        port: context.port,
        simulated: context.simulated,
        connection: connectionView(driver.state),
        identity: connected === undefined ? null : { ...connected.identity },
        rateHz: null,
        stats: statsView(driver.linkStats(), undefined, rate.read(context.timers.nowMonoMs())),
        raw: raw(),
      };
    },
  };
}
