import { describe, expect, it } from 'vitest';
import { ladderLevelOf, proposeLevel, type LadderSessionRecord } from './ladder-progress.ts';

const level2 = (sessionId: number, pcts: (number | null)[], hasSymptoms = false): LadderSessionRecord => ({
  sessionId,
  trials: [
    { protocolId: 'reeducation-level-2', trialId: 'level2-1-shiftMl', timeOnTargetPct: pcts[0] ?? null },
    { protocolId: 'reeducation-level-2', trialId: 'level2-2-shiftAp', timeOnTargetPct: pcts[1] ?? null },
  ],
  hasSymptoms,
});
const romberg: LadderSessionRecord = { sessionId: 9, trials: [{ protocolId: 'romberg', trialId: 'eo', timeOnTargetPct: null }], hasSymptoms: false };

describe('proposeLevel (re-education ladder progression)', () => {
  it('starts a patient without ladder sessions at level 1', () => {
    expect(proposeLevel([romberg])).toEqual({ level: 1, protocolId: 'reeducation-level-1', reason: 'start', basedOnSessionId: null, fromLevel: null });
  });

  it('advances after the newest ladder session mastered every exercise without symptoms, whatever came after it', () => {
    expect(proposeLevel([romberg, level2(5, [85, 90]), level2(4, [10, 10])])).toMatchObject({ level: 3, protocolId: 'reeducation-level-3', reason: 'mastered', basedOnSessionId: 5, fromLevel: 2 });
  });

  it('holds the level when an exercise fell short, was not completed, or a symptom was marked', () => {
    expect(proposeLevel([level2(6, [85, 79])])).toMatchObject({ level: 2, reason: 'notMastered' });
    expect(proposeLevel([level2(6, [85, null])])).toMatchObject({ level: 2, reason: 'notMastered' });
    expect(proposeLevel([level2(6, [95, 95], true)])).toMatchObject({ level: 2, reason: 'symptoms' });
  });

  it('counts the last attempt of a repeated exercise', () => {
    const repeated: LadderSessionRecord = { ...level2(7, [85, 40]), trials: [...level2(7, [85, 40]).trials, { protocolId: 'reeducation-level-2', trialId: 'level2-2-shiftAp', timeOnTargetPct: 88 }] };
    expect(proposeLevel([repeated]).level).toBe(3);
  });

  it('knows ladder protocol ids only', () => {
    expect(ladderLevelOf('reeducation-level-7')).toBe(7);
    expect(ladderLevelOf('reeducation-level-8')).toBeNull();
    expect(ladderLevelOf('romberg')).toBeNull();
  });
});
