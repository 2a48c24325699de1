import { describe, expect, it } from 'vitest';
import { SequenceTracker } from './sequence-tracker.ts';

describe('SequenceTracker', () => {
  it('counts the lines skipped between two numbers, across the 2^32 wrap', () => {
    const tracker = new SequenceTracker();
    expect(tracker.observe(4294967290)).toBe(0);
    expect(tracker.observe(4294967291)).toBe(0);
    expect(tracker.observe(2)).toBe(6);
    expect(tracker.observe(3)).toBe(0);
  });

  it('counts a number from the past as a rewind, not four billion lost lines', () => {
    const tracker = new SequenceTracker();
    tracker.observe(2000);
    expect(tracker.observe(5)).toBe(0);
    expect(tracker.rewinds).toBe(1);
    expect(tracker.observe(6)).toBe(0);
  });

  it('starts afresh after reset', () => {
    const tracker = new SequenceTracker();
    tracker.observe(10);
    tracker.reset();
    expect(tracker.observe(500)).toBe(0);
  });
});
