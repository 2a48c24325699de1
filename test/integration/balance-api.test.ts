/**
 * A balance protocol run through the contract, the way the screen drives it: the app service with
 * the built-in simulated plate on a compressed clock (`--time-scale`), a real clinic database, and
 * every call through the dispatcher with its access checks. The run, its cues and its results come
 * back as `balance.changed`; the session and each trial are in the database with the flags a
 * clinic needs (simulated, calibration used).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BalanceRunView } from '../../api/index.ts';
import { ok } from '../../core/index.ts';
import { webSimulator } from '../../host/cli/web-sims.ts';
import { DEFAULT_PLATE_RATE_HZ } from '../../host/app/device-hub.ts';
import { exportSession, getSession, listEvents, listTrials, readTrialSamples, storedSampleCount, streamsOfSession } from '../../host/storage/index.ts';
import { adminHarnessPerTest, until } from '../support/app-harness.ts';

/**
 * Device time runs this much faster: a Romberg (2 × 30 s, countdowns, settling) takes about eight
 * seconds. Not more: the plate stops streaming after 2 s of device time without a heartbeat
 * (plate.md §2), and an event-loop stall of 200 ms here is 2 s there.
 */
const TIME_SCALE = 10;

const newHarness = adminHarnessPerTest();

async function clinic(heightMm: number | null = 1700) {
  // The report's page as the shell's printer receives it.
  const pages: string[] = [];
  const h = await newHarness({ simulator: webSimulator({ seed: 4, timeScale: TIME_SCALE }), htmlToPdf: (html) => (pages.push(html), Promise.resolve(ok(Buffer.from('%PDF-1.7 test')))) });
  const patient = await h.call<{ id: number }>('patients.create', { clinicId: 'B-1', familyName: 'Sway', givenName: 'Sam', dateOfBirth: '1950-05-05', heightMm, bodyMassKg: 70, notes: '' });
  return { ...h, runs: () => h.events('balance.changed'), patientId: patient.id, pages };
}

describe('balance protocols through the contract', () => {
  it('runs a Romberg for a patient: the therapist confirms the spotter, both trials are scored and stored, flagged simulated and uncalibrated', async () => {
    const c = await clinic();
    await c.call('devices.connect', { role: 'plate', port: 'sim:plate' });
    await until('the plate', () => (c.app.devices.plate?.driver.connected === undefined ? undefined : true));
    const started = await c.call<BalanceRunView>('balance.start', { patientId: c.patientId, protocolId: 'romberg' });
    expect(started).toMatchObject({ protocol: { id: 'romberg', name: 'Romberg' }, trialCount: 2, isPlateCalibrated: false, isSimulated: true, outcome: null });
    // Whenever the engine waits for the therapist (the eyes-closed spotter prompt), confirm a spotter.
    const ended = await until('the end of the protocol', () => {
      const last = c.runs().at(-1);
      if (last?.isAwaitingTherapist === true && last.phase === 'waiting') void c.dispatch('balance.ready', { safety: 'spotter' });
      return last?.outcome === null ? undefined : (last ?? undefined);
    });
    expect(ended.outcome).toBe('finished');
    expect(ended.results.map((r) => [r.trialId, r.outcome])).toEqual([
      ['eo', 'completed'],
      ['ec', 'completed'],
    ]);
    for (const r of ended.results) {
      expect(r.holdMs).toBeCloseTo(30_000, -1);
      expect(r.figures?.pathLengthMm).toBeGreaterThan(0);
      expect(r.figures?.ellipseArea95Mm2).toBeGreaterThan(0);
    }
    expect(ended.rombergQuotients.length).toBeGreaterThan(0);
    expect(ended.rombergQuotients.every((q) => q.quotient !== null && q.quotient > 0)).toBe(true);
    // Cues came in order, each numbered once: the screen plays every one exactly once.
    const seqs = c.runs().flatMap((v) => (v?.cue == null ? [] : [v.cue.seq]));
    expect([...new Set(seqs)]).toEqual([...new Set(seqs)].sort((a, b) => a - b));
    expect(c.runs().some((v) => v?.phase === 'countdown' && v.secondsLeft !== null)).toBe(true);
    expect(c.runs().some((v) => v?.phase === 'recording')).toBe(true);
    const session = getSession(c.storage, ended.sessionId);
    expect(session).toMatchObject({ ok: true, value: { kind: 'balance', status: 'complete', isSimulated: true, patientId: c.patientId } });
    const trials = listTrials(c.storage, ended.sessionId);
    expect(trials.map((t) => [t.protocol, t.condition, t.calibrationId])).toEqual([
      ['romberg', 'eo', null],
      ['romberg', 'ec', null],
    ]);
    expect(trials[1]?.metrics).toMatchObject({ outcome: 'completed', safety: 'spotter', isPlateCalibrated: false });
    expect(typeof (trials[0]?.metrics['sway'] as Record<string, unknown>)['pathLengthMm']).toBe('number');

    // The plate's raw stream, one for the session; each trial's window in it holds exactly the samples it was scored on.
    const streams = streamsOfSession(c.storage, ended.sessionId);
    expect(streams.map((s) => [s.kind, s.calibrationId, s.rateHz])).toEqual([['plate', null, DEFAULT_PLATE_RATE_HZ]]);
    for (const t of trials) {
      const read = readTrialSamples(c.storage, t.id);
      if (!read.ok || read.value.kind !== 'plate') throw new Error(`trial ${t.id}: no plate samples`);
      expect(read.value.samples.count).toBe(t.metrics['samples']);
      expect(read.value.samples.count).toBeGreaterThan(0.99 * 30 * DEFAULT_PLATE_RATE_HZ);
    }
    const streamSamples = storedSampleCount(c.storage, streams[0]?.id ?? 0);
    expect(streamSamples).toBeGreaterThan(2 * 30 * DEFAULT_PLATE_RATE_HZ);
    // `proprio db export` writes that stream whole, and each trial with its window in it.
    const outDir = mkdtempSync(join(tmpdir(), 'proprio-balance-export-'));
    try {
      const exported = exportSession(c.storage, ended.sessionId, outDir);
      if (!exported.ok) throw new Error(exported.error.message);
      const document = JSON.parse(readFileSync(exported.value.jsonPath, 'utf8')) as { streams: { sampleCount: number }[]; trials: { streamId: number; fromTUs: number; toTUs: number }[] };
      expect(document.streams.map((s) => s.sampleCount)).toEqual([streamSamples]);
      // Each trial's window is its hold, the same ±5 ms as `holdMs` above (a hold's end is a sample's time).
      for (const t of document.trials) {
        expect(t.streamId).toBe(streams[0]?.id);
        expect((t.toTUs - t.fromTUs) / 1000).toBeCloseTo(30_000, -1);
      }
      expect(readFileSync(exported.value.csvPaths[0] ?? '', 'utf8').trimEnd().split('\n')).toHaveLength(streamSamples + 1);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
    // The report recomputes each trial's COP from those counts: one stabilogram with its ellipse, and one AP/ML chart, per trial.
    await c.call('reports.session', { sessionId: ended.sessionId });
    const html = c.pages.at(-1) ?? '';
    expect(html.match(/<figure class="cop-plot"/g)).toHaveLength(2);
    expect(html.match(/<svg class="stabilogram"/g)).toHaveLength(2);
    expect(html.match(/<ellipse class="ellipse95"/g)).toHaveLength(2);
    expect(html.length).toBeLessThan(200_000);
  });

  it('keeps recording across an unplugged plate: the trial is voided, the stream records the disconnect and goes on after the replug, and stopping writes it all', async () => {
    const c = await clinic();
    await c.call('devices.connect', { role: 'plate', port: 'sim:plate' });
    await until('the plate', () => (c.app.devices.plate?.driver.connected === undefined ? undefined : true));
    const { sessionId } = await c.call<BalanceRunView>('balance.start', { patientId: c.patientId, protocolId: 'romberg' });
    await until('the first trial recording', () => (c.runs().at(-1)?.phase === 'recording' ? true : undefined));
    await c.call('sim.setUnplugged', { role: 'plate', unplugged: true });
    await until('the voided trial', () => (c.runs().at(-1)?.voided.length === 1 && c.runs().at(-1)?.isPlateConnected === false ? true : undefined));
    await c.call('sim.setUnplugged', { role: 'plate', unplugged: false });
    await until('the plate back', () => (c.runs().at(-1)?.isPlateConnected === true ? true : undefined));
    const before = streamsOfSession(c.storage, sessionId)[0];
    await c.call('balance.stop');
    await until('the stop', () => (c.runs().at(-1)?.outcome === 'stopped' ? true : undefined));
    expect(getSession(c.storage, sessionId)).toMatchObject({ ok: true, value: { status: 'aborted' } });
    // Same plate, same stream: the disconnect and the reconnect are its events, not a crash or a new stream.
    const streams = streamsOfSession(c.storage, sessionId);
    expect(streams.map((s) => s.id)).toEqual([before?.id]);
    const linkEvents = listEvents(c.storage, sessionId).filter((e) => e.streamId === before?.id && (e.kind === 'connect' || e.kind === 'disconnect'));
    expect(linkEvents.map((e) => e.kind)).toEqual(['connect', 'disconnect', 'connect']);
    expect(storedSampleCount(c.storage, before?.id ?? 0)).toBeGreaterThan(DEFAULT_PLATE_RATE_HZ);
    expect(c.runs().at(-1)?.problem).toBeNull();
  });

  it('refuses what cannot run, with a reason: no plate, an unknown protocol, an active task without a height, a second run', async () => {
    const c = await clinic(null);
    await expect(c.call('balance.start', { patientId: c.patientId, protocolId: 'romberg' })).rejects.toThrow(/refused: The force plate is not connected/);
    await c.call('devices.connect', { role: 'plate', port: 'sim:plate' });
    await until('the plate', () => (c.app.devices.plate?.driver.connected === undefined ? undefined : true));
    await expect(c.call('balance.start', { patientId: c.patientId, protocolId: 'juggling' })).rejects.toThrow(/refused: There is no protocol "juggling"/);
    await expect(c.call('balance.start', { patientId: c.patientId, protocolId: 'limits-of-stability' })).rejects.toThrow(/record the height first/);
    await expect(c.call('balance.start', { patientId: 999, protocolId: 'romberg' })).rejects.toThrow(/not-found/);
    await expect(c.call('balance.ready', { safety: 'spotter' })).rejects.toThrow(/No balance protocol is running/);
    await c.call('balance.start', { patientId: c.patientId, protocolId: 'mctsib' });
    await expect(c.call('balance.start', { patientId: c.patientId, protocolId: 'romberg' })).rejects.toThrow(/mCTSIB is still running/);
    const stopped = await c.call<BalanceRunView>('balance.stop');
    expect(stopped.protocol.id).toBe('mctsib');
    const last = await until('the stop', () => (c.runs().at(-1)?.outcome === 'stopped' ? c.runs().at(-1) : undefined));
    expect(getSession(c.storage, last?.sessionId ?? 0)).toMatchObject({ ok: true, value: { status: 'aborted' } });
    expect((await c.call<{ id: string }[]>('balance.protocols')).map((p) => p.id)).toEqual([
      'romberg',
      'tandem-stance',
      'mctsib',
      'single-leg-stance',
      'limits-of-stability',
      'rhythmic-weight-shift',
      ...[1, 2, 3, 4, 5, 6, 7].map((level) => `reeducation-level-${level}`),
    ]);
  });
});
