import { describe, expect, it } from 'vitest';
import type { HistorySession } from '../../../api/index.ts';
import { changeFrom, compareWithHistory } from './baseline.ts';

const session = (id: number, atMs: number, trials: [string, string, number | null][], isSimulated = false): HistorySession => ({
  id,
  kind: 'balance',
  status: 'complete',
  startedAtMs: atMs,
  endedAtMs: atMs + 1,
  isSimulated,
  title: 'x',
  trials: trials.map(([protocol, condition, v], i) => ({
    id: id * 10 + i,
    protocol,
    condition,
    outcome: v === null ? 'fell' : 'completed',
    figures: { pathLengthMm: v, meanVelocityMmS: v, rmsMm: v, ellipseArea95Mm2: v },
    isUncalibrated: false,
    algorithmVersion: 'x',
  })),
  symptoms: [],
});

describe('compareWithHistory (baseline rule)', () => {
  const history = [
    session(9, 9000, [['romberg', 'eo', 4]]), // the run itself: never its own baseline or previous
    session(7, 7000, [['romberg', 'eo', 6]], true), // simulated: never counts
    session(6, 6000, [['romberg', 'eo', 7]]),
    session(5, 5000, [['mctsib', 'eo', 2]]), // another protocol
    session(3, 3000, [['romberg', 'eo', 9], ['romberg', 'ec', null]]),
    session(2, 2000, [['romberg', 'eo', null]]), // a fall leaves no value: not the baseline
    session(1, 1000, [['romberg', 'eo', 12]], true), // the first session, but simulated
  ];

  it('takes the first non-simulated session of the same protocol with a value as baseline, the latest earlier one as previous', () => {
    expect(compareWithHistory(history, 9, 'romberg', 'eo', 'meanVelocityMmS')).toEqual({
      metric: 'meanVelocityMmS',
      baseline: { value: 9, atMs: 3000 },
      previous: { value: 7, atMs: 6000 },
    });
  });

  it('has neither for a first session, nor from falls only', () => {
    expect(compareWithHistory(history, 9, 'romberg', 'ec', 'rmsMm')).toEqual({ metric: 'rmsMm', baseline: null, previous: null });
    expect(compareWithHistory(history, 3, 'romberg', 'eo', 'rmsMm')).toEqual({ metric: 'rmsMm', baseline: null, previous: null });
  });

  it('compares a later run with sessions before it only', () => {
    expect(compareWithHistory(history, 4, 'romberg', 'eo', 'pathLengthMm')).toMatchObject({ baseline: { value: 9 }, previous: { value: 9 } });
  });

  it('gives the change and its percentage, none against zero', () => {
    expect(changeFrom(8, 10)).toEqual({ delta: -2, pct: -20 });
    expect(changeFrom(3, 0)).toEqual({ delta: 3, pct: null });
  });
});
