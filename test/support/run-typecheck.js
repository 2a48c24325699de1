#!/usr/bin/env node
// `npm run typecheck`: runs `tsc -p` over every folder's own tsconfig (STYLE.md §2 "Enforcement":
// one environment per folder, so core/ cannot see Node types and the renderer cannot see Node).
// There is no root tsconfig, so `tsc -b` at the root would check nothing; the project list lives
// in ts-projects.js.
//
// Fails when: any project fails; a folder holds TypeScript but has no tsconfig.json yet; or a .ts
// file in the repository belongs to no project (VS Code's rule: an uncovered file is an error,
// otherwise it is silently never checked). A project that selects no file yet is skipped, and
// every skip is printed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { FIXED_PROJECTS, FOLDER_PROJECTS, REPO_ROOT as root, rootFilesOf } from './ts-projects.js';

const tscBin = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Never scanned for stray .ts files: installed or generated trees. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.tsbuild', 'test-results', 'playwright-report']);
const TS_FILE = /\.(c|m)?tsx?$/;

function listTsFiles(dir) {
  const found = [];
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) found.push(...listTsFiles(path.join(dir, entry.name)));
    } else if (TS_FILE.test(entry.name)) {
      found.push(path.join(dir, entry.name));
    }
  }
  return found;
}

function runTsc(configRel) {
  const started = Date.now();
  return new Promise((resolve) => {
    const pretty = String(Boolean(process.stdout.isTTY));
    const child = spawn(process.execPath, [tscBin, '-p', configRel, '--pretty', pretty], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => resolve({ configRel, code: 1, output: String(error), ms: Date.now() - started }));
    child.on('close', (code, signal) => resolve({ configRel, code: code ?? signal, output, ms: Date.now() - started }));
  });
}

async function runAll(configs) {
  // tsc is single-threaded: run one per core, and print each project's output whole when it ends.
  const results = [];
  const queue = [...configs];
  const workers = Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const r = await runTsc(next);
      const status = r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`;
      process.stdout.write(`typecheck: tsc -p ${r.configRel} ... ${status} (${(r.ms / 1000).toFixed(1)} s)\n`);
      if (r.output.trim()) process.stdout.write(r.output.replace(/\s*$/, '\n'));
      results.push(r);
    }
  });
  await Promise.all(workers);
  return results;
}

const problems = [];
const candidates = [];
for (const { folder, config } of FOLDER_PROJECTS) {
  if (existsSync(path.join(root, config))) {
    candidates.push(config);
  } else if (listTsFiles(path.join(root, folder)).length > 0) {
    problems.push(`${folder}/ has .ts files but no tsconfig.json: give it one (see core/tsconfig.json).`);
  } else {
    console.log(`typecheck: ${folder}/ skipped — no tsconfig.json and no .ts files yet`);
  }
}
for (const config of FIXED_PROJECTS) {
  if (existsSync(path.join(root, config))) candidates.push(config);
  else problems.push(`${config} is missing.`);
}

// Every .ts file in the repository must be selected by at least one project.
const covered = new Set();
const runnable = [];
for (const config of candidates) {
  try {
    const files = rootFilesOf(path.join(root, config));
    for (const f of files) covered.add(f);
    if (files.length > 0) runnable.push(config);
    else console.log(`typecheck: ${config} skipped — it selects no .ts file yet`);
  } catch (error) {
    problems.push(`${config}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
for (const f of listTsFiles(root).filter((file) => !covered.has(file))) {
  problems.push(`${path.relative(root, f)} is in no tsconfig, so nothing type-checks it.`);
}

const results = await runAll(runnable);
const failed = results.filter((r) => r.code !== 0).map((r) => r.configRel);
for (const p of problems) console.error(`typecheck: ERROR ${p}`);
console.log(
  `typecheck: ran ${results.length} projects (${runnable.join(', ')}); ` +
    `${failed.length} failed${failed.length ? ` (${failed.join(', ')})` : ''}` +
    `${problems.length ? `; ${problems.length} layout error(s)` : ''}`,
);
process.exitCode = failed.length > 0 || problems.length > 0 ? 1 : 0;
