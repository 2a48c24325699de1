/**
 * Who may use the browser-mode host (STYLE.md §1.4, §8). Another page in the same browser, or
 * another program on the machine, must not be able to drive a decompression table, so:
 * - the host listens on 127.0.0.1 only;
 * - a random per-launch token is required for every page, asset and socket (compared in constant
 *   time): the page in the query (`/?token=…`), which then sets an HttpOnly, SameSite=Strict cookie
 *   for its assets; the socket in its query, never by cookie (a page on another local port is
 *   "same-site" and would carry the cookie);
 * - the Host header must name the loopback address and our port (DNS rebinding), and an Origin, when
 *   sent, must be our own origin (a foreign page's socket or request).
 * Pure: no I/O, so every refusal is unit-tested.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes: far beyond guessing over a loopback socket. */
const TOKEN_BYTES = 32;

export function newAccessToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal, so length leaks nothing either. */
export function tokensMatch(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export type RequestKind = 'page' | 'asset' | 'socket';

export interface GuardInput {
  readonly kind: RequestKind;
  readonly hostHeader: string | undefined;
  readonly originHeader: string | undefined;
  readonly queryToken: string | undefined;
  readonly cookieHeader: string | undefined;
}

export type GuardVerdict = { readonly ok: true } | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

export interface AccessGuard {
  check(input: GuardInput): GuardVerdict;
  /** The Set-Cookie value that lets a page that arrived with the token load its assets. */
  readonly cookie: string;
  /** The origins the page itself has: `http://127.0.0.1:PORT` and `http://localhost:PORT`. */
  readonly origins: readonly string[];
}

export function createAccessGuard(token: string, port: number): AccessGuard {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const origins = hosts.map((host) => `http://${host}`);
  // One cookie name per port, so two Proprio hosts on one machine do not overwrite each other's.
  const cookieName = `proprio_token_${port}`;
  const refuse = (status: 401 | 403, reason: string): GuardVerdict => ({ ok: false, status, reason });

  return {
    origins,
    cookie: `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    check(input) {
      if (input.hostHeader === undefined || !hosts.includes(input.hostHeader.toLowerCase())) return refuse(403, 'foreign host');
      if (input.originHeader !== undefined && !origins.includes(input.originHeader)) return refuse(403, 'foreign origin');
      const fromCookie = input.kind === 'asset' ? readCookie(input.cookieHeader, cookieName) : undefined;
      const given = input.queryToken ?? fromCookie;
      if (given === undefined) return refuse(401, 'token required');
      return tokensMatch(given, token) ? { ok: true } : refuse(403, 'wrong token');
    },
  };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
