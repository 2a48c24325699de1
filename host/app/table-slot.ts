/** The decompression table's slot: TableDriver telemetry → batched `table.telemetry` frames and raw channels. */
import type { RawChannels } from '../../api/index.ts';
import { TableDriver, type TransportFactory } from '../../native-bridge/index.ts';
import { ColumnBatcher } from './column-batcher.ts';
import { createSlot, type SlotContext, type TableSlot } from './device-slot.ts';
import { RateMeter } from './snapshot-parts.ts';

export function createTableSlot(transport: TransportFactory, context: SlotContext): TableSlot {
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

  const raw = (): RawChannels => {
    const t = driver.lastTelemetry;
    if (t === undefined) return { kind: 'none' };
    const { state, measuredN, setpointN, positionMm, velocityMmS, limitN, fault } = t;
    return { kind: 'table', state, measuredN, setpointN, positionMm, velocityMmS, limitN, fault };
  };

  return { ...createSlot({ role: 'table', driver, batcher, rate, rateHz: () => null, streamStats: () => undefined, raw }, context), driver };
}
