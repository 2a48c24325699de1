/**
 * Serves the renderer from `app://proprio/` instead of `file://` (Actual's approach). A `file://`
 * page's origin covers the whole disk, so `'self'` in a CSP and any origin check would trust every
 * local file; a privileged custom scheme gives the app one origin of its own, and every request is
 * mapped through `resolveRendererFile`, which refuses paths outside the renderer folder.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { APP_SCHEME, resolveRendererFile } from './renderer-path.ts';

/**
 * Must run before `app` is ready. `standard` gives the scheme real origins and relative URL
 * resolution, `secure` makes it a secure context like https; nothing else (no service workers,
 * no CORS bypass) is granted.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

// Shown when the renderer has not been built yet, so the shell still starts and says why. Plain
// text only: the CSP forbids inline script and style, here as everywhere.
const PLACEHOLDER_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Proprio</title></head>' +
  '<body><h1>Proprio</h1><p>The user interface has not been built (out/renderer/index.html is missing).</p></body></html>';

function withSecurityHeaders(headers: Headers): Headers {
  // Set here as well as in the session's onHeadersReceived hook: webRequest hooks are not
  // guaranteed to see responses of custom protocols.
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  return headers;
}

function refuse(status: number, reason: string): Response {
  return new Response(reason, { status, headers: withSecurityHeaders(new Headers({ 'Content-Type': 'text/plain' })) });
}

/** Answers `app://proprio/...` on `ses` with files from `rootDir` (absolute). */
export function serveRenderer(ses: Session, rootDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed');
    const resolved = resolveRendererFile(rootDir, request.url);
    if (!resolved.ok) {
      console.warn(`app protocol: refused ${request.url}: ${resolved.reason}`);
      return refuse(resolved.status, resolved.reason);
    }
    if (!existsSync(resolved.filePath)) {
      if (path.basename(resolved.filePath) === 'index.html' && path.dirname(resolved.filePath) === path.resolve(rootDir)) {
        return new Response(PLACEHOLDER_HTML, {
          headers: withSecurityHeaders(new Headers({ 'Content-Type': 'text/html; charset=utf-8' })),
        });
      }
      return refuse(404, 'not found');
    }
    try {
      const file = await net.fetch(pathToFileURL(resolved.filePath).toString());
      return new Response(file.body, { status: file.status, headers: withSecurityHeaders(new Headers(file.headers)) });
    } catch (error) {
      console.error(`app protocol: could not read ${resolved.filePath}`, error);
      return refuse(500, 'read failed');
    }
  });
}
