import { describe, expect, it } from 'vitest';
import { STREAM_BATCH_INTERVAL_MS, unpackStreamFrame } from '../../api/index.ts';
import { ManualTimers } from '../../test/support/manual-timers.ts';
import { ColumnBatcher } from './column-batcher.ts';

function setup(capacity = 8) {
  const timers = new ManualTimers();
  const frames: ArrayBuffer[] = [];
  const batcher = new ColumnBatcher('table.telemetry', timers, (frame) => frames.push(frame), capacity);
  const addRow = (value: number): void => {
    const row = batcher.beginRow();
    for (let c = 0; c < 6; c++) batcher.set(c, row, value * 10 + c);
  };
  return { timers, frames, batcher, addRow };
}

describe('ColumnBatcher', () => {
  it('sends nothing until the batch interval, then one frame with every row in order', () => {
    const { timers, frames, addRow } = setup();
    addRow(1);
    timers.advance(5);
    addRow(2);
    addRow(3);
    expect(frames).toHaveLength(0);
    timers.advance(STREAM_BATCH_INTERVAL_MS);
    expect(frames).toHaveLength(1);
    const batch = unpackStreamFrame(frames[0] as ArrayBuffer);
    expect(batch.ok && Array.from(batch.value.columns.measuredN)).toEqual([12, 22, 32]);
  });

  it('flushes within the batch interval of the first row, however rows keep coming', () => {
    const { timers, frames, addRow } = setup(1000);
    for (let t = 0; t < 100; t++) {
      addRow(t);
      timers.advance(1);
    }
    const sizes = frames.map((f) => (unpackStreamFrame(f).ok ? new Float64Array(f)[1] : -1));
    expect(sizes.every((n) => n !== undefined && n > 0 && n <= STREAM_BATCH_INTERVAL_MS)).toBe(true);
    expect(sizes.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBeGreaterThan(90);
  });

  it('sends early when the columns are full, losing no row', () => {
    const { timers, frames, addRow } = setup(4);
    for (let i = 0; i < 10; i++) addRow(i);
    timers.advance(STREAM_BATCH_INTERVAL_MS);
    const rows = frames.flatMap((f) => {
      const batch = unpackStreamFrame(f);
      return batch.ok ? Array.from(batch.value.columns.tDeviceMs) : [];
    });
    expect(rows).toEqual(Array.from({ length: 10 }, (_, i) => i * 10));
  });

  it('sends nothing after dispose', () => {
    const { timers, frames, batcher, addRow } = setup();
    addRow(1);
    batcher.dispose();
    timers.advance(100);
    expect(frames).toHaveLength(0);
  });
});
