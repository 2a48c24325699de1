import { describe, expect, it } from 'vitest';
import { limitsOfStabilityProtocol, losLimitsMm, rhythmicWeightShiftProtocol } from './active-protocols.ts';
import type { ProtocolSpec } from './protocol-types.ts';
import { REEDUCATION_LADDER, nextLevel, reeducationLevelProtocol } from './reeducation-ladder.ts';
import { mctsibProtocol, rombergProtocol, singleLegStanceProtocol, tandemStanceProtocol } from './stance-protocols.ts';

const all: ProtocolSpec[] = [
  rombergProtocol(),
  tandemStanceProtocol(),
  mctsibProtocol(),
  singleLegStanceProtocol(),
  limitsOfStabilityProtocol({ heightM: 1.75 }),
  rhythmicWeightShiftProtocol({ heightM: 1.75 }),
  ...REEDUCATION_LADDER.map((level) => reeducationLevelProtocol(level, 1.75)),
];

describe('built-in protocols', () => {
  it.each(all.map((p) => [p.id, p] as const))('%s has unique trial ids, positive durations and a source', (_id, protocol) => {
    expect(new Set(protocol.trials.map((t) => t.id)).size).toBe(protocol.trials.length);
    expect(protocol.trials.every((t) => t.durationMs > 0)).toBe(true);
    expect(protocol.source).toMatch(/\[/);
  });

  it('runs mCTSIB as four conditions × three trials, asking the therapist before eyes closed and before the foam', () => {
    const trials = mctsibProtocol().trials;
    expect(trials).toHaveLength(12);
    expect(trials.filter((t) => t.needsTherapist).map((t) => t.id)).toEqual(['ec-firm-1', 'eo-foam-1']);
    expect(new Set(trials.map((t) => `${t.condition.eyes}/${t.condition.surface}`))).toEqual(new Set(['open/firm', 'closed/firm', 'open/foam', 'closed/foam']));
  });

  it('takes Romberg options (10 s, up to 3 trials) and keeps eyes open before eyes closed', () => {
    const trials = rombergProtocol({ trialMs: 10_000, trialsPerCondition: 5 }).trials;
    expect(trials.map((t) => t.condition.eyes)).toEqual(['open', 'open', 'open', 'closed', 'closed', 'closed']);
    expect(trials[0]?.durationMs).toBe(10_000);
  });

  it('places limits-of-stability targets at 0.55·H·tan θ: 135 mm forward and sideways, 76 mm back for 1.75 m (balance.md §2.4)', () => {
    const limits = losLimitsMm(1.75);
    expect(limits.forwardMm).toBeCloseTo(135.3, 1);
    expect(limits.backwardMm).toBeCloseTo(75.8, 1);
    const targets = limitsOfStabilityProtocol({ heightM: 1.75, targetPct: 50 }).trials.map((t) => (t.task.kind === 'reach' ? t.task.direction : ''));
    expect(targets).toEqual(['F', 'FR', 'R', 'BR', 'B', 'BL', 'L', 'FL']);
  });

  it('runs rhythmic weight shift on both axes at 3, 2 and 1 s per shift', () => {
    const trials = rhythmicWeightShiftProtocol({ heightM: 1.7 }).trials;
    expect(trials.map((t) => (t.task.kind === 'track' && t.task.path.kind === 'shuttle' ? `${t.task.axis}:${t.task.path.shiftMs}` : ''))).toEqual([
      'ml:3000', 'ml:2000', 'ml:1000', 'ap:3000', 'ap:2000', 'ap:1000',
    ]);
  });
});

describe('re-education progression', () => {
  const mastered = { timeOnTargetPct: [85, 92], hasSymptoms: false };
  it('advances a mastered level without symptoms', () => {
    expect(nextLevel(2, mastered, 'auto')).toEqual({ nextLevel: 3, reason: 'mastered' });
  });
  it('holds on symptoms, on an exercise below 80 %, or on one not done', () => {
    expect(nextLevel(2, { ...mastered, hasSymptoms: true }, 'auto').reason).toBe('symptoms');
    expect(nextLevel(2, { timeOnTargetPct: [85, 79.9], hasSymptoms: false }, 'auto')).toEqual({ nextLevel: 2, reason: 'notMastered' });
    expect(nextLevel(2, { timeOnTargetPct: [85, null], hasSymptoms: false }, 'auto').reason).toBe('notMastered');
  });
  it('lets the therapist hold or step back, never below level 1, and stops at the top', () => {
    expect(nextLevel(3, mastered, 'hold')).toEqual({ nextLevel: 3, reason: 'heldByTherapist' });
    expect(nextLevel(1, mastered, 'stepBack')).toEqual({ nextLevel: 1, reason: 'steppedBackByTherapist' });
    expect(nextLevel(REEDUCATION_LADDER.length, mastered, 'auto').reason).toBe('top');
  });
});
