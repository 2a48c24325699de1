/**
 * The `proprio` command as QA and technicians run it: real processes, real PTYs and sockets.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/proprio.js', import.meta.url));
let children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children = [];
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[], timeoutMs = 20_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => reject(new Error(`proprio ${args.join(' ')} still running after ${timeoutMs} ms:\n${stdout}\n${stderr}`)), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts `proprio sim` and resolves with the lines that say where to connect. */
function startSim(args: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'sim', ...args]);
    children.push(child);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n').filter((line) => / at (\S+) \((pty|tcp)\)|tcp:\/\//.test(line));
      if (lines.length >= (args.includes('both') ? 2 : 1)) resolve(lines);
    });
    child.on('exit', (code) => reject(new Error(`proprio sim exited with ${code}: ${out}`)));
  });
}

describe('proprio', () => {
  it('prints its commands with --help and refuses an unknown command with exit code 2', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/monitor PORT/);
    const bad = await run(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown command "frobnicate"/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('ports lists the simulated devices next to whatever serial ports this machine has', async () => {
    const ports = await run(['ports']);
    expect(ports.code).toBe(0);
    expect(ports.stdout).toMatch(/^sim:plate +sim:plate \(simulator\)$/m);
    expect(ports.stdout).toMatch(/^sim:table +sim:table \(simulator\)$/m);
  });

  it('monitor refuses bad arguments with one clear line and no stack trace', async () => {
    const noDevice = await run(['monitor', '/dev/ttyUSB0']);
    expect(noDevice.code).toBe(2);
    expect(noDevice.stderr.split('\n')[0]).toBe('proprio monitor: --device plate|table is required for /dev/ttyUSB0');
    const badRate = await run(['monitor', '/dev/ttyUSB0', '--device', 'plate', '--rate', 'fast']);
    expect(badRate.code).toBe(2);
    expect(badRate.stderr.split('\n')[0]).toBe('proprio monitor: --rate must be a number from 100 to 2000, not "fast"');
    const missing = await run(['monitor', '/dev/proprio-no-such-port', '--device', 'plate', '--duration', '0.5', '--json']);
    expect(missing.code).toBe(0);
    // A missing port is not a crash: the monitor keeps retrying and says why.
    expect(missing.stdout).toMatch(/device {2}at \/dev\/proprio-no-such-port {2}— retrying in \d+ ms — not-found: /);
  });

  it('sim serves the plate on a PTY and monitor reads it through the real serial binding', async () => {
    const [where] = await startSim(['--device', 'plate', '--pty', '--seed', '5']);
    const path = / at (\S+) \(pty\)/.exec(where ?? '')?.[1];
    expect(path).toBeDefined();
    const monitor = await run(['monitor', path ?? '', '--device', 'plate', '--duration', '2', '--json']);
    expect(monitor.code).toBe(0);
    expect(monitor.stdout).toMatch(/PF-600 {2}serial \S+ {2}fw \d+\.\d+\.\d+/);
    expect(monitor.stdout).toMatch(/COP x [+-]\d+\.\d mm {2}y [+-]\d+\.\d mm/);
    const summary = JSON.parse(monitor.stdout.trim().split('\n').pop() ?? '{}') as { stream: { samples: number; lostSamples: number } };
    expect(summary.stream.samples).toBeGreaterThan(1000);
    expect(summary.stream.lostSamples).toBe(0);
  }, 30_000);

  it('sim serves the table over TCP and monitor shows its telemetry', async () => {
    const [where] = await startSim(['--device', 'table', '--tcp', '0', '--seed', '6']);
    const url = /tcp:\/\/127\.0\.0\.1:\d+/.exec(where ?? '')?.[0];
    expect(url).toBeDefined();
    const monitor = await run(['monitor', url ?? '', '--device', 'table', '--duration', '1.5', '--json']);
    expect(monitor.code).toBe(0);
    expect(monitor.stdout).toMatch(/DT-9 {2}serial/);
    expect(monitor.stdout).toMatch(/state {5}IDLE {2}no region/);
    expect(monitor.stdout).toMatch(/host ok/);
  }, 30_000);

  it('start says in one line why Electron cannot start, then serves browser mode with the simulated devices', async () => {
    const start = await run(['start', '--simulate', '--duration', '3', '--db', path.join(mkdtempSync(path.join(tmpdir(), 'proprio-start-')), 'proprio.sqlite')]);
    expect(start.code).toBe(0);
    const [first, second] = start.stdout.split('\n');
    expect(first).toMatch(/^Proprio: Electron cannot start here \([^()]+\); starting browser mode instead — open the address below\.$/);
    expect(second).toMatch(/^Proprio running at http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  }, 60_000);

  it('stops at Ctrl-C long before --duration, and exits cleanly when its output pipe closes', async () => {
    const child = spawn(process.execPath, [BIN, 'monitor', 'sim:table', '--duration', '600', '--refresh', '50']);
    children.push(child);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const interruptedAt = performance.now();
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(performance.now() - interruptedAt).toBeLessThan(3000);

    const piped = spawn(process.execPath, [BIN, 'monitor', 'sim:plate', '--duration', '600', '--refresh', '50']);
    children.push(piped);
    let stderr = '';
    piped.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const pipedExit = new Promise<number | null>((resolve) => piped.on('exit', resolve));
    await new Promise<void>((resolve) => piped.stdout.once('data', () => resolve()));
    piped.stdout.destroy();
    expect(await pipedExit).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Error/);
  }, 30_000);
});
