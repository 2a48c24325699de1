#!/usr/bin/env node
// `npm run lint:electron`: Electronegativity over electron/, gated on its report, because the
// tool itself always exits 0 (SETUP.md). Fails on any finding not reviewed in
// electron/electronegativity-reviewed.json, and when the tool produced no report at all.
// The report is SARIF, not CSV: the tool writes its CSV header and rows with two unsynchronised
// fs.writeFile calls, and on a fresh machine the header once landed over the first row.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const reviewed = JSON.parse(readFileSync(path.join(root, 'electron', 'electronegativity-reviewed.json'), 'utf8'));
const dir = mkdtempSync(path.join(tmpdir(), 'proprio-eneg-'));
const report = path.join(dir, 'findings.sarif');
try {
  const bin = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  execFileSync(process.execPath, [bin, '-i', path.join(root, 'electron'), '-e', electronVersion, '-o', report], { stdio: 'ignore', timeout: 120_000 });
  let sarif;
  try {
    sarif = JSON.parse(readFileSync(report, 'utf8'));
  } catch (error) {
    console.error(`lint:electron: Electronegativity wrote no readable report (${error.message}); treating that as a failure`);
    process.exit(1);
  }
  const findings = sarif.runs.flatMap((run) => run.results).map((result) => {
    const where = result.locations[0].physicalLocation;
    return {
      check: result.ruleId,
      file: path.relative(root, where.artifactLocation.uri),
      location: `${where.region.startLine}:${where.region.startColumn}`,
      message: result.message.text,
    };
  });
  const open = findings.filter((f) => reviewed[`${f.check} ${f.file}`] === undefined);
  for (const f of findings) {
    const mark = reviewed[`${f.check} ${f.file}`] === undefined ? 'NEW     ' : 'reviewed';
    console.log(`lint:electron: ${mark} ${f.check} ${f.file}:${f.location} (${f.message})`);
  }
  console.log(`lint:electron: ${findings.length} findings (Electron ${electronVersion}), ${open.length} not reviewed`);
  process.exit(open.length === 0 ? 0 : 1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
