/**
 * The force plate's slot: PlateDriver samples → newtons per cell (nominal sensitivity from the
 * plate's capability page, plate.md §3, until calibration is applied), total force and centre of
 * pressure (core copFromForces) → batched `plate.samples` frames.
 */
import { copFromForces } from '../../core/index.ts';
import { PLATE_FLAG, PlateDriver, type PlateSampleBlock, type TransportFactory } from '../../native-bridge/index.ts';
import { ColumnBatcher } from './column-batcher.ts';
import { createSlot, type PlateSlot, type SlotContext } from './device-slot.ts';
import { RateMeter } from './snapshot-parts.ts';

/** Column indices in STREAM_COLUMNS['plate.samples'] order. */
const T_DEVICE = 0;
const RECEIVED_AT = 1;
const COP_X = 2;
const COP_Y = 3;
const FORCE = 4;
const CELL0 = 5;

export function createPlateSlot(transport: TransportFactory, rateHz: number, context: SlotContext): PlateSlot {
  const driver = new PlateDriver({ transport, rateHz, timers: context.timers });
  const batcher = new ColumnBatcher('plate.samples', context.timers, context.sendFrame);
  const rate = new RateMeter(context.timers.nowMonoMs());
  const forcesN = new Float64Array(4);
  const lastCounts = [0, 0, 0, 0];
  let lastFlags = 0;

  driver.events.on('samples', (block) => {
    rate.add(block.count);
    addBlock(block);
  });

  function addBlock(block: PlateSampleBlock): void {
    const capabilities = driver.connected?.capabilities;
    if (capabilities === undefined || block.count === 0) return;
    const receivedAtMs = context.nowEpochMs();
    batcher.rateHz = block.rateHz;
    for (let i = 0; i < block.count; i++) {
      const flags = block.flags[i] ?? 0;
      // An ADC fault makes the sample's counts meaningless (plate.md §4): shown as a hole, not a jump.
      const valid = (flags & PLATE_FLAG.adcFault) === 0;
      for (let c = 0; c < 4; c++) forcesN[c] = valid ? (block.cellCounts[i * 4 + c] ?? 0) / capabilities.countsPerN : Number.NaN;
      const cop = valid ? copFromForces(forcesN, capabilities.cellPositionsMm) : undefined;
      const row = batcher.beginRow();
      batcher.set(T_DEVICE, row, (block.tUs[i] ?? 0) / 1000);
      batcher.set(RECEIVED_AT, row, receivedAtMs);
      batcher.set(COP_X, row, cop?.copXMm ?? Number.NaN);
      batcher.set(COP_Y, row, cop?.copYMm ?? Number.NaN);
      batcher.set(FORCE, row, valid ? forcesN[0]! + forcesN[1]! + forcesN[2]! + forcesN[3]! : Number.NaN);
      for (let c = 0; c < 4; c++) batcher.set(CELL0 + c, row, forcesN[c]!);
    }
    const last = block.count - 1;
    for (let c = 0; c < 4; c++) lastCounts[c] = block.cellCounts[last * 4 + c] ?? 0;
    lastFlags = block.flags[last] ?? 0;
  }

  const slot = createSlot(
    {
      role: 'plate',
      driver,
      batcher,
      rate,
      rateHz: () => driver.connected?.rateHz ?? rateHz,
      streamStats: () => driver.streamStats(),
      raw: () => ({ kind: 'plate', cellCounts: [...lastCounts], flags: lastFlags }),
    },
    context,
  );
  return { ...slot, driver };
}
