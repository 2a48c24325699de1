#!/usr/bin/env node
// `npm run lint:electron`: Electronegativity over electron/, gated on its CSV output, because the
// tool itself always exits 0 (SETUP.md). Fails on any finding not reviewed in
// electron/electronegativity-reviewed.json, and when the tool produced no report at all.
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
const csv = path.join(dir, 'findings.csv');
try {
  const bin = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  execFileSync(process.execPath, [bin, '-i', path.join(root, 'electron'), '-e', electronVersion, '-o', csv], { stdio: 'ignore', timeout: 120_000 });
  let text;
  try {
    text = readFileSync(csv, 'utf8');
  } catch {
    console.error('lint:electron: Electronegativity wrote no report; treating that as a failure');
    process.exit(1);
  }
  const findings = text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [check, severity, confidence, file, location] = splitCsvLine(line);
      return { check, severity, confidence, file: path.relative(root, file ?? ''), location };
    });
  const open = findings.filter((f) => reviewed[`${f.check} ${f.file}`] === undefined);
  for (const f of findings) {
    const mark = reviewed[`${f.check} ${f.file}`] === undefined ? 'NEW     ' : 'reviewed';
    console.log(`lint:electron: ${mark} ${f.check} ${f.severity}/${f.confidence} ${f.file}:${f.location}`);
  }
  console.log(`lint:electron: ${findings.length} findings (Electron ${electronVersion}), ${open.length} not reviewed`);
  process.exit(open.length === 0 ? 0 : 1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** One CSV record: fields split on commas outside double quotes, quotes removed, "" kept as ". */
function splitCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      fields.push(field.trim());
      field = '';
    } else field += c;
  }
  fields.push(field.trim());
  return fields;
}
