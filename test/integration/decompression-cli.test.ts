/**
 * `proprio run-decompression` as QA runs it: a real process, the built-in simulator on compressed
 * time; bad arguments end with exit status 2 and one clear line, before any device is touched.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/proprio.js', import.meta.url));

function run(args: readonly string[], timeoutMs = 40_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'run-decompression', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('proprio run-decompression', () => {
  it('runs a program against sim:table: prints the timeline, every set-point, the end, and a JSON summary', async () => {
    const result = await run(['--port', 'sim:table', '--program', 'intermittent', '--hold', '3', '--rest', '2', '--minutes', '0.15', '--time-scale', '4', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^program intermittent lumbar, max 177\.9 N \(40\.0 lbf\)/);
    expect(result.stdout).toMatch(/^ +0\.0 {2}ramp-up +0\.0 → +177\.9$/m);
    expect(result.stdout).toMatch(/\$SET 177\.9 N at 44\.4 N\/s/);
    expect(result.stdout).toMatch(/\$STOP at 44\.4 N\/s/);
    expect(result.stdout).toMatch(/done \(completed\)/);
    const summary = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { phase: unknown; alarms: unknown[]; setpoints: number };
    expect(summary.phase).toEqual({ kind: 'done', outcome: 'completed' });
    expect(summary.alarms).toEqual([]);
    expect(summary.setpoints).toBe(3); // ramp-up, hold, ramp-down (cut at 9 s by the end of treatment)
  }, 60_000);

  it('refuses bad arguments and an out-of-envelope prescription with exit status 2 and one line', async () => {
    for (const [args, message] of [
      [['--program', 'static'], 'proprio run-decompression: --port SPEC is required'],
      [['--port', 'sim:table', '--program', 'static', '--time-scale', 'fast'], 'proprio run-decompression: --time-scale must be a number from 1 to 10, not "fast"'],
      [['--port', 'sim:table', '--program', 'static', '--max-lbf', '60'], 'proprio run-decompression: prescription refused: requested 266.9 N > allowed 177.9 N'],
    ] as const) {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(message);
      expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(result.stdout).toBe('');
    }
  }, 60_000);
});
