/**
 * PTY front end: a pseudo-terminal the app opens like a USB serial port.
 *
 * socat links two PTYs: `<dir>/<name>-sim` (opened here with serialport, the device's end) and
 * `<dir>/<name>` (the path the app opens). A PTY ignores the baud rate (link.md §1); the device
 * paces its own output through the clock driver. unplug() closes the device end and stops socat,
 * so the app's path disappears and its port errors, like a USB unplug; replug() starts socat again
 * at the same path. socat is stopped on close(), on process exit, and — through a small shell
 * guard watching a pipe from this process — even if this process is killed outright. A temp dir
 * (this module's own, or one the caller marks `isTemporaryDir`, as `proprio sim` does) is removed
 * on close and on exit, and the guard removes it too once its socat is gone and it is empty
 * (`rmdir` never removes a directory that still holds another device's links), so a SIGKILL
 * leaves no /tmp/proprio-sim-* behind. replug() recreates it.
 * replug() and close() are re-entrant: concurrent calls share the one under way (two replugs never
 * start two socats), and unplug()/close() first let a replug under way finish, then undo it.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import type { FrontEnd } from './front-end.ts';
import type { PortBinding } from './stream-binding.ts';

export interface PtyOptions {
  /** Directory for the links; default: a new temp dir `proprio-sim-*`, removed on close. */
  readonly dir?: string;
  /**
   * `dir` is this run's own temporary directory (made by the caller): removed when empty by the
   * socat guard even if this process is killed, and on exit.
   */
  readonly isTemporaryDir?: boolean;
  /** Link name for the app's end; the device's end is `<name>-sim`. */
  readonly name?: string;
  /** socat binary; default `/usr/bin/socat` when present, else `socat` on PATH. */
  readonly socatPath?: string;
  /** How long to wait for socat's links. */
  readonly startTimeoutMs?: number;
}

/**
 * `$0` is socat, `$@` its arguments; EOF on stdin (we closed it, or died) stops socat. Once socat
 * is gone the guard removes its two links (`$PROPRIO_SIM_LINKS_A`/`_B`), then `$PROPRIO_SIM_RMDIR`
 * if set and empty, and exits with socat's status. The guard removes the links itself rather than
 * rely on socat's own clean-up alone: one CI dry run found the dir still there 5 s after a SIGKILL
 * of `proprio sim --pty` (the cause was not reproduced; socat did remove its links in every try).
 */
// (A background list's stdin is /dev/null in sh, so the pipe is passed on as fd 3.)
const SOCAT_GUARD =
  'exec 3<&0; "$0" "$@" 3<&- & pid=$!; ( read _ <&3; kill -TERM $pid 2>/dev/null ) & exec 3<&-; wait $pid; s=$?; ' +
  'rm -f "$PROPRIO_SIM_LINKS_A" "$PROPRIO_SIM_LINKS_B"; ' +
  '[ -n "$PROPRIO_SIM_RMDIR" ] && rmdir "$PROPRIO_SIM_RMDIR" 2>/dev/null; exit $s';

const liveChildren = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let isExitHookInstalled = false;

function installExitHook(): void {
  if (isExitHookInstalled) return;
  isExitHookInstalled = true;
  process.once('exit', () => {
    for (const child of liveChildren) child.stdin?.end();
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
}

export class PtyFrontEnd implements FrontEnd {
  readonly kind = 'pty';
  readonly path: string;
  private readonly simPath: string;
  private readonly dir: string;
  private readonly ownsDir: boolean;
  /** The dir is temporary (ours or the caller's): the guard removes it when empty. */
  private readonly isTemporaryDir: boolean;
  private socat: ChildProcess | null = null;
  private port: Duplex | null = null;
  private unplugged = true;
  private closed = false;
  private replugging: Promise<void> | null = null;
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly binding: PortBinding,
    private readonly options: PtyOptions,
    defaultName: string,
  ) {
    installExitHook();
    this.ownsDir = options.dir === undefined;
    this.isTemporaryDir = this.ownsDir || options.isTemporaryDir === true;
    this.dir = options.dir ?? mkdtempSync(join(tmpdir(), 'proprio-sim-'));
    if (this.isTemporaryDir) tempDirs.add(this.dir);
    const name = options.name ?? defaultName;
    this.path = join(this.dir, name);
    this.simPath = join(this.dir, `${name}-sim`);
  }

  static async open(binding: PortBinding, defaultName: string, options: PtyOptions = {}): Promise<PtyFrontEnd> {
    const frontEnd = new PtyFrontEnd(binding, options, defaultName);
    try {
      await frontEnd.replug();
    } catch (error) {
      await frontEnd.close();
      throw error;
    }
    return frontEnd;
  }

  get isUnplugged(): boolean {
    return this.unplugged;
  }

  /** Starts socat and opens the device end; a replug already under way is shared, not repeated. */
  replug(): Promise<void> {
    this.replugging ??= this.plugIn().finally(() => {
      this.replugging = null;
    });
    return this.replugging;
  }

  private async plugIn(): Promise<void> {
    if (this.closed || !this.unplugged) return;
    const socatPath = this.options.socatPath ?? (existsSync('/usr/bin/socat') ? '/usr/bin/socat' : 'socat');
    // The guard of the previous socat may have removed an empty temporary dir.
    if (this.isTemporaryDir) mkdirSync(this.dir, { recursive: true });
    // socat runs under a tiny shell that kills it when our end of its stdin pipe closes, so it
    // also goes away if this process dies without running its exit hooks (SIGKILL, crash).
    const child = spawn(
      '/bin/sh',
      ['-c', SOCAT_GUARD, socatPath, '-d', '-d', `pty,raw,echo=0,link=${this.simPath}`, `pty,raw,echo=0,link=${this.path}`],
      {
        stdio: ['pipe', 'ignore', 'pipe'],
        env: { ...process.env, PROPRIO_SIM_RMDIR: this.isTemporaryDir ? this.dir : '', PROPRIO_SIM_LINKS_A: this.simPath, PROPRIO_SIM_LINKS_B: this.path },
      },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    liveChildren.add(child);
    this.socat = child;
    const exited = new Promise<string>((resolve) => {
      child.once('error', (error) => resolve(error.message));
      child.once('exit', (code, signal) => resolve(`exit ${code ?? signal ?? '?'}`));
    });
    child.once('exit', () => {
      liveChildren.delete(child);
      if (this.socat === child) void this.socatDied();
    });
    await this.waitForLinks(exited, () => stderr);
    const { SerialPort } = await import('serialport');
    const port = new SerialPort({ path: this.simPath, baudRate: 1_500_000, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    this.port = port;
    this.unplugged = false;
    if (!this.closed) this.binding.attach(port); // (closing: the unplug waiting for us undoes it)
  }

  async unplug(): Promise<void> {
    await this.replugging?.catch(() => undefined);
    this.unplugged = true;
    const port = this.port;
    this.port = null;
    if (port !== null) {
      if (this.binding.current === port) this.binding.detach();
      await new Promise<void>((resolve) => {
        if (port.destroyed) resolve();
        else {
          port.once('close', () => resolve());
          port.destroy();
        }
      });
    }
    await this.stopSocat();
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.closed = true; // no replug starts from here on
    await this.unplug();
    if (this.ownsDir) {
      rmSync(this.dir, { recursive: true, force: true });
      tempDirs.delete(this.dir);
    }
  }

  private async waitForLinks(exited: Promise<string>, stderr: () => string): Promise<void> {
    const timeoutMs = this.options.startTimeoutMs ?? 5000;
    const exit: { reason: string | null } = { reason: null };
    void exited.then((reason) => {
      exit.reason = reason;
    });
    const startedAt = Date.now();
    while (!(existsSync(this.path) && existsSync(this.simPath))) {
      if (exit.reason !== null) throw new Error(`socat failed (${exit.reason}): ${stderr().trim().split('\n').pop() ?? ''}`);
      if (Date.now() - startedAt > timeoutMs) {
        await this.stopSocat();
        throw new Error(`socat did not create ${this.path} within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private async stopSocat(): Promise<void> {
    const child = this.socat;
    this.socat = null;
    if (child !== null && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.stdin?.end(); // the guard stops socat, then the shell exits
      });
    }
    // socat removes its links on a clean exit; make sure the app's path is gone either way.
    for (const link of [this.path, this.simPath]) {
      try {
        unlinkSync(link);
      } catch {
        // already gone
      }
    }
  }

  /** socat died on its own: behave like a cable glitch and bring the port back. */
  private async socatDied(): Promise<void> {
    if (this.closed || this.unplugged) return;
    await this.unplug();
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!this.closed) await this.replug().catch(() => undefined);
  }
}
