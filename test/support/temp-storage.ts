/** A fresh clinic database in a temp folder, for tests that run the app service on real storage. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStorage, type Storage } from '../../host/storage/index.ts';

export interface TempStorage {
  readonly storage: Storage;
  readonly path: string;
  /** Closes the database and removes its folder. */
  dispose(): void;
}

export function tempStorage(nowMs?: () => number): TempStorage {
  const dir = mkdtempSync(path.join(tmpdir(), 'proprio-db-'));
  const file = path.join(dir, 'proprio.sqlite');
  const opened = openStorage({ path: file, ...(nowMs === undefined ? {} : { nowMs }) });
  if (!opened.ok) throw new Error(opened.error.message);
  const storage = opened.value.storage;
  return {
    storage,
    path: file,
    dispose() {
      storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
