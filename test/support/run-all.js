#!/usr/bin/env node
// `npm test`: every suite (STYLE.md §10). Runs Vitest (unit tests beside the code plus the
// cross-boundary suites under test/) and Playwright (test/e2e/) in three phases, one after the
// other (below), and ends with exactly one line `N passed, N failed` summing them all — the line CI
// reads.
// Neither runner prints that line itself (SETUP.md), so the counts come from their JSON reports.
//
// Honesty rules: skipped tests are not passes (they get their own line, with reasons where the
// runner records them); a test file that fails to load counts as a failure even though no test
// in it ran; a runner that crashes or exits non-zero while its report shows no failure counts as
// one failure, and the script exits non-zero whenever anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'proprio-tests-'));

function readJson(file) {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

/** Turns Vitest's JSON report (Jest-compatible shape) into counts. */
function vitestCounts(exitCode, report) {
  if (!report) return { passed: 0, failed: 1, skipped: 0, notes: [`vitest crashed (exit ${exitCode}) and wrote no report`] };
  const notes = [];
  let failed = report.numFailedTests;
  // A file that fails to import or throws at top level has status "failed" but no failed test.
  for (const file of report.testResults ?? []) {
    const hasFailedTest = (file.assertionResults ?? []).some((t) => t.status === 'failed');
    if (file.status === 'failed' && !hasFailedTest) {
      failed += 1;
      notes.push(`vitest: ${path.relative(root, file.name)} failed outside any test: ${String(file.message ?? '').split('\n')[0]}`);
    }
  }
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    notes.push(`vitest exited ${exitCode} although no test failed (an unhandled error?); counted as 1 failure`);
  }
  if (report.numTotalTests === 0) notes.push('vitest: found no test files');
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests, notes };
}

/** Walks Playwright's JSON report for skipped tests and why they were skipped. */
function playwrightSkips(report) {
  const reasons = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        const why = (t.annotations ?? []).find((a) => a.type === 'skip')?.description;
        reasons.push(`playwright: skipped "${spec.title}"${why ? ` — ${why}` : ''}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return reasons;
}

/** Turns Playwright's JSON report into counts. A flaky test (passed on retry) counts as passed. */
function playwrightCounts(exitCode, report) {
  if (!report?.stats) return { passed: 0, failed: 1, skipped: 0, notes: [`playwright crashed (exit ${exitCode}) and wrote no report`] };
  const { expected, unexpected, flaky, skipped } = report.stats;
  const notes = playwrightSkips(report);
  let failed = unexpected;
  for (const error of report.errors ?? []) {
    failed += 1;
    notes.push(`playwright: error outside any test: ${String(error.message ?? '').split('\n')[0]}`);
  }
  if (flaky > 0) notes.push(`playwright: ${flaky} flaky test(s) passed only on retry`);
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    notes.push(`playwright exited ${exitCode} although no test failed; counted as 1 failure`);
  }
  if (expected + unexpected + flaky + skipped === 0) notes.push('playwright: found no tests');
  return { passed: expected + flaky, failed, skipped, notes };
}

/** Runs a runner to its end, its output on the terminal; resolves with its exit code. */
function start(label, args, { env = {} } = {}) {
  console.log(`\n── ${label}: ${args.map((a) => path.relative(root, a) || a).join(' ')}`);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`${label}: could not start: ${error.message}`);
      resolve(-1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const vitestArgs = (report, projects) => [
  path.join(root, 'node_modules/vitest/vitest.mjs'),
  'run',
  ...projects.flatMap((name) => ['--project', name]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
  // An empty run is reported as 0 tests below rather than as a crash.
  '--passWithNoTests',
];

let totals;
try {
  // Phase 1: Vitest's unit and cross-boundary suites, two files at a time. Phase 2: Playwright's browser specs. Phase 3: the
  // real-time suites (REAL_TIME_SUITES), alone. Each phase alone: with the browser specs beside
  // Vitest, the simulated table's 500 ms watchdog (250 ms at the specs' time scale) lapsed.
  const reports = { main: path.join(tmp, 'vitest.json'), realTime: path.join(tmp, 'vitest-real-time.json') };
  const playwrightReport = path.join(tmp, 'playwright.json');
  const mainExit = await start('vitest (unit, cross)', vitestArgs(reports.main, ['unit', 'cross']));
  const playwrightExit = await start('playwright', [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '--reporter=list,json', '--pass-with-no-tests'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport },
  });
  const realTimeExit = await start('vitest (real-time)', vitestArgs(reports.realTime, ['real-time']));

  const vitestParts = [vitestCounts(mainExit, readJson(reports.main)), vitestCounts(realTimeExit, readJson(reports.realTime))];
  const vitest = {
    passed: vitestParts.reduce((sum, part) => sum + part.passed, 0),
    failed: vitestParts.reduce((sum, part) => sum + part.failed, 0),
    skipped: vitestParts.reduce((sum, part) => sum + part.skipped, 0),
    notes: vitestParts.flatMap((part) => part.notes),
  };
  const playwright = playwrightCounts(playwrightExit, readJson(playwrightReport));

  console.log('');
  for (const note of [...vitest.notes, ...playwright.notes]) console.log(note);
  // Worded unlike the closing line on purpose, so nothing reading the output mistakes a
  // per-runner line for the total.
  console.log(`vitest — passed ${vitest.passed}, failed ${vitest.failed}, skipped ${vitest.skipped}`);
  console.log(`playwright — passed ${playwright.passed}, failed ${playwright.failed}, skipped ${playwright.skipped}`);
  totals = {
    passed: vitest.passed + playwright.passed,
    failed: vitest.failed + playwright.failed,
    skipped: vitest.skipped + playwright.skipped,
  };
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`skipped (not counted as passed): ${totals.skipped}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
