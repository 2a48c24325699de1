import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash.ts';

describe('password hashes', () => {
  it('verifies the right password only, with a fresh salt per hash', async () => {
    const [first, second] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
    expect(first).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterx', first)).toBe(false);
  });

  it('treats a malformed or tampered hash as no match', async () => {
    const stored = await hashPassword('pw-12345678');
    expect(await verifyPassword('pw-12345678', 'plain-text')).toBe(false);
    expect(await verifyPassword('pw-12345678', stored.replace('$131072$', '$131071$'))).toBe(false);
    expect(await verifyPassword('pw-12345678', stored.replace(/\$[^$]+$/, '$AAAA'))).toBe(false);
  });
});
