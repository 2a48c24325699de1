/**
 * The only module that touches `ipcMain` (ESLint bans it elsewhere, as VS Code's layers checker
 * does). Every channel is registered through `handleTrusted`, which checks the sender frame on
 * every call (STYLE.md §8), so no handler can forget to.
 *
 * Channel names are fixed here and in electron/preload/index.ts; the page never supplies one. The
 * two lists move into api/ when the typed contract lands; until then the e2e spec checks that
 * they agree.
 */
import { ipcMain } from 'electron';
import { isTrustedSender } from './ipc-sender.ts';

export const IPC_CHANNELS = {
  appInfo: 'proprio:app-info',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** What `window.proprio.appInfo()` resolves to. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
}

/**
 * Registers `handler` for `channel`, refusing calls from any frame other than our own top-level
 * `app://proprio` page. A refusal rejects the caller's promise: Electron passes only the message
 * on, which is all an untrusted caller should learn. `handler` receives the arguments unchecked;
 * it must validate them before acting.
 */
function handleTrusted(channel: IpcChannel, handler: (args: readonly unknown[]) => unknown): void {
  ipcMain.handle(channel, (event, ...args: unknown[]) => {
    if (!isTrustedSender(event.senderFrame)) {
      console.warn(`ipc: refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      throw new Error(`${channel}: refused, untrusted sender`);
    }
    return handler(args);
  });
}

/** Binds every channel the preload exposes. Call once, after `app` is ready. */
export function bindIpc(appInfo: AppInfo): void {
  handleTrusted(IPC_CHANNELS.appInfo, (args) => {
    if (args.length !== 0) throw new Error(`${IPC_CHANNELS.appInfo}: takes no arguments`);
    return { name: appInfo.name, version: appInfo.version } satisfies AppInfo;
  });
}
