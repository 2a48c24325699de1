/**
 * Sign-in, roles and the idle lock through the dispatcher, the way both transports call it, on a
 * real clinic database and a manual clock.
 */
import { describe, expect, it } from 'vitest';
import { listAudit, writeSettings } from '../storage/index.ts';
import { ManualTimers } from '../../test/support/manual-timers.ts';
import { harnessPerTest } from '../../test/support/app-harness.ts';

const IDLE_MS = 60_000;
const newHarness = harnessPerTest();

function clinic() {
  const timers = new ManualTimers();
  const h = newHarness({ timers });
  expect(writeSettings(h.storage, { idleLockMs: IDLE_MS }, undefined).ok).toBe(true);
  const call = (method: string, params: unknown = {}) => h.dispatch(method, params);
  const actions = () => listAudit(h.storage, 100).map((row) => row.action).reverse();
  return { timers, call, changes: () => h.events('auth.changed'), actions };
}

const ADMIN = { username: 'admin', displayName: 'Clinic Admin', password: 'a long passphrase' };

async function withTherapist() {
  const c = clinic();
  await c.call('auth.setupAdmin', ADMIN);
  await c.call('operators.create', { username: 'tina', displayName: 'Tina Therapist', password: 'tina passphrase', role: 'therapist' });
  await c.call('operators.create', { username: 'ted', displayName: 'Ted Technician', password: 'ted passphrase', role: 'technician' });
  return c;
}

describe('first start', () => {
  it('has no operator: only the first admin can be created, once, and is then signed in', async () => {
    const c = clinic();
    expect(await c.call('auth.status')).toEqual({ ok: true, value: { needsSetup: true, operator: null, isLocked: false, idleLockMs: IDLE_MS } });
    expect(await c.call('patients.list')).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    const set = await c.call('auth.setupAdmin', ADMIN);
    expect(set).toMatchObject({ ok: true, value: { needsSetup: false, operator: { username: 'admin', role: 'admin' }, isLocked: false } });
    expect(await c.call('auth.setupAdmin', { ...ADMIN, username: 'mallory' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(c.changes()).toHaveLength(1);
  });

  it('refuses a short password or a bad username with a message on the field, creating nobody', async () => {
    const c = clinic();
    expect(await c.call('auth.setupAdmin', { ...ADMIN, password: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', fields: [{ path: 'password', message: 'must be at least 8 characters' }] },
    });
    expect(await c.call('auth.setupAdmin', { ...ADMIN, username: 'Not Valid!' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', fields: [{ path: 'username' }] },
    });
    expect(await c.call('auth.status')).toMatchObject({ ok: true, value: { needsSetup: true } });
  });
});

describe('sign-in and roles', () => {
  it('a wrong password and an unknown username get the same answer, and both are audited', async () => {
    const c = await withTherapist();
    await c.call('auth.signOut');
    const wrong = await c.call('auth.signIn', { username: 'tina', password: 'not her passphrase' });
    const unknown = await c.call('auth.signIn', { username: 'nobody', password: 'whatever it is' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'refused', message: 'The username or password is not right.' } });
    expect(c.actions().filter((a) => a === 'sign-in-failed')).toHaveLength(2);
    expect(await c.call('auth.signIn', { username: 'tina', password: 'tina passphrase' })).toMatchObject({ ok: true, value: { operator: { username: 'tina', role: 'therapist' } } });
    expect(c.actions().slice(-1)).toEqual(['signed-in']);
  });

  it('each role does only its own work: therapists patients, technicians devices, admins operators', async () => {
    const c = await withTherapist();
    const patient = { clinicId: 'P-1', familyName: 'Lovelace', givenName: 'Ada', dateOfBirth: '1965-12-10', heightMm: 1680, bodyMassKg: 61.5, notes: '' };
    await c.call('auth.signIn', { username: 'ted', password: 'ted passphrase' });
    expect(await c.call('patients.create', patient)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await c.call('operators.list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await c.call('devices.disconnect', { role: 'plate' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await c.call('auth.signIn', { username: 'tina', password: 'tina passphrase' });
    expect(await c.call('devices.connect', { role: 'plate', port: 'sim:plate' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await c.call('operators.create', { username: 'eve', displayName: 'Eve', password: 'eve passphrase', role: 'admin' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await c.call('patients.create', patient)).toMatchObject({ ok: true, value: { clinicId: 'P-1', familyName: 'Lovelace' } });
    expect(c.actions()).toContain('patient-created');
  });

  it('a username already taken is refused on its field at once, without the slow hash, and creates nobody', async () => {
    const c = await withTherapist();
    const timed = async (username: string) => {
      const startedMs = performance.now();
      const result = await c.call('operators.create', { username, displayName: 'Another Tina', password: 'other passphrase', role: 'therapist' });
      return { result, tookMs: performance.now() - startedMs };
    };
    const created = await timed('tina2');
    expect(created.result).toMatchObject({ ok: true });
    const clash = await timed('tina');
    expect(clash.result).toMatchObject({ ok: false, error: { code: 'refused', message: 'username "tina" is taken', fields: [{ path: 'username' }] } });
    // Measured side by side: the refusal skips the scrypt work that dominates a creation.
    expect(clash.tookMs).toBeLessThan(created.tookMs / 2);
    const listed = (await c.call('operators.list')) as { readonly value: readonly { readonly username: string; readonly displayName: string }[] };
    expect(listed.value.filter((o) => o.username === 'tina').map((o) => o.displayName)).toEqual(['Tina Therapist']);
  });
});

describe('idle lock', () => {
  it('locks after the idle time without calls, refuses work but keeps sign-out, and unlocks with the same password', async () => {
    const c = await withTherapist();
    c.timers.advance(IDLE_MS - 1000);
    expect(await c.call('devices.list')).toEqual({ ok: true, value: [] });
    // The call above was activity: a full idle time must pass again from it.
    c.timers.advance(IDLE_MS - 1);
    expect(await c.call('auth.status')).toMatchObject({ ok: true, value: { isLocked: false } });
    c.timers.advance(2);
    expect(await c.call('auth.status')).toMatchObject({ ok: true, value: { isLocked: true, operator: { username: 'admin' } } });
    expect(await c.call('devices.list')).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await c.call('auth.unlock', { password: 'tina passphrase' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await c.call('auth.unlock', { password: ADMIN.password })).toMatchObject({ ok: true, value: { isLocked: false } });
    expect(c.actions().slice(-3)).toEqual(['idle-locked', 'unlock-failed', 'unlocked']);
    await c.call('auth.lock');
    expect(await c.call('auth.signOut')).toMatchObject({ ok: true, value: { operator: null, isLocked: false } });
  });
});

describe('patients', () => {
  it('a refused form names each bad field and stores nothing; search matches name starts and the clinic ID, ignoring case and accents', async () => {
    const c = await withTherapist();
    await c.call('auth.signIn', { username: 'tina', password: 'tina passphrase' });
    const bad = await c.call('patients.create', { clinicId: '', familyName: 'Müller', givenName: 'Jörg', dateOfBirth: '2199-01-01', heightMm: 17.5, bodyMassKg: 80, notes: '' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['clinicId', 'heightMm']);
    // A blank date of birth is said to be missing, not out of range.
    const blank = await c.call('patients.create', { clinicId: 'Q-1', familyName: 'Blank', givenName: 'Date', dateOfBirth: '', heightMm: null, bodyMassKg: null, notes: '' });
    expect(blank.ok ? [] : blank.error.fields).toEqual([{ path: 'dateOfBirth', message: 'must be a full date, YYYY-MM-DD' }]);
    const early = await c.call('patients.create', { clinicId: 'Q-2', familyName: 'Early', givenName: 'Date', dateOfBirth: '1899-12-31', heightMm: null, bodyMassKg: null, notes: '' });
    expect(early.ok ? [] : early.error.fields).toEqual([{ path: 'dateOfBirth', message: 'must be 1900-01-01 or later' }]);
    expect(await c.call('patients.list', {})).toEqual({ ok: true, value: [] });
    for (const [clinicId, familyName, givenName] of [['A-7', 'Müller', 'Jörg'], ['B-9', 'Mullins', 'Ann'], ['C-1', 'Smith', 'Jo']]) {
      expect((await c.call('patients.create', { clinicId, familyName, givenName, dateOfBirth: '1970-01-01', heightMm: null, bodyMassKg: null, notes: '' })).ok).toBe(true);
    }
    const names = async (query: string) => {
      const listed = await c.call('patients.list', { query });
      return listed.ok ? (listed.value as { familyName: string }[]).map((p) => p.familyName) : listed.error.code;
    };
    expect(await names('mul')).toEqual(['Müller', 'Mullins']);
    expect(await names('MULLER jo')).toEqual(['Müller']);
    expect(await names('c-1')).toEqual(['Smith']);
    expect(await names('zz')).toEqual([]);
    expect(await c.call('patients.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
