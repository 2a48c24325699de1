/**
 * Loads the golden vectors of docs/protocols (written by docs/protocols/make-vectors.py, an
 * implementation independent of both codecs).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface NeutralMessage {
  readonly type: string;
  readonly seq: number;
  readonly fields: Readonly<Record<string, unknown>>;
}

export type Vector =
  | { readonly dir: 'd2h' | 'h2d'; readonly line: string; readonly msg: NeutralMessage; readonly error?: undefined }
  | { readonly dir: 'd2h' | 'h2d'; readonly line: string; readonly error: string; readonly msg?: undefined };

export function loadVectors(device: 'plate' | 'table'): readonly Vector[] {
  const url = new URL(`../../docs/protocols/${device}.vectors.jsonl`, import.meta.url);
  return readFileSync(fileURLToPath(url), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Vector);
}
