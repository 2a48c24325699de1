/**
 * Public surface of host/ for the Electron shell and other composition roots (STYLE.md §2):
 * other folders import host through this file only.
 */
// Clinic database and session recording (issue 3, docs/recording.md).
export * from './storage/index.ts';
export * from './recording/index.ts';
// Decompression sessions: supervisor runner against the table, record sink interface (issue 5).
export * from './decompression/index.ts';
// The application service, its contract binding and the built-in simulator backend, for the
// Electron shell (issue 7): the same host that browser mode (`proprio web`) serves.
export { createAppService, type AppService, type AppServiceOptions } from './app/app-service.ts';
export { createRpcHost, type RpcHost } from './rpc/rpc-host.ts';
export { webSimulator } from './cli/web-sims.ts';
export { parseShellDeviceOptions } from './cli/device-options.ts';
