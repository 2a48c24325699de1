import { describe, expect, it } from 'vitest';
import { createAccessGuard, newAccessToken, tokensMatch } from './access-guard.ts';

describe('access guard', () => {
  const token = newAccessToken();
  const guard = createAccessGuard(token, 4321);
  const base = { kind: 'page' as const, hostHeader: '127.0.0.1:4321', originHeader: undefined, queryToken: token, cookieHeader: undefined };

  it('makes long, distinct tokens', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newAccessToken()).not.toBe(token);
  });

  it('compares tokens exactly, of any length', () => {
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(`${token}x`, token)).toBe(false);
    expect(tokensMatch('', token)).toBe(false);
    expect(tokensMatch(undefined, token)).toBe(false);
  });

  it('lets the page in with its token on either loopback name', () => {
    expect(guard.check(base)).toEqual({ ok: true });
    expect(guard.check({ ...base, hostHeader: 'LOCALHOST:4321', originHeader: 'http://localhost:4321' })).toEqual({ ok: true });
  });

  it.each([
    ['no token', { queryToken: undefined }, 401],
    ['a wrong token', { queryToken: 'x' }, 403],
    ['another port in Host', { hostHeader: '127.0.0.1:80' }, 403],
    ['no Host', { hostHeader: undefined }, 403],
    ['a foreign Origin', { originHeader: 'http://127.0.0.1:4322' }, 403],
    ['an https Origin', { originHeader: 'https://127.0.0.1:4321' }, 403],
    ['a cookie on a page request', { queryToken: undefined, cookieHeader: `proprio_token_4321=${token}` }, 401],
    ['a cookie on a socket', { kind: 'socket' as const, queryToken: undefined, cookieHeader: `proprio_token_4321=${token}` }, 401],
    ['the cookie of another port', { kind: 'asset' as const, queryToken: undefined, cookieHeader: `proprio_token_4322=${token}` }, 401],
  ])('refuses %s', (_label, change, status) => {
    const verdict = guard.check({ ...base, ...change });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.status).toBe(status);
  });

  it('lets an asset in by the cookie the page set', () => {
    const cookieHeader = `other=1; ${guard.cookie.split(';')[0] ?? ''}`;
    expect(guard.check({ ...base, kind: 'asset', queryToken: undefined, cookieHeader })).toEqual({ ok: true });
  });
});
