import { describe, expect, it } from 'vitest';
import { bodyMassRefusal, checklistRefusal, contraindicationsFor, judgeChecklist, type ChecklistAnswer } from './screening.ts';

const allNo = (region: 'lumbar' | 'cervical'): Record<string, ChecklistAnswer> => Object.fromEntries(contraindicationsFor(region).map((i) => [i.id, 'no' as const]));

describe('the contraindication checklist (ref §4.8, §7.5)', () => {
  it('asks cervical-only items (chin halter, prior stroke) only for the cervical region', () => {
    const lumbar = contraindicationsFor('lumbar').map((i) => i.id);
    const cervical = contraindicationsFor('cervical').map((i) => i.id);
    expect(lumbar).not.toContain('stroke');
    expect(cervical).toEqual(expect.arrayContaining(['stroke', 'tmj-dentures', 'pregnancy']));
    expect(cervical.length).toBe(lumbar.length + 2);
  });

  it('is clear only when every item is answered "no"', () => {
    expect(judgeChecklist('lumbar', allNo('lumbar'))).toEqual({ kind: 'clear' });
    expect(checklistRefusal(judgeChecklist('lumbar', allNo('lumbar')))).toBeUndefined();
  });

  it('refuses an unanswered item, naming it', () => {
    const { pregnancy: _, ...answers } = allNo('lumbar');
    const verdict = judgeChecklist('lumbar', answers);
    expect(verdict).toMatchObject({ kind: 'incomplete', unanswered: [{ id: 'pregnancy' }] });
    expect(checklistRefusal(verdict)).toMatch(/1 unanswered, first: pregnancy/);
  });

  it('blocks on a present or unknown contraindication, naming each', () => {
    const verdict = judgeChecklist('lumbar', { ...allNo('lumbar'), pregnancy: 'yes', anticoagulants: 'unknown' });
    expect(checklistRefusal(verdict)).toBe('No program for this patient: contraindication present: pregnancy; not known: anticoagulant use.');
  });
});

describe('body mass re-confirmation (ref §7.1, §7.5)', () => {
  it('refuses outside 20–250 kg', () => {
    expect(bodyMassRefusal(19.9, {})).toMatch(/20–250 kg/);
    expect(bodyMassRefusal(251, {})).toMatch(/20–250 kg/);
    expect(bodyMassRefusal(Number.NaN, {})).toMatch(/20–250 kg/);
    expect(bodyMassRefusal(80, {})).toBeUndefined();
  });

  it('says "this looks like pounds" when only the pounds reading agrees with the record or the plate', () => {
    expect(bodyMassRefusal(176.4, { recordKg: 80 })).toMatch(/looks like pounds \(80\.0 kg\)/);
    expect(bodyMassRefusal(176.4, { plateKg: 80.2, recordKg: 176.4 })).toMatch(/looks like pounds/);
  });

  it('takes a corrected mass without a plate, but with a plate needs agreement within max(3 kg, 5 %)', () => {
    expect(bodyMassRefusal(70, { recordKg: 82 })).toBeUndefined();
    expect(bodyMassRefusal(82, { plateKg: 70 })).toMatch(/does not agree with the plate’s 70\.0 kg/);
    expect(bodyMassRefusal(72.9, { plateKg: 70 })).toBeUndefined();
    expect(bodyMassRefusal(104.9, { plateKg: 100 })).toBeUndefined();
    expect(bodyMassRefusal(105.1, { plateKg: 100 })).toMatch(/does not agree/);
  });
});
