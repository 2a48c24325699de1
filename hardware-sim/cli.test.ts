import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { runSimCli } from './cli.ts';
import { waitFor } from './testing/wait-for.ts';

const CLI_MAIN = fileURLToPath(new URL('./testing/run-sim-cli.ts', import.meta.url));

/** Starts the CLI in a child process; resolves with it and the paths it printed. */
function startCli(args: readonly string[], devices: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const paths = new Promise<string[]>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = [...out.matchAll(/ at (\S+) \(pty\)/g)].map((m) => m[1] ?? '');
      if (found.length >= devices) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`sim exited ${code}: ${out} ${err}`)));
  });
  return { child, paths };
}

function capture() {
  const out: string[] = [];
  const errors: string[] = [];
  return { out, errors, io: { out: (l: string) => out.push(l), err: (l: string) => errors.push(l) } };
}

describe('runSimCli', () => {
  it('exits 2 with one line and no stack trace on bad arguments', async () => {
    const c = capture();
    expect(await runSimCli(['--rate', 'x'], c.io)).toBe(2);
    expect(c.errors).toEqual(['proprio sim: --rate needs an integer from 100 to 2000, got "x" (see --help)']);
    expect(c.out).toEqual([]);
  });

  it('prints usage with the fault list for --help', async () => {
    const c = capture();
    expect(await runSimCli(['--help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/usage: proprio sim/);
    expect(c.out.join('\n')).toMatch(/garble=/);
  });

  it('serves both devices on TCP, prints where to connect, and stops cleanly', async () => {
    const c = capture();
    let stop = (): void => {};
    const untilStopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = runSimCli(['--tcp', '--seed', '9', '--fault', 'garble=0.01'], { ...c.io, untilStopped });
    for (let i = 0; i < 200 && c.out.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(c.out[0]).toMatch(/^plate PF-600 serial PF6-00009 at tcp:\/\/127\.0\.0\.1:\d+ \(tcp\)$/);
    expect(c.out[1]).toMatch(/^table DT-9 serial DT9-00009 at tcp:\/\/127\.0\.0\.1:\d+ \(tcp\)$/);
    stop();
    expect(await running).toBe(0);
    expect(c.errors).toEqual([]);
  });

  it('a SIGKILLed `proprio sim --pty` leaves no /tmp/proprio-sim-* directory behind (nor socat)', async () => {
    for (const [device, count] of [['table', 1], ['both', 2]] as const) {
      const { child, paths } = startCli(['--device', device, '--pty'], count);
      const found = await paths;
      const dir = dirname(found[0] ?? '');
      expect(dir).toMatch(/proprio-sim-/);
      expect(found.every((path) => existsSync(path))).toBe(true);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      await waitFor(() => !existsSync(dir), 5000, `${dir} to be removed`);
      await waitFor(() => !execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).includes(dir), 5000, 'socat to exit');
    }
  });

  it('exits 1 with one line when a device cannot start', async () => {
    const c = capture();
    const blocker = await import('node:net').then(
      (net) =>
        new Promise<import('node:net').Server>((resolve) => {
          const server = net.createServer();
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    );
    const port = (blocker.address() as import('node:net').AddressInfo).port;
    expect(await runSimCli(['--device', 'table', '--tcp', String(port)], { ...c.io, untilStopped: Promise.resolve() })).toBe(1);
    expect(c.errors.length).toBe(1);
    expect(c.errors[0]).toMatch(/^proprio sim: could not start: .*EADDRINUSE/);
    blocker.close();
  });
});
