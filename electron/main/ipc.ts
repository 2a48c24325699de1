/**
 * The only module that touches `ipcMain` (ESLint bans it elsewhere, as VS Code's layers checker
 * does): binds the API contract (host/rpc) to Electron IPC. Every channel is registered through
 * `handleTrusted`, which checks the sender frame on every call (STYLE.md §8), and events go only
 * to windows whose top frame is our own `app://proprio` page.
 *
 * Channel names are fixed in the contract (api IPC_CHANNELS); the page never supplies one.
 * Requests are validated by the contract's dispatcher exactly as over the browser-mode socket.
 */
import { ipcMain, webContents } from 'electron';
import { IPC_CHANNELS, apiError, streamNameOfFrame, type OutgoingEvent } from '../../api/index.ts';
import type { RpcHost } from '../../host/index.ts';
import { isTrustedSender } from './ipc-sender.ts';

type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

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

/** The event as IPC arguments: (name, payload), a stream frame going as a cloned ArrayBuffer. */
function eventArguments(event: OutgoingEvent): [string, unknown] | undefined {
  if (event.kind === 'json') return [event.message.name, event.message.payload];
  const name = streamNameOfFrame(event.frame);
  return name === undefined ? undefined : [name, event.frame];
}

/** Binds the contract to IPC. Call once, after `app` is ready; returns the unbinding function. */
export function bindIpc(rpc: RpcHost): () => void {
  handleTrusted(IPC_CHANNELS.call, (args) => {
    const [method, params] = args;
    if (typeof method !== 'string' || args.length > 2) {
      return apiError('invalid-request', 'The request was not in the form (method, params).');
    }
    return rpc.dispatch(method, params);
  });
  const unsubscribe = rpc.onEvent((event) => {
    const payload = eventArguments(event);
    if (payload === undefined) return;
    for (const contents of webContents.getAllWebContents()) {
      if (!contents.isDestroyed() && isTrustedSender(contents.mainFrame)) contents.send(IPC_CHANNELS.event, ...payload);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CHANNELS.call);
  };
}
