/**
 * Proves that `npm run lint:deps` catches what STYLE.md §2 forbids, instead of trusting a green
 * run: it runs test/support/run-depcruise.js, with the repository's .dependency-cruiser.cjs, over
 * small fixture trees in a temporary folder. A clean tree must pass, a tree with one breach per
 * rule must report each breach, and a tree with nothing to cruise must fail (SETUP.md's
 * "cruised zero modules, no violations" trap).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const runner = path.join(repoRoot, 'test', 'support', 'run-depcruise.js');
const made: string[] = [];

/** Writes `files` into a fresh folder that shares this repository's package.json and node_modules. */
function makeTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'proprio-depcruise-fixture-'));
  made.push(root);
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ name: 'fixture', type: 'module', dependencies: pkg['dependencies'], devDependencies: pkg['devDependencies'] }),
  );
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

function lintDeps(root: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [runner, '--root', root], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The `error <rule>: <from> → <to>` lines the runner printed. */
function violations(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('error '));
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// Every allowed kind of edge once: folder index imports, node:* where allowed, declared
// packages, host/cli → hardware-sim, a core test using vitest and fast-check.
const CLEAN_TREE = {
  'core/index.ts': "export { one } from './one.ts';\n",
  'core/one.ts': 'export const one = 1;\n',
  'core/one.test.ts':
    "import { expect, it } from 'vitest';\nimport fc from 'fast-check';\nimport { one } from './one.ts';\n" +
    "it('is one', () => { expect(one).toBe(1); expect(fc).toBeDefined(); });\n",
  'native-bridge/index.ts':
    "import { one } from '../core/index.ts';\nimport { readFileSync } from 'node:fs';\nimport { SerialPort } from 'serialport';\n" +
    'export const bridge = [one, readFileSync, SerialPort];\n',
  'hardware-sim/index.ts': "import net from 'node:net';\nexport const sim = net;\n",
  'host/index.ts': "import { bridge } from '../native-bridge/index.ts';\nimport { one } from '../core/index.ts';\nexport const host = [bridge, one];\n",
  'host/cli/main.ts': "import { sim } from '../../hardware-sim/index.ts';\nimport { host } from '../index.ts';\nexport const cli = [sim, host];\n",
  'electron/main/index.ts': "import { app } from 'electron';\nimport { host } from '../../host/index.ts';\nexport const main = [app, host];\n",
  'electron/preload/index.ts': "import { contextBridge } from 'electron';\nexport const preload = contextBridge;\n",
};

// One breach per line; the comment names the rule that must catch it.
const BAD_TREE = {
  'core/index.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", // core-imports
  'core/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n", // no-circular
  'core/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
  'core/uses-vitest.ts': "import { vi } from 'vitest';\nexport const spy = vi;\n", // core-imports, not-to-dev-dep
  'native-bridge/index.ts': "import { host } from '../host/index.ts';\nexport const bridge = host;\n", // native-bridge-imports
  'native-bridge/transport.ts': 'export const transport = 1;\n',
  'native-bridge/uses-test.ts': "import { helper } from '../test/support/helper.ts';\nexport const x = helper;\n", // not-to-test
  'test/support/helper.ts': 'export const helper = 1;\n',
  'host/index.ts': "import { transport } from '../native-bridge/transport.ts';\nexport const host = transport;\n", // no-deep-imports
  'host/service.ts': "import { sim } from '../hardware-sim/index.ts';\nexport const service = sim;\n", // host-imports
  'host/cli/main.ts': "import { sim } from '../../hardware-sim/index.ts';\nexport const cli = sim;\n", // allowed
  'host/typo.ts': "import { nothing } from './nothing.ts';\nexport const typo = nothing;\n", // not-to-unresolvable
  'hardware-sim/index.ts': "import { read } from '../core/index.ts';\nexport const sim = read;\n", // hardware-sim-imports
  'electron/main/index.ts': "import { bridge } from '../../native-bridge/index.ts';\nexport const main = bridge;\n", // electron-main-entry-imports
  'electron/main/window.test.ts': "import { BrowserWindow } from 'electron';\nexport const w = BrowserWindow;\n", // electron-only-in-electron
  'electron/preload/index.ts': "import { readFileSync } from 'node:fs';\nexport const p = readFileSync;\n", // electron-preload-imports
  'renderer/app.ts': "import path from 'node:path';\nexport const app = path;\n", // renderer-imports
  'renderer/host-call.ts': "import { host } from '../host/index.ts';\nexport const call = host;\n", // renderer-imports
};

describe('lint:deps (dependency-cruiser rules)', () => {
  it('passes a tree that uses every allowed kind of import', () => {
    const { status, output } = lintDeps(makeTree(CLEAN_TREE));
    expect(violations(output)).toEqual([]);
    expect(output).toMatch(/0 errors/);
    expect(status).toBe(0);
  });

  it('reports each forbidden import in a tree that breaks every rule once', () => {
    const { status, output } = lintDeps(makeTree(BAD_TREE));
    const found = violations(output);
    const expected: [rule: string, from: string][] = [
      ['core-imports', 'core/index.ts'],
      ['no-circular', 'core/a.ts'],
      ['core-imports', 'core/uses-vitest.ts'],
      ['not-to-dev-dep', 'core/uses-vitest.ts'],
      ['native-bridge-imports', 'native-bridge/index.ts'],
      ['not-to-test', 'native-bridge/uses-test.ts'],
      ['no-deep-imports', 'host/index.ts'],
      ['host-imports', 'host/service.ts'],
      ['not-to-unresolvable', 'host/typo.ts'],
      ['hardware-sim-imports', 'hardware-sim/index.ts'],
      ['electron-main-entry-imports', 'electron/main/index.ts'],
      ['electron-only-in-electron', 'electron/main/window.test.ts'],
      ['electron-preload-imports', 'electron/preload/index.ts'],
      ['renderer-imports', 'renderer/app.ts'],
      ['renderer-imports', 'renderer/host-call.ts'],
    ];
    for (const [rule, from] of expected) {
      expect(found, `${rule} from ${from}`).toContainEqual(expect.stringMatching(new RegExp(`^error ${rule}: ${from}`)));
    }
    // The composition root may wire the simulator in.
    expect(found.filter((line) => line.includes(' host/cli/main.ts'))).toEqual([]);
    expect(status).toBe(1);
  });

  it('fails, rather than passing, when there is nothing to cruise', () => {
    const { status, output } = lintDeps(makeTree({ 'core/README.md': 'no code yet\n' }));
    expect(output).toMatch(/cruised 0 modules/);
    expect(status).toBe(1);
  });
});
