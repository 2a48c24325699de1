/**
 * Maps a request path to a file of the built renderer and refuses anything outside it: the page
 * is untrusted, so `/../../etc/passwd` and its percent-encoded forms must never reach the disk.
 */
import path from 'node:path';

export type StaticPath = { readonly ok: true; readonly filePath: string; readonly contentType: string } | { readonly ok: false; readonly status: 400 | 403 | 404 };

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** `pathname` as it came in the request URL (still percent-encoded); `/` means `index.html`. */
export function resolveStaticPath(rootDir: string, pathname: string): StaticPath {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (relative.includes('\0') || relative.includes('\\')) return { ok: false, status: 400 };
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, `.${relative}`);
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return { ok: false, status: 403 };
  const contentType = CONTENT_TYPES[path.extname(filePath).toLowerCase()];
  return contentType === undefined ? { ok: false, status: 404 } : { ok: true, filePath, contentType };
}
