/**
 * The protocol runner's clinical additions through the contract: symptoms marked during a run
 * (stored as session events, audited, in the run's view, the history and the report) and refused
 * with a reason when the input is wrong.
 */
import { describe, expect, it } from 'vitest';
import type { BalanceRunView, HistorySession, NextLevelView, SymptomMark } from '../../api/index.ts';
import { webSimulator } from '../../host/cli/web-sims.ts';
import { sessionReport } from '../../host/report/session-report.ts';
import { addTrial, createSession, listAudit, listEvents } from '../../host/storage/index.ts';
import { adminHarnessPerTest, HARNESS_ADMIN, until } from '../support/app-harness.ts';

/** As balance-api.test.ts: compressed device time, not so much that a stall looks like an unplugged plate. */
const TIME_SCALE = 10;
const TECHNICIAN = { username: 'tech', displayName: 'Tess Tech', password: 'a technician passphrase', role: 'technician' } as const;

const newHarness = adminHarnessPerTest();

async function clinic() {
  const h = await newHarness({ simulator: webSimulator({ seed: 5, timeScale: TIME_SCALE }) });
  const patient = await h.call<{ id: number }>('patients.create', { clinicId: 'S-1', familyName: 'Sway', givenName: 'Sam', dateOfBirth: '1950-05-05', heightMm: 1700, bodyMassKg: 70, notes: '' });
  return { ...h, runs: () => h.events('balance.changed'), patientId: patient.id };
}

describe('symptoms marked in a balance session', () => {
  it('stores a mark as an event of the session, audited, shows it in the run, the history and the report; refuses bad input with a reason', async () => {
    const c = await clinic();
    await c.call('devices.connect', { role: 'plate', port: 'sim:plate' });
    await until('the plate', () => (c.app.devices.plate?.driver.connected === undefined ? undefined : true));
    const run = await c.call<BalanceRunView>('balance.start', { patientId: c.patientId, protocolId: 'romberg' });
    expect(run.symptoms).toEqual([]);

    // During the first trial (no result stored yet): the run's own trial ids count.
    const mark = await c.call<SymptomMark>('balance.markSymptom', { sessionId: run.sessionId, trialId: 'ec', symptom: 'dizziness', note: '  felt the room spin  ' });
    expect(mark).toMatchObject({ sessionId: run.sessionId, trialId: 'ec', symptom: 'dizziness', note: 'felt the room spin', operator: HARNESS_ADMIN.displayName });
    await c.call('balance.markSymptom', { sessionId: run.sessionId, trialId: null, symptom: 'fatigue', note: '' });
    const shown = await until('the marks in the run', () => {
      const last = c.runs().at(-1);
      return last !== undefined && last !== null && last.symptoms.length === 2 ? last : undefined;
    });
    expect(shown.symptoms.map((m) => [m.trialId, m.symptom])).toEqual([
      ['ec', 'dizziness'],
      [null, 'fatigue'],
    ]);
    const events = listEvents(c.storage, run.sessionId).filter((e) => e.kind === 'operator-action');
    expect(events.map((e) => e.detail)).toEqual([
      expect.objectContaining({ what: 'symptom', symptom: 'dizziness', trialId: 'ec', note: 'felt the room spin' }),
      expect.objectContaining({ what: 'symptom', symptom: 'fatigue', trialId: null }),
    ]);
    expect(listAudit(c.storage, 10).filter((a) => a.action === 'symptom-marked').map((a) => [a.entityId, a.operatorId !== null])).toEqual([
      [run.sessionId, true],
      [run.sessionId, true],
    ]);

    // Bad input: each refused with a reason a clinician can read, nothing stored.
    const refusal = async (params: unknown) => {
      const response = await c.dispatch('balance.markSymptom', params);
      if (response.ok) throw new Error('accepted');
      return response.error;
    };
    expect(await refusal({ sessionId: run.sessionId, trialId: 'juggling', symptom: 'pain', note: '' })).toMatchObject({
      code: 'invalid-request',
      fields: [{ path: 'trialId', message: 'not a trial of this session' }],
    });
    expect(await refusal({ sessionId: 9999, trialId: null, symptom: 'pain', note: '' })).toMatchObject({ code: 'not-found', message: 'There is no session with id 9999.' });
    expect(await refusal({ sessionId: run.sessionId, trialId: null, symptom: 'headache', note: '' })).toMatchObject({ code: 'invalid-request', message: /symptom: choose one of: dizziness, nausea, pain, fatigue, near-fall/ });
    expect(await refusal({ sessionId: run.sessionId, trialId: null, symptom: 'pain', note: 'x'.repeat(501) })).toMatchObject({ code: 'invalid-request', message: /note: at most 500 characters/ });
    const decompression = createSession(c.storage, { patientId: c.patientId, operatorId: 1, kind: 'decompression' });
    if (!decompression.ok) throw new Error(decompression.error.message);
    expect(await refusal({ sessionId: decompression.value.id, trialId: null, symptom: 'pain', note: '' })).toMatchObject({ code: 'refused', message: /not a balance session/ });
    expect(listEvents(c.storage, run.sessionId).filter((e) => e.kind === 'operator-action')).toHaveLength(2);

    await c.call('balance.stop');
    await until('the stop', () => (c.runs().at(-1)?.outcome === 'stopped' ? true : undefined));
    // After the run: an earlier session's stored trials are what a mark may name (none were completed here).
    expect(await refusal({ sessionId: run.sessionId, trialId: 'ec', symptom: 'pain', note: '' })).toMatchObject({ code: 'invalid-request' });
    await c.call('balance.markSymptom', { sessionId: run.sessionId, trialId: null, symptom: 'near-fall', note: 'caught by the spotter' });

    const history = await c.call<HistorySession[]>('history.sessions', { patientId: c.patientId, includeSimulated: true });
    expect(history.find((s) => s.id === run.sessionId)?.symptoms.map((m) => m.symptom)).toEqual(['dizziness', 'fatigue', 'near-fall']);
    const report = sessionReport(c.storage, run.sessionId, 'test');
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.html).toContain('Symptoms marked');
    expect(report.value.html).toContain('Near-fall');
    expect(report.value.html).toContain('caught by the spotter');

    // Marking is the therapist's (or admin's) job, not a technician's.
    await c.call('operators.create', TECHNICIAN);
    await c.call('auth.signIn', { username: TECHNICIAN.username, password: TECHNICIAN.password });
    expect(await refusal({ sessionId: run.sessionId, trialId: null, symptom: 'pain', note: '' })).toMatchObject({ code: 'forbidden' });
  });
});

describe('published reference values in the session report', () => {
  it('prints Oliveira 2018 faller cut-offs with source and population beside 30 s eyes-open one-leg trials of an older patient, and nothing beside a Romberg', async () => {
    const c = await clinic();
    const session = createSession(c.storage, { patientId: c.patientId, operatorId: 1, kind: 'balance', notes: 'Single-leg stance' });
    if (!session.ok) throw new Error(session.error.message);
    const trial = (protocol: string, condition: string, sway: Record<string, number>) =>
      addTrial(c.storage, { sessionId: session.value.id, protocol, condition, startedAtMs: 1, endedAtMs: 2, metrics: { outcome: 'completed', holdMs: 30_000, sway }, algorithmVersion: 'test' }, 1);
    trial('single-leg-stance', 'left-1', { meanVelocityApMmS: 31.25, meanVelocityMlMmS: 20.5 });
    trial('romberg', 'eo', { meanVelocityApMmS: 99, meanVelocityMlMmS: 99 });
    const report = sessionReport(c.storage, session.value.id, 'test');
    if (!report.ok) throw new Error(report.error.message);
    const rows = [...report.value.html.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*mean velocity)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['left-1', 'AP mean velocity', '31.3', 'faller cut-off 29', '[Oliveira18] Oliveira MR et al. PLoS One 2018;13(9):e0203887.'],
      ['left-1', 'ML mean velocity', '20.5', 'faller cut-off 34', '[Oliveira18] Oliveira MR et al. PLoS One 2018;13(9):e0203887.'],
    ]);
    expect(report.value.html).toContain('older adults, three 30 s eyes-open one-leg trials on a force plate');
  });
});

describe('the next level of the re-education program', () => {
  it('proposes level 1 first, the next level after a mastered one, the same level after symptoms; simulated sessions do not count; refuses an unknown patient', async () => {
    const c = await clinic();
    expect(await c.call<NextLevelView>('balance.nextLevel', { patientId: c.patientId })).toEqual({
      level: 1,
      protocolId: 'reeducation-level-1',
      name: 'Re-education level 1: Static hold, eyes open',
      reason: 'first level of the program',
      basedOnSessionId: null,
    });
    const ladderSession = (level: number, exercises: [string, number][], isSimulated = false): number => {
      const session = createSession(c.storage, { patientId: c.patientId, operatorId: 1, kind: 'balance', isSimulated, notes: `Re-education level ${level}` });
      if (!session.ok) throw new Error(session.error.message);
      for (const [trialId, pct] of exercises) {
        const metrics = { outcome: 'completed', holdMs: 30_000, tracking: { timeOnTargetPct: pct, trackingErrorMm: 5 } };
        addTrial(c.storage, { sessionId: session.value.id, protocol: `reeducation-level-${level}`, condition: trialId, startedAtMs: 1, endedAtMs: 2, metrics, algorithmVersion: 'test' }, 1);
      }
      return session.value.id;
    };
    const mastered = ladderSession(2, [
      ['level2-1-shiftMl', 91],
      ['level2-2-shiftAp', 84],
    ]);
    // Newer, but simulated: never part of the patient's program.
    ladderSession(5, [['level5-1-hold', 10]], true);
    expect(await c.call<NextLevelView>('balance.nextLevel', { patientId: c.patientId })).toMatchObject({
      level: 3,
      protocolId: 'reeducation-level-3',
      name: 'Re-education level 3: Diagonal shifts',
      reason: 'the last level was mastered without symptoms',
      basedOnSessionId: mastered,
    });
    // The level the runner offers is one the host can start (the catalogue has every level).
    expect((await c.call<{ id: string }[]>('balance.protocols')).map((p) => p.id)).toContain('reeducation-level-3');
    await c.call('balance.markSymptom', { sessionId: mastered, trialId: 'level2-2-shiftAp', symptom: 'dizziness', note: '' });
    expect(await c.call<NextLevelView>('balance.nextLevel', { patientId: c.patientId })).toMatchObject({ level: 2, reason: 'symptoms were marked at the last level: repeat it' });

    await expect(c.call('balance.nextLevel', { patientId: 999 })).rejects.toThrow(/not-found: There is no patient with id 999/);
    await expect(c.call('balance.nextLevel', { patientId: -1 })).rejects.toThrow(/invalid-request/);
  });
});
