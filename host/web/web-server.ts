/**
 * Browser mode's host (STYLE.md §1.4, §8): serves the built renderer and the API over one
 * WebSocket (`/ws`), on 127.0.0.1 only, behind the per-launch token and the Origin/Host checks of
 * access-guard.ts. Nothing is served before the guard says yes: not the page, not an asset, not a
 * socket.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RpcHost } from '../rpc/rpc-host.ts';
import { createAccessGuard, newAccessToken, type AccessGuard, type RequestKind } from './access-guard.ts';
import { serveSocket, sendEvent } from './socket-session.ts';
import { resolveStaticPath } from './static-files.ts';

/** Largest request a screen may send: API calls are small JSON. */
const MAX_MESSAGE_BYTES = 256 * 1024;
export const SOCKET_PATH = '/ws';

export interface WebServerOptions {
  readonly rpc: RpcHost;
  /** The built renderer (index.html and assets/). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Fixed only by tests; a fresh random token otherwise. */
  readonly token?: string;
}

export interface WebServer {
  readonly port: number;
  readonly token: string;
  /** `http://127.0.0.1:PORT/?token=…` */
  readonly url: string;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newAccessToken();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: another machine on the clinic network must never reach this.
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Handlers are attached in the same turn as `listening`, before any request can be read.
  const guard: AccessGuard = createAccessGuard(token, port);

  function guardFor(req: IncomingMessage, kind: RequestKind, url: URL) {
    return guard.check({
      kind,
      hostHeader: req.headers.host,
      originHeader: req.headers.origin,
      queryToken: url.searchParams.get('token') ?? undefined,
      cookieHeader: req.headers.cookie,
    });
  }

  function servePage(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    const verdict = guardFor(req, isPage ? 'page' : 'asset', url);
    if (!verdict.ok) return plain(res, verdict.status, verdict.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed');
    const resolved = resolveStaticPath(options.staticDir, url.pathname);
    if (!resolved.ok || !existsSync(resolved.filePath)) return plain(res, resolved.ok ? 404 : resolved.status, 'not found');
    securityHeaders(res, guard.origins);
    res.setHeader('Content-Type', resolved.contentType);
    // The page is never cached (it carries no token, but a new build must show); hashed assets may be.
    res.setHeader('Cache-Control', isPage ? 'no-store' : 'private, max-age=31536000, immutable');
    if (isPage) res.setHeader('Set-Cookie', guard.cookie);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(resolved.filePath)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  server.on('request', servePage);
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const verdict = url.pathname === SOCKET_PATH ? guardFor(req, 'socket', url) : ({ ok: false, status: 403, reason: 'not a socket path' } as const);
    if (!verdict.ok) {
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.rpc));
  });

  // One encoding per event for all screens.
  const unsubscribe = options.rpc.onEvent((event) => {
    const data = event.kind === 'json' ? JSON.stringify(event.message) : event.frame;
    for (const client of sockets.clients) sendEvent(client, data);
  });

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function securityHeaders(res: ServerResponse, origins: readonly string[]): void {
  const socketOrigins = origins.map((origin) => origin.replace(/^http:/, 'ws:')).join(' ');
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      `connect-src 'self' ${socketOrigins}`,
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ].join('; '),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The token rides in the page URL: never let it leave in a Referer.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(`${text}\n`);
}
