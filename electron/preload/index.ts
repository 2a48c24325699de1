/**
 * The preload: the only code that can talk to the main process for the page (STYLE.md §8;
 * VS Code's `sandbox/electron-browser/preload.ts`).
 *
 * Rules this file keeps, and why:
 * - One file, no runtime import but `contextBridge` and `ipcRenderer`: a sandboxed preload gets
 *   only that Electron subset and no `require` of our modules (electron/build.js bundles it to a
 *   single CommonJS file anyway).
 * - One global, `window.proprio`, with one method per channel. The page never passes a channel
 *   name, so it cannot reach a channel that is not listed here; `ipcRenderer` itself is never
 *   exposed.
 * - The channel names mirror electron/main/ipc.ts. Both move into api/ when the typed contract
 *   lands, and this object will then `satisfies` the api client type.
 */
import { contextBridge, ipcRenderer } from 'electron';

const CHANNELS = {
  appInfo: 'proprio:app-info',
} as const;

/** What `window.proprio.appInfo()` resolves to (mirrors `AppInfo` in electron/main/ipc.ts). */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
}

/** The whole surface the page gets. */
export interface ProprioBridge {
  /** The app's display name and version; rejects only if the main process refuses the caller. */
  appInfo(): Promise<AppInfo>;
}

const bridge = {
  // No arguments are forwarded: nothing the page passes can reach the main process this way.
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo) as Promise<AppInfo>,
} satisfies ProprioBridge;

contextBridge.exposeInMainWorld('proprio', bridge);
