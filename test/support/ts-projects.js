// The TypeScript projects of this repository, in one place for the typecheck script and ESLint.
// There is no root tsconfig: each folder is one environment (STYLE.md §2), so "the project" is
// this list.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Folders that are one environment each; each must carry its own tsconfig.json once it has code. */
export const FOLDER_PROJECTS = ['core', 'api', 'native-bridge', 'hardware-sim', 'host', 'electron', 'renderer'].map(
  (folder) => ({ folder, config: `${folder}/tsconfig.json` }),
);

/** Projects that are not a folder: the tests (Node types) and the Playwright specs (DOM + Node). */
export const FIXED_PROJECTS = ['tsconfig.tests.json', 'test/e2e/tsconfig.json'];

const ts = createRequire(import.meta.url)('typescript');

/**
 * Absolute paths of the files a tsconfig selects (its include/exclude), without building a
 * program. Throws on a config error (bad JSON, unknown option) so that it cannot pass as "no
 * files"; TS18003 ("No inputs were found") is not an error here, just an empty list.
 */
export function rootFilesOf(configPath) {
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, ' '));
    },
  });
  if (!parsed) return [];
  const errors = parsed.errors.filter((d) => d.code !== 18003);
  if (errors.length > 0) {
    throw new Error(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join('; '));
  }
  return parsed.fileNames.map((f) => path.resolve(f));
}

/** Every project config (relative to the repo root) that exists and selects at least one file. */
export function activeProjects(root = REPO_ROOT) {
  return [...FOLDER_PROJECTS.map((p) => p.config), ...FIXED_PROJECTS].filter((config) => {
    const abs = path.join(root, config);
    if (!existsSync(abs)) return false;
    try {
      return rootFilesOf(abs).length > 0;
    } catch {
      // Keep a broken config in the list, so the tool using it reports the error.
      return true;
    }
  });
}
