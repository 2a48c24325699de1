import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './ipc-sender.ts';

describe('isTrustedSender', () => {
  it('accepts the top-level frame of our own app origin', () => {
    expect(isTrustedSender({ url: 'app://proprio/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://proprio/settings?tab=1#x', parent: null })).toBe(true);
  });

  it('refuses a missing frame (navigated away or destroyed before the call was handled)', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('refuses a sub-frame even when it shows our origin', () => {
    expect(isTrustedSender({ url: 'app://proprio/index.html', parent: {} })).toBe(false);
  });

  it.each([
    'https://proprio/index.html',
    'file:///opt/proprio/out/renderer/index.html',
    'app://proprio.evil.test/index.html',
    'app://evil/proprio/index.html',
    'app://user@proprio/index.html',
    'app://proprio:8080/index.html',
    'about:blank',
    'data:text/html,hi',
    'chrome-error://chromewebdata/',
    '',
  ])('refuses a frame showing %s', (url) => {
    expect(isTrustedSender({ url, parent: null })).toBe(false);
  });
});
