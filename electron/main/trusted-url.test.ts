import { describe, expect, it } from 'vitest';
import { toTrustedExternalUrl } from './trusted-url.ts';

const allowed = new Set(['clinic.example']);

describe('toTrustedExternalUrl', () => {
  it('accepts an https link to an allowlisted host and returns its normalised form', () => {
    expect(toTrustedExternalUrl('https://clinic.example/help?x=1#top', allowed)).toBe(
      'https://clinic.example/help?x=1#top',
    );
    expect(toTrustedExternalUrl('https://CLINIC.example', allowed)).toBe('https://clinic.example/');
    expect(toTrustedExternalUrl('https://clinic.example:443/a', allowed)).toBe('https://clinic.example/a');
  });

  it.each([
    ['a longer host that starts with the allowed one', 'https://clinic.example.evil.test/'],
    ['a subdomain of the allowed host', 'https://www.clinic.example/'],
    ['the allowed host only in the path', 'https://evil.test/clinic.example'],
    ['the allowed host only in the fragment', 'https://evil.test/#clinic.example'],
    ['the allowed host only in the query', 'https://evil.test/?u=https://clinic.example'],
    ['the allowed host as credentials', 'https://clinic.example@evil.test/'],
    ['credentials on the allowed host', 'https://user:pw@clinic.example/'],
    ['a backslash-escaped host swap', 'https://evil.test\\@clinic.example/'],
    ['plain http', 'http://clinic.example/'],
    ['a non-default port', 'https://clinic.example:8443/'],
    ['a trailing-dot host', 'https://clinic.example./'],
    ['a look-alike Cyrillic host', 'https://clinic.exаmple/'],
    ['javascript:', 'javascript:alert(1)//https://clinic.example/'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<a href="https://clinic.example">x</a>'],
    ['a protocol-relative link', '//clinic.example/'],
    ['a relative path', '/clinic.example'],
    ['an empty string', ''],
    ['garbage', 'not a url at all'],
  ])('refuses %s', (_why, raw) => {
    expect(toTrustedExternalUrl(raw, allowed)).toBeUndefined();
  });

  it('strips the whitespace and control characters the URL parser ignores before returning', () => {
    expect(toTrustedExternalUrl(' \thttps://clinic.ex\nample/a\n', allowed)).toBe('https://clinic.example/a');
  });

  it('refuses everything when the allowlist is empty', () => {
    expect(toTrustedExternalUrl('https://clinic.example/', new Set())).toBeUndefined();
  });
});
