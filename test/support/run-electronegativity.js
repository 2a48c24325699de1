#!/usr/bin/env node
// `npm run lint:electron`: Electronegativity over electron/, gated on its report, because the
// tool itself always exits 0 (SETUP.md). Fails on any high or medium finding (issue 7: none may
// remain; a line reviewed by hand carries the tool's own `eng-disable` mark and its reason), on
// any low finding not reviewed in electron/electronegativity-reviewed.json, and when the tool
// produced no report at all.
// The report is SARIF, not CSV: the tool writes its CSV header and rows with two unsynchronised
// fs.writeFile calls, and on a fresh machine the header once landed over the first row.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const reviewed = JSON.parse(readFileSync(path.join(root, 'electron', 'electronegativity-reviewed.json'), 'utf8'));
const dir = mkdtempSync(path.join(tmpdir(), 'proprio-eneg-'));
const report = path.join(dir, 'findings.sarif');
/** Table rows of the tool's console report: check, file, line, and two lines below, `SEVERITY | CONFIDENCE`. */
function severitiesFromTable(text) {
  const severities = new Map();
  let row;
  for (const line of stripVTControlCharacters(text).split('\n')) {
    const cells = line.split('│').map((cell) => cell.trim());
    const at = /^(\d+):\d+$/.exec(cells[3] ?? '');
    if (/_CHECK$/.test(cells[1] ?? '') && at !== null) row = `${cells[1]} ${path.relative(root, cells[2])}:${at[1]}`;
    const level = /^(HIGH|MEDIUM|LOW|INFORMATIONAL)\s*\|/.exec(cells[1] ?? '');
    if (level !== null && row !== undefined) {
      severities.set(row, level[1].toLowerCase());
      row = undefined;
    }
  }
  return severities;
}

try {
  const bin = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  const scan = ['-i', path.join(root, 'electron'), '-e', electronVersion];
  // Two scans at once: the SARIF report for the findings, the console table for their severity,
  // which the SARIF writer drops (it writes `note` for every manual-review finding, whatever its severity).
  const run = (extra) => promisify(execFile)(process.execPath, [bin, ...scan, ...extra], { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
  const [, table] = await Promise.all([run(['-o', report]), run([])]);
  const severities = severitiesFromTable(table.stdout);
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
      severity: severities.get(`${result.ruleId} ${path.relative(root, where.artifactLocation.uri)}:${where.region.startLine}`) ?? 'unknown',
    };
  });
  // A finding whose severity the table did not give counts as open: it cannot be shown to be low.
  const isLow = (f) => f.severity === 'low' || f.severity === 'informational';
  const open = findings.filter((f) => !isLow(f) || reviewed[`${f.check} ${f.file}`] === undefined);
  for (const f of findings) {
    const mark = open.includes(f) ? 'OPEN    ' : 'reviewed';
    console.log(`lint:electron: ${mark} ${f.severity.padEnd(6)} ${f.check} ${f.file}:${f.location} (${f.message})`);
  }
  const high = findings.filter((f) => f.severity === 'high').length;
  const medium = findings.filter((f) => f.severity === 'medium').length;
  console.log(`lint:electron: ${findings.length} findings (Electron ${electronVersion}): ${high} high, ${medium} medium, ${findings.length - high - medium} low, informational or unknown; ${open.length} open`);
  process.exit(open.length === 0 ? 0 : 1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
