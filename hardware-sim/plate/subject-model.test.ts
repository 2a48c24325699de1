import { describe, it, expect } from 'vitest';
import { Prng } from '../random/prng.ts';
import { GRAVITY_MPS2, SubjectModel, phaseAt } from './subject-model.ts';

describe('subject: step on, stand, step off', () => {
  it('ramps to body weight over about 0.5 s with an overshoot, then settles into standing', () => {
    const subject = new SubjectModel(new Prng(1));
    subject.bodyMassKg = 80;
    const weightN = 80 * GRAVITY_MPS2;
    expect(subject.truthAt(0).forceN).toBe(0);
    subject.stepOn(1_000_000);
    const at = (ms: number) => subject.truthAt(1_000_000 + ms * 1000);
    expect(at(0).forceN).toBeCloseTo(0, 6);
    expect(at(250).forceN / weightN).toBeGreaterThan(0.3);
    expect(at(250).forceN / weightN).toBeLessThan(0.7);
    let peak = 0;
    for (let ms = 400; ms <= 900; ms += 5) peak = Math.max(peak, at(ms).forceN);
    expect(peak / weightN).toBeGreaterThan(1.04);
    expect(peak / weightN).toBeLessThan(1.15);
    const settled = at(1600);
    expect(settled.phase).toBe('standing');
    expect(Math.abs(settled.forceN / weightN - 1)).toBeLessThan(0.02);
  });

  it('moves the COP from the first foot to the stance position while stepping on', () => {
    const subject = new SubjectModel(new Prng(2));
    subject.stepOn(0);
    expect(subject.truthAt(50_000).copXMm).toBeCloseTo(-90, 0);
    expect(Math.abs(subject.truthAt(1_500_000).copXMm)).toBeLessThan(20);
  });

  it('unloads within 0.4 s when stepping off, and only plate noise remains', () => {
    const subject = new SubjectModel(new Prng(3));
    subject.placeStanding();
    subject.stepOff(2_000_000);
    expect(subject.truthAt(2_100_000).forceN).toBeGreaterThan(500);
    expect(subject.truthAt(2_100_000).copXMm).toBeGreaterThan(40);
    expect(subject.truthAt(2_400_000)).toMatchObject({ phase: 'absent', forceN: 0 });
  });

  it('phase transitions are pure and end by themselves', () => {
    expect(phaseAt({ kind: 'steppingOn', sinceUs: 0 }, 1_499_999)).toEqual({ kind: 'steppingOn', sinceUs: 0 });
    expect(phaseAt({ kind: 'steppingOn', sinceUs: 0 }, 1_500_000)).toEqual({ kind: 'standing' });
    expect(phaseAt({ kind: 'steppingOff', sinceUs: 0 }, 400_000)).toEqual({ kind: 'absent' });
  });
});
