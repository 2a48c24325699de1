/**
 * Hardening that applies to every page the app ever creates (STYLE.md §8; Actual's `security.ts`,
 * Electron's security checklist). The renderer is treated as untrusted: if it is ever made to run
 * hostile content, it still cannot open windows, navigate away, embed a webview, obtain a device
 * permission (camera, serial, USB...) or load code from elsewhere.
 */
import { app, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { APP_HOST, APP_SCHEME } from './renderer-path.ts';

function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Session-wide: CSP on every response, and every permission and device request denied. */
export function hardenSession(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Deny by default. The renderer needs no browser permission: the hardware is reached by the
  // host through native-bridge, never through Web Serial/USB/HID from a page.
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    console.warn(`security: denied permission request "${permission}"`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
}

/** Per page: no navigation away from the app, no redirects, no new windows, no webviews. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-frame-navigate', (event) => {
    // Loads the main process starts itself (loadURL) do not emit this event, so any navigation
    // seen here was started by page content. The app is a single page: allow only our origin,
    // in the top frame. Links out are blocked, not handed to the system browser: the app has none,
    // and shell.openExternal would be a way from page content to the OS.
    if (event.isMainFrame && isAppUrl(event.url)) return;
    console.warn(`security: blocked navigation to ${event.url}`);
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    // Our own protocol never redirects, so a redirect means something tried to bounce the page
    // somewhere else.
    console.warn(`security: blocked redirect to ${event.url}`);
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`security: blocked new window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    // A <webview> is a second browser with its own preferences; Proprio never uses one.
    event.preventDefault();
  });
}

/**
 * Applies `hardenWebContents` to every web contents as it is created, including ones we did not
 * create on purpose, so no page can slip through unhardened. Call before the first window.
 */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
}
