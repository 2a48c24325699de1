import { describe, expect, it } from 'vitest';
import type { HistorySession } from '../../../api/index.ts';
import { trendOf } from './trend.ts';

const figures = (meanVelocityMmS: number | null) => ({ pathLengthMm: 1, meanVelocityMmS, rmsMm: 1, ellipseArea95Mm2: 1 });
const session = (id: number, atMs: number, trials: [string, number | null][]): HistorySession => ({
  id,
  kind: 'balance',
  status: 'complete',
  startedAtMs: atMs,
  endedAtMs: atMs + 1,
  isSimulated: false,
  title: 'Romberg',
  trials: trials.map(([condition, v], i) => ({ id: id * 10 + i, protocol: 'romberg', condition, outcome: 'completed', figures: figures(v), isUncalibrated: false, algorithmVersion: 'x' })),
  symptoms: [],
});

describe('trendOf', () => {
  it('puts each protocol trial’s values in time order, skipping trials without the metric', () => {
    const newest = session(2, 2000, [['eo', 6], ['ec', null]]);
    const oldest = session(1, 1000, [['eo', 8], ['ec', 11]]);
    expect(trendOf([newest, oldest], 'meanVelocityMmS')).toEqual([
      { key: 'romberg · eo', points: [{ atMs: 1000, value: 8 }, { atMs: 2000, value: 6 }] },
      { key: 'romberg · ec', points: [{ atMs: 1000, value: 11 }] },
    ]);
  });
});
