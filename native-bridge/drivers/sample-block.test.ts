import { describe, expect, it } from 'vitest';
import { SampleBlockBuilder } from './sample-block.ts';

describe('SampleBlockBuilder', () => {
  it('hands over exactly the samples added, in columns, and later blocks never alter earlier ones', () => {
    const builder = new SampleBlockBuilder(4);
    builder.add(7, 1000, 1, -2, 3, -4, 8);
    builder.add(8, 2000, 5, 6, 7, 8, 0);
    const first = builder.take(1000);
    builder.add(9, 3000, 9, 9, 9, 9, 1);
    const second = builder.take(1000);
    expect(first.count).toBe(2);
    expect(Array.from(first.seq)).toEqual([7, 8]);
    expect(Array.from(first.tUs)).toEqual([1000, 2000]);
    expect(Array.from(first.cellCounts)).toEqual([1, -2, 3, -4, 5, 6, 7, 8]);
    expect(Array.from(first.flags)).toEqual([8, 0]);
    expect(Array.from(second.seq)).toEqual([9]);
    expect(Array.from(second.cellCounts)).toEqual([9, 9, 9, 9]);
  });

  it('reports full at capacity', () => {
    const builder = new SampleBlockBuilder(2);
    builder.add(1, 1, 0, 0, 0, 0, 0);
    expect(builder.isFull).toBe(false);
    builder.add(2, 2, 0, 0, 0, 0, 0);
    expect(builder.isFull).toBe(true);
    expect(builder.take(100).count).toBe(2);
    expect(builder.length).toBe(0);
  });
});
