/**
 * The settings through the dispatcher, as both transports call it: who may change which field,
 * bad input changing nothing, the event every screen follows, and the idle lock obeying a new
 * time at once (on a manual clock).
 */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../host/storage/index.ts';
import { adminHarnessPerTest, type AppHarness } from '../support/app-harness.ts';
import { ManualTimers } from '../support/manual-timers.ts';

const MINUTE_MS = 60_000;
const THERAPIST = { username: 'tina', displayName: 'Tina Therapist', password: 'tina passphrase', role: 'therapist' } as const;

const newHarness = adminHarnessPerTest();

/** A new clinic with its admin signed in (scrypt is slow: each test hashes only what it needs). */
async function clinic() {
  const timers = new ManualTimers();
  const h = await newHarness({ timers });
  const settings = async () => h.call<Record<string, unknown>>('settings.get');
  return { h, timers, settings };
}

async function asTherapist(h: AppHarness): Promise<void> {
  await h.call('operators.create', THERAPIST);
  await h.call('auth.signIn', { username: THERAPIST.username, password: THERAPIST.password });
}

describe('settings.update', () => {
  it('lets a therapist change units and volume but not the clinic policy, field by field, saving nothing refused', async () => {
    const { h, settings } = await clinic();
    await asTherapist(h);
    const defaults = await settings();
    expect(defaults).toEqual({ massUnit: 'kg', lengthUnit: 'mm', clinicName: '', cueVolumeFrac: 0.6, idleLockMs: 10 * MINUTE_MS, calibrationIntervalMonths: 12 });

    const refused = await h.dispatch('settings.update', { massUnit: 'lb', clinicName: 'Physio Nord', idleLockMs: 5 * MINUTE_MS });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringMatching(/administrator.*clinicName, idleLockMs.*nothing was saved/) as unknown,
        fields: [
          { path: 'clinicName', message: 'only an administrator may change this' },
          { path: 'idleLockMs', message: 'only an administrator may change this' },
        ],
      },
    });
    expect(await settings()).toEqual(defaults);
    expect(h.events('settings.changed')).toEqual([]);

    expect(await h.call('settings.update', { massUnit: 'lb', lengthUnit: 'cm', cueVolumeFrac: 0.25 })).toMatchObject({ massUnit: 'lb', lengthUnit: 'cm', cueVolumeFrac: 0.25 });
    expect(h.events('settings.changed')).toEqual([{ ...defaults, massUnit: 'lb', lengthUnit: 'cm', cueVolumeFrac: 0.25 }]);
    const audit = listAudit(h.storage, 1)[0];
    expect(audit).toMatchObject({ action: 'settings-changed', detail: { massUnit: { from: 'kg', to: 'lb' }, cueVolumeFrac: { from: 0.6, to: 0.25 } } });
    expect(audit?.operatorId).toBe((await h.call<{ operator: { id: number } }>('auth.status')).operator.id);
  });

  it('lets an admin change everything; a bad field is named with its message and nothing is saved, nor pushed', async () => {
    const { h, settings } = await clinic();
    const bad = await h.dispatch('settings.update', { massUnit: 'lb', idleLockMs: 90 * MINUTE_MS, calibrationIntervalMonths: 36, clinicName: 'x'.repeat(81) });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('invalid-request');
    expect(Object.fromEntries((bad.error.fields ?? []).map((f) => [f.path, f.message]))).toEqual({
      idleLockMs: 'must be from 1 to 60 minutes',
      calibrationIntervalMonths: 'must be from 1 to 24 months',
      clinicName: 'must be at most 80 characters',
    });
    expect((await settings()).massUnit).toBe('kg');
    expect(await h.dispatch('settings.update', { cueVolumeFrac: 'loud' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(h.events('settings.changed')).toEqual([]);

    const changed = await h.call('settings.update', { clinicName: 'Physio Nord', calibrationIntervalMonths: 6 });
    expect(changed).toMatchObject({ clinicName: 'Physio Nord', calibrationIntervalMonths: 6 });
    expect(h.events('settings.changed')).toHaveLength(1);
    // The same values again change nothing: no event, no audit row.
    const auditRows = listAudit(h.storage, 100).length;
    await h.call('settings.update', { clinicName: 'Physio Nord' });
    expect(h.events('settings.changed')).toHaveLength(1);
    expect(listAudit(h.storage, 100)).toHaveLength(auditRows);
  });

  it('is read on a locked screen but changed only on an unlocked one', async () => {
    const { h } = await clinic();
    await h.call('auth.lock');
    expect(await h.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { massUnit: 'kg' } });
    expect(await h.dispatch('settings.update', { massUnit: 'lb' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    await h.call('auth.signOut');
    expect(await h.dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });
});

describe('idle lock from the settings', () => {
  it('a shorter time applies at once, counted from the last call, and the lock screen is told the new time', async () => {
    const { h, timers } = await clinic();
    timers.advance(3 * MINUTE_MS);
    await h.call('settings.update', { idleLockMs: 2 * MINUTE_MS });
    expect(h.events('auth.changed').at(-1)).toMatchObject({ isLocked: false, idleLockMs: 2 * MINUTE_MS });
    timers.advance(2 * MINUTE_MS - 1);
    expect(await h.call('auth.status')).toMatchObject({ isLocked: false });
    // auth.status is public: it is no activity, so the two minutes still run from the update.
    timers.advance(1);
    expect(await h.call('auth.status')).toMatchObject({ isLocked: true, idleLockMs: 2 * MINUTE_MS });
    expect(listAudit(h.storage, 1)[0]?.action).toBe('idle-locked');
  });

  it('a longer time keeps a screen open past the old limit', async () => {
    const { h, timers } = await clinic();
    await h.call('settings.update', { idleLockMs: 30 * MINUTE_MS });
    timers.advance(29 * MINUTE_MS);
    expect(await h.call('auth.status')).toMatchObject({ isLocked: false });
    timers.advance(MINUTE_MS);
    expect(await h.call('auth.status')).toMatchObject({ isLocked: true });
  });
});
