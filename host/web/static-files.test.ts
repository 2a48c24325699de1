import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './static-files.ts';

const ROOT = path.resolve('/srv/proprio/renderer');

describe('resolveStaticPath', () => {
  it('maps / to index.html and assets inside the build, with their content type', () => {
    expect(resolveStaticPath(ROOT, '/')).toEqual({ ok: true, filePath: path.join(ROOT, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveStaticPath(ROOT, '/assets/index-abc.js')).toMatchObject({ ok: true, filePath: path.join(ROOT, 'assets', 'index-abc.js'), contentType: 'text/javascript; charset=utf-8' });
  });

  it.each([
    ['/../secret.html', 403],
    ['/assets/../../secret.html', 403],
    ['/%2e%2e/secret.html', 403],
    ['/assets/%2e%2e%2f%2e%2e%2fsecret.html', 403],
    ['/%E0%A4%A', 400],
    ['/a%00.js', 400],
    ['/a%5c..%5csecret.js', 400],
    ['/readme.txt', 404],
  ])('refuses %s with %i', (pathname, status) => {
    expect(resolveStaticPath(ROOT, pathname)).toEqual({ ok: false, status });
  });
});
