/**
 * A linked pair of pseudo-terminals made by socat, for tests and benches that need a real
 * serial path through node-serialport's binding (DEVELOPERS.md: real serial, no mocks).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PtyPair {
  /** One end (the device side). */
  readonly devicePath: string;
  /** The other end (the app side). */
  readonly appPath: string;
  close(): Promise<void>;
}

export interface PtyPairOptions {
  readonly timeoutMs?: number;
  /** Pin socat to this CPU (benches keep the load generator off the reader's core). */
  readonly cpu?: number;
}

export async function openPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const dir = mkdtempSync(path.join(tmpdir(), 'proprio-pty-'));
  const devicePath = path.join(dir, 'device');
  const appPath = path.join(dir, 'app');
  const socatArgs = [`pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${appPath}`];
  const [command, args] = options.cpu === undefined ? ['socat', socatArgs] : ['taskset', ['-c', String(options.cpu), 'socat', ...socatArgs]];
  const socat: ChildProcess = spawn(command, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  socat.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + timeoutMs;
  while (!(existsSync(devicePath) && existsSync(appPath))) {
    if (socat.exitCode !== null || Date.now() > deadline) {
      socat.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`socat did not create the PTY pair: ${stderr || `exit ${socat.exitCode}`}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    devicePath,
    appPath,
    close: async () => {
      if (socat.exitCode === null) {
        const exited = new Promise((resolve) => socat.once('exit', resolve));
        socat.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
