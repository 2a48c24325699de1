/**
 * `proprio calibrate` as QA runs it: a real process against the built-in simulator (which places
 * the masses itself), and refusals of bad arguments with exit status 2.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/proprio.js', import.meta.url));
const PLAN = fileURLToPath(new URL('../../docs/calibration-plate-points.json', import.meta.url));

function proprio(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('proprio calibrate', () => {
  it('calibrates the simulated plate from a points file and prints the result beside the uncalibrated error', async () => {
    const run = await proprio(['calibrate', 'plate', '--port', 'sim:plate', '--points', PLAN]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/plate PF-600 PF6-\d+: PASSED/);
    expect(run.stdout).toMatch(/worst: COP 0\.\d+ mm, force 0\.\d+ % \(uncalibrated: COP \d+\.\d+ mm/);
  });

  it.each([
    [['calibrate'], /say which device/],
    [['calibrate', 'scale', '--port', 'sim:plate', '--points', PLAN], /say which device/],
    [['calibrate', 'plate', '--points', PLAN], /--port SPEC is required/],
    [['calibrate', 'plate', '--port', 'sim:plate'], /--points FILE\.json is required/],
    [['calibrate', 'plate', '--port', 'sim:table', '--points', PLAN], /sim:table is a table, not a plate/],
    [['calibrate', 'table', '--port', 'sim:plate', '--points', PLAN], /sim:plate is a plate, not a table/],
    [['calibrate', 'table', '--port', 'sim:table', '--points', PLAN], /levelsN: Invalid input: expected array.*Unrecognized keys/],
    [['calibrate', 'plate', '--port', 'sim:plate', '--points', '/nonexistent/points.json'], /cannot read \/nonexistent\/points\.json: ENOENT/],
    [['calibrate', 'plate', '--port', 'sim:plate', '--points', PLAN, '--interval-months', '0'], /--interval-months must be a number from 1 to 24/],
    [['calibrate', 'plate', '--port', 'sim:plate', '--points', PLAN, '--operator', 'a b'], /--operator must be a login name/],
    [['calibrate', 'plate', '--port', 'sim:plate', '--points', PLAN, '--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j with exit status 2 and a clear message', async (args, message) => {
    const run = await proprio(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
