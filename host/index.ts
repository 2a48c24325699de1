/**
 * Public surface of host/ for the Electron shell and other composition roots (STYLE.md §2):
 * other folders import host through this file only.
 */
// Clinic database and session recording (issue 3, docs/recording.md).
export * from './storage/index.ts';
export * from './recording/index.ts';
// Decompression sessions: supervisor runner against the table, record sink interface (issue 5).
export * from './decompression/index.ts';
