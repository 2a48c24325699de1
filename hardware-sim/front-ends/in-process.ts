/**
 * In-process front end: the app gets a `node:stream` Duplex, writes host lines into it and reads
 * device bytes from it, with no OS port in between (tests, bench, single-process demo mode).
 *
 * `connect()` returns a fresh Duplex and closes the previous one (reopening a port). After
 * `unplug()` the current Duplex is destroyed (the app sees 'close') and `connect()` throws, as
 * opening a missing port does, until `replug()`.
 */
import type { Duplex } from 'node:stream';
import { createDuplexPair } from './duplex-pair.ts';
import type { FrontEnd } from './front-end.ts';
import type { PortBinding } from './stream-binding.ts';

export class PortUnpluggedError extends Error {
  readonly isUnplugged = true;
  constructor(what: string) {
    super(`${what}: device unplugged`);
    this.name = 'PortUnpluggedError';
  }
}

export class InProcessFrontEnd implements FrontEnd {
  readonly kind = 'in-process';
  private unplugged = false;
  private hostEnd: Duplex | null = null;
  private deviceEnd: Duplex | null = null;

  constructor(private readonly binding: PortBinding) {}

  get isUnplugged(): boolean {
    return this.unplugged;
  }

  connect(): Duplex {
    if (this.unplugged) throw new PortUnpluggedError('connectInProcess');
    this.dropCurrent();
    const { a, b } = createDuplexPair();
    this.deviceEnd = a;
    this.hostEnd = b;
    this.binding.attach(a);
    return b;
  }

  async unplug(): Promise<void> {
    this.unplugged = true;
    this.dropCurrent();
  }

  async replug(): Promise<void> {
    this.unplugged = false;
  }

  async close(): Promise<void> {
    this.dropCurrent();
  }

  private dropCurrent(): void {
    const deviceEnd = this.deviceEnd;
    if (deviceEnd !== null && this.binding.current === deviceEnd) this.binding.detach();
    // Ending before destroying lets a reader that is keeping up see 'end' as well as 'close'.
    this.hostEnd?.push(null);
    deviceEnd?.destroy();
    this.hostEnd?.destroy();
    this.deviceEnd = null;
    this.hostEnd = null;
  }
}
