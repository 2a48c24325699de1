/**
 * `proprio db` as a technician runs it: the real command in its own process, exit codes and
 * messages (0 done, 1 unusable database or file, 2 bad arguments).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { openStorage } from '../../host/storage/index.ts';

const BIN = fileURLToPath(new URL('../../bin/proprio.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'proprio-db-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function proprio(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

it('exits 2 with the reason and the usage for bad arguments, 1 for a file that is not a database, 0 for a sound one', async () => {
  const database = join(dir, 'proprio.sqlite');
  const opened = openStorage({ path: database });
  if (opened.ok) opened.value.storage.close();
  const notes = join(dir, 'notes.txt');
  writeFileSync(notes, 'not a database');
  const [badCommand, missingOption, help, sound, foreign] = await Promise.all([
    proprio('db', 'shrink', '--db', database),
    proprio('db', 'export', '--db', database, '--session', '1'),
    proprio('db', '--help'),
    proprio('db', 'check', '--db', database),
    proprio('db', 'check', '--db', notes),
  ]);
  expect(badCommand.code).toBe(2);
  expect(badCommand.stderr).toMatch(/^proprio db: unknown command "shrink" \(check, export, backup or restore\)\nusage: proprio db <command>/);
  expect(missingOption).toMatchObject({ code: 2, stderr: expect.stringMatching(/^proprio db: export needs --out/) as unknown });
  expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: proprio db <command>/) as unknown });
  expect(sound.code).toBe(0);
  expect(sound.stdout).toMatch(/integrity +ok[\s\S]*result +sound/);
  expect(foreign).toMatchObject({ code: 1, stderr: `proprio db: ${notes} is not an SQLite database\n` });
});
