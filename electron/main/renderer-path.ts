/**
 * Maps an `app://proprio/...` request to a file inside the renderer build folder, and refuses
 * anything that would leave it (Actual's `app://` handler does the same). The page is untrusted
 * (STYLE.md §8), so a request for `app://proprio/../../userData/db.sqlite` or an encoded
 * `%2e%2e%2f` must never reach the file system.
 *
 * Pure: no Electron, no I/O, so it is unit-tested directly.
 */
import path from 'node:path';

/** The scheme and host every window loads from. `'self'` in the CSP means exactly this origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'proprio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export type RendererPathResult =
  | { readonly ok: true; readonly filePath: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

/**
 * Resolves `requestUrl` against `rootDir` (absolute). `/` means `index.html`.
 * Returns 404 for another host, 403 for a path outside `rootDir`, 400 for a malformed URL or path.
 */
export function resolveRendererFile(rootDir: string, requestUrl: string): RendererPathResult {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 404, reason: `not an ${APP_ORIGIN} URL` };
  }
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  // A NUL byte or a backslash has no business in a web path and means different things to
  // different file APIs; refuse rather than guess.
  if (relative.includes('\0') || relative.includes('\\')) {
    return { ok: false, status: 400, reason: 'forbidden character in path' };
  }
  if (relative === '/' || relative === '') relative = '/index.html';

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, `.${relative}`);
  // The URL parser already folds plain `..` segments, but decoding `%2e%2e%2f` happens after it;
  // path.relative is the check that holds whatever the input looked like.
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) {
    return { ok: false, status: 403, reason: 'path escapes the renderer folder' };
  }
  return { ok: true, filePath };
}
