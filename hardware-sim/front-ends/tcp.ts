/**
 * TCP front end: a loopback server that behaves like a serial device server (link.md §1: raw
 * socket, one connection).
 *
 * Listens on 127.0.0.1 only. One client at a time: a new connection replaces the old one (the old
 * socket is destroyed), as when a device server is re-opened after a host crash. unplug()
 * destroys the socket and stops listening, so connecting is refused; replug() listens again on
 * the same port.
 */
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { FrontEnd } from './front-end.ts';
import type { PortBinding } from './stream-binding.ts';

export interface TcpOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
}

const HOST = '127.0.0.1';

export class TcpFrontEnd implements FrontEnd {
  readonly kind = 'tcp';
  private server: Server | null = null;
  private socket: Socket | null = null;
  private portNumber: number;
  private unplugged = true;
  private closed = false;

  private constructor(
    private readonly binding: PortBinding,
    port: number,
  ) {
    this.portNumber = port;
  }

  static async open(binding: PortBinding, options: TcpOptions = {}): Promise<TcpFrontEnd> {
    const frontEnd = new TcpFrontEnd(binding, options.port ?? 0);
    await frontEnd.replug();
    return frontEnd;
  }

  get port(): number {
    return this.portNumber;
  }

  get url(): string {
    return `tcp://${HOST}:${this.portNumber}`;
  }

  get isUnplugged(): boolean {
    return this.unplugged;
  }

  async replug(): Promise<void> {
    if (this.closed || !this.unplugged) return;
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.portNumber, HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', () => {});
    this.portNumber = (server.address() as AddressInfo).port;
    this.server = server;
    this.unplugged = false;
  }

  async unplug(): Promise<void> {
    this.unplugged = true;
    this.dropSocket();
    const server = this.server;
    this.server = null;
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.unplug();
  }

  private accept(socket: Socket): void {
    if (this.unplugged) {
      socket.destroy();
      return;
    }
    this.dropSocket();
    socket.setNoDelay(true);
    this.socket = socket;
    socket.once('close', () => {
      if (this.socket === socket) this.socket = null;
    });
    this.binding.attach(socket);
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.socket = null;
    if (socket === null) return;
    if (this.binding.current === socket) this.binding.detach();
    socket.destroy();
  }
}
