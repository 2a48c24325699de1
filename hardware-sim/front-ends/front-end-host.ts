/**
 * The simulator's one serial port and the front end currently carrying it.
 *
 * A device has one port, so one front end is active at a time: starting another closes the one
 * before (its host sees the port close). unplug/replug act on the active front end.
 */
import type { Duplex } from 'node:stream';
import type { FrontEnd } from './front-end.ts';
import { InProcessFrontEnd } from './in-process.ts';
import { PtyFrontEnd } from './pty.ts';
import type { PtyOptions } from './pty.ts';
import type { StreamBinding } from './stream-binding.ts';
import { TcpFrontEnd } from './tcp.ts';
import type { TcpOptions } from './tcp.ts';

export interface PtyEndpoint {
  /** The path the app opens, e.g. `/tmp/proprio-sim-abc/plate`. Stable across unplug/replug. */
  readonly path: string;
  close(): Promise<void>;
}

export interface TcpEndpoint {
  /** `tcp://127.0.0.1:PORT`. Stable across unplug/replug. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export class FrontEndHost {
  private active: FrontEnd | null = null;

  constructor(
    private readonly binding: StreamBinding,
    private readonly defaultPtyName: string,
  ) {}

  get current(): FrontEnd | null {
    return this.active;
  }

  connectInProcess(): Duplex {
    let frontEnd = this.active;
    if (!(frontEnd instanceof InProcessFrontEnd)) {
      this.retire();
      frontEnd = new InProcessFrontEnd(this.binding);
      this.active = frontEnd;
    }
    return (frontEnd as InProcessFrontEnd).connect();
  }

  async servePty(options: PtyOptions = {}): Promise<PtyEndpoint> {
    this.retire();
    const frontEnd = await PtyFrontEnd.open(this.binding, this.defaultPtyName, options);
    this.active = frontEnd;
    return { path: frontEnd.path, close: () => this.closeIfActive(frontEnd) };
  }

  async serveTcp(options: TcpOptions = {}): Promise<TcpEndpoint> {
    this.retire();
    const frontEnd = await TcpFrontEnd.open(this.binding, options);
    this.active = frontEnd;
    return { url: frontEnd.url, port: frontEnd.port, close: () => this.closeIfActive(frontEnd) };
  }

  async unplug(): Promise<void> {
    await this.active?.unplug();
  }

  async replug(): Promise<void> {
    await this.active?.replug();
  }

  async close(): Promise<void> {
    const frontEnd = this.active;
    this.active = null;
    await frontEnd?.close();
  }

  private async closeIfActive(frontEnd: FrontEnd): Promise<void> {
    if (this.active === frontEnd) this.active = null;
    await frontEnd.close();
  }

  /** Closes the active front end without waiting (a synchronous switch of front end). */
  private retire(): void {
    const frontEnd = this.active;
    this.active = null;
    this.binding.detach();
    void frontEnd?.close().catch(() => undefined);
  }
}
