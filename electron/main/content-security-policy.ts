/**
 * The one Content-Security-Policy every Proprio page runs under (STYLE.md §8; Electron's security
 * checklist). `'self'` is the `app://proprio` origin the renderer is served from.
 *
 * What it rules out, and why: no inline or remote script, no `eval` (an injected string in, say, a
 * patient name cannot become code); no plugins, frames or `<base>` rewriting; no form posts; and no
 * network except our own origin. Chart code (uPlot) and React set styles through the CSSOM, which
 * `style-src 'self'` permits, so no `'unsafe-inline'` is needed. `data:`/`blob:` images cover chart
 * snapshots.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
