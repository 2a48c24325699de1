/**
 * The contract over browser mode's WebSocket, end to end with the built-in simulator: bad input of
 * every kind gets a typed error and the host keeps serving; the plate streams in packed batches,
 * never a message per sample.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { STREAM_BATCH_INTERVAL_MS, unpackStreamFrame, type ReplyMessage } from '../../api/index.ts';
import { createAppService } from '../../host/app/app-service.ts';
import { webSimulator } from '../../host/cli/web-sims.ts';
import { createRpcHost } from '../../host/rpc/rpc-host.ts';
import { startWebServer, type WebServer } from '../../host/web/web-server.ts';
import { tempStorage } from '../support/temp-storage.ts';
import { sleep } from '../support/wait.ts';

/** Polls until `produce` yields a value (real time; these tests talk to a live host). */
async function until<T>(what: string, produce: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await produce();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

let server: WebServer;
let staticDir: string;
let socket: WebSocket;
const logged: string[] = [];
const db = tempStorage();
const app = createAppService({ storage: db.storage, simulator: webSimulator({ seed: 3, timeScale: 1 }) });
const replies: ReplyMessage[] = [];
const frames: { atMs: number; buffer: ArrayBuffer }[] = [];

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(tmpdir(), 'proprio-web-api-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  server = await startWebServer({ rpc: createRpcHost(app, (line) => logged.push(line)), staticDir, port: 0 });
  socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { origin: `http://127.0.0.1:${server.port}` });
  socket.on('message', (data, isBinary) => {
    const buffer = data as Buffer;
    if (isBinary) frames.push({ atMs: performance.now(), buffer: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer });
    else {
      const message = JSON.parse(buffer.toString('utf8')) as { kind: string };
      if (message.kind === 'reply') replies.push(message as ReplyMessage);
    }
  });
  await new Promise((resolve) => socket.once('open', resolve));
  // Before anyone signs in, only app.info and the sign-in methods answer.
  expect(await call('devices.list', {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  expect(await call('auth.setupAdmin', { username: 'admin', displayName: 'QA Admin', password: 'a long passphrase' })).toMatchObject({
    ok: true,
    value: { needsSetup: false, isLocked: false, operator: { username: 'admin', role: 'admin' } },
  });
});

afterAll(async () => {
  socket.close();
  await server.close();
  await app.close();
  db.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

let nextId = 1;
async function call(method: string, params: unknown): Promise<ReplyMessage['response']> {
  const id = nextId++;
  socket.send(JSON.stringify({ kind: 'call', id, method, params }));
  const reply = await until(`reply ${id}`, () => replies.find((r) => r.id === id));
  return reply.response;
}

async function sendRaw(data: string | Buffer): Promise<ReplyMessage> {
  const before = replies.length;
  socket.send(data);
  return until('a reply', () => replies[before]);
}

describe('API over the browser-mode socket', () => {
  it.each([
    ['text that is not JSON', '{"kind":'],
    ['JSON that is not a call', '{"hello":"world"}'],
    ['a call without an id', '{"kind":"call","method":"devices.list","params":{}}'],
    ['a binary frame', Buffer.from([1, 2, 3])],
  ])('answers %s with invalid-request', async (_label, data) => {
    const reply = await sendRaw(data);
    expect(reply.response.ok).toBe(false);
    if (!reply.response.ok) expect(reply.response.error.code).toBe('invalid-request');
  });

  it.each([
    ['an unknown method', 'devices.selfDestruct', {}, 'unknown-method'],
    ['a prototype key as method', '__proto__', {}, 'unknown-method'],
    ['a wrong role', 'devices.connect', { role: 'chair', port: 'sim:plate' }, 'invalid-request'],
    ['a port of the wrong device', 'devices.connect', { role: 'plate', port: 'sim:table' }, 'invalid-request'],
    ['an unknown port scheme', 'devices.connect', { role: 'plate', port: 'ftp://x' }, 'invalid-request'],
    ['an unknown fault', 'sim.setFault', { role: 'plate', name: 'meltdown', value: '1' }, 'invalid-request'],
    ['a fault value out of range', 'sim.setFault', { role: 'plate', name: 'drop', value: '7' }, 'invalid-request'],
    ['a table fault on the plate', 'sim.setFault', { role: 'plate', name: 'estop', value: '1' }, 'invalid-request'],
    ['disconnecting nothing', 'devices.disconnect', { role: 'table' }, 'not-found'],
  ])('answers %s with a typed, readable error', async (_label, method, params, code) => {
    const response = await call(method, params);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe(code);
    expect(response.error.message).toMatch(/\S.*[.)]$/);
    expect(response.error.message).not.toMatch(/at .*\.ts:\d+|Error:/);
  });

  it('keeps serving after all that, and logged no internal error', async () => {
    expect(await call('devices.list', {})).toEqual({ ok: true, value: [] });
    expect(logged).toEqual([]);
  });

  it('streams the simulated plate in packed batches at most one display frame apart', async () => {
    expect(await call('sim.connect', { role: 'plate' })).toEqual({ ok: true, value: null });
    await until('40 stream frames', () => (frames.length >= 40 ? true : undefined), 10_000);
    const batches = frames.map((f) => unpackStreamFrame(f.buffer)).flatMap((b) => (b.ok && b.value.stream === 'plate.samples' ? [b.value] : []));
    const samples = batches.reduce((sum, b) => sum + b.count, 0);
    // ~1000 Hz in frames of several samples each: far fewer messages than samples.
    expect(samples / batches.length).toBeGreaterThan(4);
    const last = batches[batches.length - 1];
    expect(last?.rateHz).toBe(1000);
    expect(Number.isFinite(last?.columns.copXMm[0])).toBe(true);
    // Sample times inside a batch are consecutive at 1 ms, so no sample was dropped in batching.
    const t = last?.columns.tDeviceMs ?? new Float64Array();
    for (let i = 1; i < t.length; i++) expect(t[i]! - t[i - 1]!).toBeCloseTo(1, 3);
    // Frames leave every STREAM_BATCH_INTERVAL_MS or sooner; allow event-loop jitter on a busy CI box.
    const gaps = frames.slice(5).map((f, i) => f.atMs - frames[i + 4]!.atMs).sort((a, b) => a - b);
    expect(gaps[Math.floor(gaps.length / 2)]).toBeLessThanOrEqual(STREAM_BATCH_INTERVAL_MS);
  });

  it('reports the simulated plate as ready, with identity and counters', async () => {
    const list = await until(
      'the plate to be ready',
      async () => {
        const response = await call('devices.list', {});
        return response.ok && (response.value as { connection: { kind: string } }[])[0]?.connection.kind === 'ready' ? response.value : undefined;
      },
    );
    expect(list).toMatchObject([{ role: 'plate', port: 'sim:plate', simulated: true, identity: { model: 'PF-600' }, raw: { kind: 'plate' } }]);
  });
});
