import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from './renderer-path.ts';

const root = path.resolve('/opt/proprio/out/renderer');

describe('resolveRendererFile', () => {
  it('serves index.html for the bare origin and files below the root', () => {
    expect(resolveRendererFile(root, 'app://proprio/')).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveRendererFile(root, 'app://proprio')).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveRendererFile(root, 'app://proprio/assets/app.js?v=1#x')).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'app.js'),
    });
    expect(resolveRendererFile(root, 'app://proprio/a%20b.css')).toEqual({ ok: true, filePath: path.join(root, 'a b.css') });
  });

  it.each([
    ['an encoded slash after dot-dot', 'app://proprio/..%2f..%2fsecret.db'],
    ['a fully encoded climb', 'app://proprio/%2e%2e%2f%2e%2e%2fsecret.db'],
    ['a climb to a sibling folder with the same prefix', 'app://proprio/..%2frenderer-evil%2fx.js'],
    ['a climb to the root folder itself', 'app://proprio/..%2frenderer'],
  ])('refuses %s with 403', (_why, url) => {
    expect(resolveRendererFile(root, url)).toMatchObject({ ok: false, status: 403 });
  });

  it.each([
    ['plain dot segments', 'app://proprio/../../etc/passwd'],
    ['percent-encoded dot segments', 'app://proprio/%2e%2e/%2E%2e/etc/passwd'],
  ])('keeps %s inside the root, because the URL parser folds them first', (_why, url) => {
    expect(resolveRendererFile(root, url)).toEqual({ ok: true, filePath: path.join(root, 'etc', 'passwd') });
  });

  it.each([
    ['a NUL byte', 'app://proprio/index.html%00.png'],
    ['an encoded backslash', 'app://proprio/..%5c..%5csecret.db'],
    ['broken percent-encoding', 'app://proprio/%E0%A4%A'],
    ['an unparsable URL', 'not a url'],
  ])('refuses %s with 400', (_why, url) => {
    expect(resolveRendererFile(root, url)).toMatchObject({ ok: false, status: 400 });
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///opt/proprio/out/renderer/index.html'],
  ])('refuses %s with 404', (_why, url) => {
    expect(resolveRendererFile(root, url)).toMatchObject({ ok: false, status: 404 });
  });
});
