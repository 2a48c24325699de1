/**
 * Which frames may call the main process (STYLE.md §8; VS Code's `validatedIpcMain`). The page is
 * untrusted, and even a trusted window may be showing something else after a failed or hijacked
 * navigation, so every IPC call re-checks the *sender frame*, not the window it came from.
 *
 * Pure and structural (no Electron import), so it is unit-tested directly.
 */
import { APP_HOST, APP_SCHEME } from './renderer-path.ts';

/** The parts of Electron's `WebFrameMain` the check reads. */
export interface SenderFrame {
  readonly url: string;
  /** `null` for a top-level frame. */
  readonly parent: unknown;
}

/**
 * True only for a top-level frame showing our own `app://proprio` origin.
 * `null` (the frame navigated away or was destroyed before the message was handled) is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  // Sub-frames (an iframe the page managed to create) never speak for the app.
  if (frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  // Compare scheme and host, not `url.origin`: for a custom scheme the WHATWG parser reports the
  // origin as the string "null", which would match any other opaque origin.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.port === '';
}
