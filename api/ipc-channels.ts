/**
 * Electron IPC channel names (STYLE.md §8): fixed here, used by electron/main/ipc.ts and the
 * preload; the page never names a channel. `call` carries (method, params) and answers with an
 * ApiResponse; `event` carries (name, payload), a stream's payload being its frame's ArrayBuffer.
 */
export const IPC_CHANNELS = {
  call: 'proprio:call',
  event: 'proprio:event',
} as const;
