#!/usr/bin/env node
// `npm run lint:deps`: dependency-cruiser with .dependency-cruiser.cjs over the project folders
// that exist, printed one violation per line.
//
// Fails when: any rule of severity "error" is broken; dependency-cruiser crashes; it cruised no
// module at all; or a source file on disk in a cruised folder is missing from its result. The
// last two are the SETUP.md trap: with an incompatible TypeScript (7.x) dependency-cruiser 17
// cruises nothing and happily reports "no violations", a check that checks nothing.
//
// Usage: node test/support/run-depcruise.js [--root DIR]
//   --root  the tree to check (default: this repository). The rules file is always this
//           repository's; test/tooling/ uses --root to run the rules on fixture trees.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const configPath = path.join(repoRoot, '.dependency-cruiser.cjs');
const depcruiseBin = path.join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Folders checked, in dependency order; those that do not exist (yet) are skipped and named. */
const FOLDERS = ['core', 'api', 'native-bridge', 'hardware-sim', 'host', 'electron', 'renderer'];
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|cjs|mjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out']);

function parseArgs(argv) {
  const rootIndex = argv.indexOf('--root');
  return { root: rootIndex >= 0 && argv[rootIndex + 1] ? path.resolve(argv[rootIndex + 1]) : repoRoot };
}

function listSources(dir, base) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) found.push(...listSources(abs, base));
    } else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      found.push(path.relative(base, abs).split(path.sep).join('/'));
    }
  }
  return found;
}

function fail(message) {
  console.error(`lint:deps: FAILED — ${message}`);
  process.exit(1);
}

const { root } = parseArgs(process.argv.slice(2));
const folders = FOLDERS.filter((f) => existsSync(path.join(root, f)));
const missing = FOLDERS.filter((f) => !folders.includes(f));
if (missing.length) console.log(`lint:deps: not present (skipped): ${missing.join(', ')}`);
if (folders.length === 0) fail(`none of ${FOLDERS.join(', ')} exists under ${root}`);

const outDir = mkdtempSync(path.join(tmpdir(), 'proprio-depcruise-'));
const outFile = path.join(outDir, 'result.json');
let result;
try {
  const run = spawnSync(
    process.execPath,
    [depcruiseBin, '--config', configPath, '--output-type', 'json', '--output-to', outFile, ...folders],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.error) fail(`could not start dependency-cruiser: ${run.error.message}`);
  // dependency-cruiser exits with the number of errors found, so a non-zero exit alone is not a
  // crash; a missing or unreadable result is.
  try {
    result = JSON.parse(readFileSync(outFile, 'utf8'));
  } catch {
    process.stderr.write(run.stdout + run.stderr);
    fail(`dependency-cruiser crashed (exit ${run.status ?? run.signal}) and wrote no result`);
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

const { summary, modules } = result;
const cruisedSources = new Set(modules.filter((m) => !m.coreModule && !m.couldNotResolve).map((m) => m.source));

// The trap check: every source file we can see must have been cruised.
const onDisk = folders.flatMap((f) => listSources(path.join(root, f), root));
const notCruised = onDisk.filter((f) => !cruisedSources.has(f));
if (summary.totalCruised === 0 || onDisk.length === 0) {
  fail(
    `dependency-cruiser cruised ${summary.totalCruised} modules from ${folders.join(', ')} ` +
      `(${onDisk.length} source files on disk). A check over nothing is not a pass; see SETUP.md ` +
      '(TypeScript must be 6.0.x for dependency-cruiser 17).',
  );
}
if (notCruised.length > 0) {
  fail(`dependency-cruiser skipped ${notCruised.length} file(s) that exist on disk: ${notCruised.join(', ')}`);
}

const explained = new Set();
for (const v of summary.violations) {
  const target = v.cycle ? v.cycle.map((step) => (typeof step === 'string' ? step : step.name)).join(' → ') : v.to;
  const arrow = v.from === v.to ? '' : ` → ${target}`;
  console.log(`${v.rule.severity} ${v.rule.name}: ${v.from}${arrow}`);
  if (!explained.has(v.rule.name)) {
    const rule = [...(result.summary.ruleSetUsed?.forbidden ?? [])].find((r) => r.name === v.rule.name);
    if (rule?.comment) console.log(`    ${rule.comment}`);
    explained.add(v.rule.name);
  }
}

console.log(
  `lint:deps: cruised ${summary.totalCruised} modules, ${summary.totalDependenciesCruised} dependencies ` +
    `in ${folders.join(', ')} (${onDisk.length} source files); ${summary.error} errors, ${summary.warn} warnings`,
);
process.exit(summary.error > 0 ? 1 : 0);
