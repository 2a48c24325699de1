/**
 * Browser mode's door (host/web): without the per-launch token nothing is served — no page, no
 * asset, no socket — and a foreign Origin or Host is refused even with it (STYLE.md §1.4, §8).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAppService } from '../../host/app/app-service.ts';
import { createRpcHost } from '../../host/rpc/rpc-host.ts';
import { startWebServer, type WebServer } from '../../host/web/web-server.ts';
import { tempStorage } from '../support/temp-storage.ts';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';
let server: WebServer;
let staticDir: string;
const db = tempStorage();
const app = createAppService({ storage: db.storage });

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(tmpdir(), 'proprio-web-guard-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Proprio</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(tmpdir(), 'proprio-outside.js'), 'secret');
  server = await startWebServer({ rpc: createRpcHost(app), staticDir, port: 0, token: TOKEN });
});

afterAll(async () => {
  await server.close();
  await app.close();
  db.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

const base = (): string => `http://127.0.0.1:${server.port}`;
const get = (pathname: string, headers: Record<string, string> = {}): Promise<Response> => fetch(`${base()}${pathname}`, { headers, redirect: 'manual' });

/** A GET with a Host header of our choosing (fetch always sends the real one): a DNS-rebinding page. */
function statusWithHost(pathname: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: pathname, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with the HTTP status a WebSocket upgrade got (101 when it opened). */
function socketStatus(query: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('error', () => resolve(-1));
  });
}

describe('browser-mode access guard', () => {
  it('prints a URL on the loopback address with the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
  });

  it('serves the page with the token, with a strict CSP, no referrer and an HttpOnly SameSite cookie', async () => {
    const res = await get(`/?token=${TOKEN}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Proprio</title>');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it.each([
    ['the page, no token', '/', 401],
    ['index.html, no token', '/index.html', 401],
    ['an asset, no token', '/assets/app.js', 401],
    ['the page, wrong token', '/?token=nope', 403],
    ['an asset, wrong token', '/assets/app.js?token=nope', 403],
    ['a token one character short', `/?token=${TOKEN.slice(0, -1)}`, 403],
  ])('refuses %s', async (_label, pathname, status) => {
    const res = await get(pathname);
    expect(res.status).toBe(status);
    expect(await res.text()).not.toContain('Proprio</title>');
  });

  it('serves assets to the page through its cookie, and only with the right one', async () => {
    const page = await get(`/?token=${TOKEN}`);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await get('/assets/app.js', { cookie })).status).toBe(200);
    expect((await get('/assets/app.js', { cookie: cookie.replace(/=.*/, '=forged') })).status).toBe(403);
  });

  it('refuses a foreign Origin or Host even with the token', async () => {
    expect((await get(`/?token=${TOKEN}`, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(`/?token=${TOKEN}`, { origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect(await statusWithHost(`/?token=${TOKEN}`, `evil.example:${server.port}`)).toBe(403);
    expect(await statusWithHost(`/?token=${TOKEN}`, `localhost:${server.port}`)).toBe(200);
  });

  it('never serves a file outside the renderer build, encoded or not', async () => {
    for (const pathname of ['/../proprio-outside.js', '/%2e%2e/proprio-outside.js', '/assets/%2e%2e%2f%2e%2e%2fproprio-outside.js', '/%00.js']) {
      const res = await get(`${pathname}${pathname.includes('?') ? '&' : '?'}token=${TOKEN}`);
      expect([400, 403, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('secret');
    }
  });

  it('accepts a socket only with the token in its URL and our own Origin', async () => {
    const own = { origin: `http://127.0.0.1:${server.port}` };
    expect(await socketStatus(`?token=${TOKEN}`, own)).toBe(101);
    expect(await socketStatus('', own)).toBe(401);
    expect(await socketStatus('?token=wrong', own)).toBe(403);
    expect(await socketStatus(`?token=${TOKEN}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await socketStatus(`?token=${TOKEN}`, { origin: 'null' })).toBe(403);
  });

  it('does not take the cookie in place of the token for a socket', async () => {
    const page = await get(`/?token=${TOKEN}`);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(await socketStatus('', { cookie, origin: `http://127.0.0.1:${server.port}` })).toBe(401);
  });
});
