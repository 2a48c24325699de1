/**
 * Packaging cannot run here (every target downloads Electron), so a mistake in
 * electron-builder.yml would surface only on a release machine. This checks the file against
 * electron-builder's own schema, with electron-builder's own validator, and pins the settings the
 * native modules depend on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
// electron-builder's internals are CommonJS without type declarations for these paths.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load: (text: string) => unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

function loadConfig(): Record<string, unknown> {
  return yaml.load(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
}

describe('electron-builder.yml', () => {
  it("matches electron-builder's configuration schema", async () => {
    await expect(validateConfiguration(loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is checked by a validator that does reject a bad key', async () => {
    const config = { ...loadConfig(), linux: { target: ['AppImage'], notAnOption: true } };
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/configuration/);
  });

  it('keeps native modules out of the asar, rebuilds them, and starts from the bundle', () => {
    const config = loadConfig();
    expect(config['asarUnpack']).toContain('**/node_modules/{better-sqlite3,@serialport}/**');
    expect(config['npmRebuild']).toBe(true);
    expect(config['extraMetadata']).toEqual({ main: 'out/electron/main.cjs' });
    expect(config['productName']).toBe('Proprio');
  });
});
