/**
 * The preload: the only code that can talk to the main process for the page (STYLE.md §8;
 * VS Code's `sandbox/electron-browser/preload.ts`).
 *
 * Rules this file keeps, and why:
 * - One bundled file (electron/build.js) whose only runtime imports are `contextBridge`,
 *   `ipcRenderer` and the api contract's transport-neutral client: a sandboxed preload gets only
 *   that Electron subset and cannot `require` our modules.
 * - One global, `window.proprio`, which is exactly the contract's `ApiClient` (checked with
 *   `satisfies`): typed `call(method, params)` and `on(event, listener)`. It travels over two fixed
 *   channels (api IPC_CHANNELS); the page never passes a channel name and `ipcRenderer` itself is
 *   never exposed. The main process validates every call against the contract's schemas.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, createApiClient, type ApiClient, type ApiResponse, type ClientTransport } from '../../api/index.ts';

const transport: ClientTransport = {
  call: (method, params) => ipcRenderer.invoke(IPC_CHANNELS.call, method, params) as Promise<ApiResponse<unknown>>,
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(IPC_CHANNELS.event, forward);
    return () => void ipcRenderer.off(IPC_CHANNELS.event, forward);
  },
};

const client = createApiClient(transport);

// A plain object of the two functions: contextBridge copies own properties, and nothing else of the
// client (or of ipcRenderer) reaches the page.
const bridge = {
  call: (method, params) => client.call(method, params),
  on: (name, listener) => client.on(name, listener),
} satisfies ApiClient;

contextBridge.exposeInMainWorld('proprio', bridge);
