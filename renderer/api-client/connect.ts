/**
 * The renderer's one way to the host: Electron's preload object when running in the shell
 * (`window.proprio`, exactly an ApiClient), otherwise the browser-mode WebSocket with the
 * per-launch token from the page's own URL.
 */
import { createApiClient, type ApiClient } from '../../api/index.ts';
import { webSocketTransport, type LinkListener } from './ws-transport.ts';

declare global {
  interface Window {
    /** Set by electron/preload only. */
    readonly proprio?: ApiClient;
  }
}

export interface HostConnection {
  readonly client: ApiClient;
  /** Host link up/down (always up in Electron, where IPC cannot drop). */
  onLink(listener: LinkListener): () => void;
}

export function connectToHost(): HostConnection {
  if (window.proprio !== undefined) return { client: window.proprio, onLink: () => () => undefined };
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const transport = webSocketTransport(`ws://${window.location.host}/ws?token=${encodeURIComponent(token)}`);
  return { client: createApiClient(transport), onLink: (listener) => transport.onLink(listener) };
}
