/**
 * The simulator's one serial port and the front end currently carrying it.
 *
 * A device has one port, so one front end is active at a time: starting another closes the one
 * before (its host sees the port close). unplug/replug act on the active front end.
 * Opening a PTY or TCP front end takes time (socat, listen). A front end still opening when it is
 * retired — another front end started, or close() — is closed as soon as it has opened, and its
 * servePty()/serveTcp() rejects with FrontEndRetiredError; close() waits for that, so nothing
 * (no socat, no listening socket) outlives it. Each front end gets a view of the binding that
 * attaches only while it is the current one, so a late opener never takes the port from the new one.
 */
import type { Duplex } from 'node:stream';
import type { FrontEnd } from './front-end.ts';
import { InProcessFrontEnd } from './in-process.ts';
import { PtyFrontEnd } from './pty.ts';
import type { PtyOptions } from './pty.ts';
import type { PortBinding, StreamBinding } from './stream-binding.ts';
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

/** A servePty()/serveTcp() whose front end was retired (replaced or closed) while it opened. */
export class FrontEndRetiredError extends Error {
  constructor(what: string) {
    super(`${what}: replaced or closed while it was opening`);
    this.name = 'FrontEndRetiredError';
  }
}

export class FrontEndHost {
  private active: FrontEnd | null = null;
  /** Bumped whenever the front end changes (or all close): a front end belongs to one generation. */
  private generation = 0;
  private isClosed = false;
  private readonly opening = new Set<Promise<FrontEnd>>();

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
      frontEnd = new InProcessFrontEnd(this.bindingFor(this.generation));
      this.active = frontEnd;
    }
    return (frontEnd as InProcessFrontEnd).connect();
  }

  async servePty(options: PtyOptions = {}): Promise<PtyEndpoint> {
    const frontEnd = await this.open('servePty', (binding) => PtyFrontEnd.open(binding, this.defaultPtyName, options));
    return { path: frontEnd.path, close: () => this.closeIfActive(frontEnd) };
  }

  async serveTcp(options: TcpOptions = {}): Promise<TcpEndpoint> {
    const frontEnd = await this.open('serveTcp', (binding) => TcpFrontEnd.open(binding, options));
    return { url: frontEnd.url, port: frontEnd.port, close: () => this.closeIfActive(frontEnd) };
  }

  async unplug(): Promise<void> {
    await this.active?.unplug();
  }

  async replug(): Promise<void> {
    await this.active?.replug();
  }

  async close(): Promise<void> {
    this.isClosed = true;
    const frontEnd = this.active;
    this.active = null;
    this.generation++;
    this.binding.detach();
    await frontEnd?.close();
    // Front ends still opening close themselves once open (see open()); wait for them.
    await Promise.allSettled([...this.opening]);
  }

  private async closeIfActive(frontEnd: FrontEnd): Promise<void> {
    if (this.active === frontEnd) this.active = null;
    await frontEnd.close();
  }

  /** Opens a front end for a new generation; closes it instead if it was retired meanwhile. */
  private async open<F extends FrontEnd>(what: string, start: (binding: PortBinding) => Promise<F>): Promise<F> {
    if (this.isClosed) throw new FrontEndRetiredError(what);
    this.retire();
    const generation = this.generation;
    const task = (async (): Promise<F> => {
      const frontEnd = await start(this.bindingFor(generation));
      if (!this.isCurrent(generation)) {
        await frontEnd.close();
        throw new FrontEndRetiredError(what);
      }
      this.active = frontEnd;
      return frontEnd;
    })();
    this.opening.add(task);
    try {
      return await task;
    } finally {
      this.opening.delete(task);
    }
  }

  private isCurrent(generation: number): boolean {
    return !this.isClosed && this.generation === generation;
  }

  /** The binding as one generation's front end sees it: attaching is ignored once it is retired. */
  private bindingFor(generation: number): PortBinding {
    const binding = this.binding;
    return {
      get current() {
        return binding.current;
      },
      attach: (stream) => {
        if (this.isCurrent(generation)) binding.attach(stream);
      },
      detach: () => binding.detach(),
    };
  }

  /** Closes the active front end without waiting (a synchronous switch of front end). */
  private retire(): void {
    const frontEnd = this.active;
    this.active = null;
    this.generation++;
    this.binding.detach();
    void frontEnd?.close().catch(() => undefined);
  }
}
