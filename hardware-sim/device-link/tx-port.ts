/**
 * The device's transmit side: a bounded buffer between the firmware and whatever carries the
 * bytes (in-process stream, PTY, TCP socket).
 *
 * Spec: link.md §1 (a PTY or USB CDC ignores the baud rate, so the device paces its own output)
 * and plate.md §5 (`DEVICE_OVERFLOW`: the transmit buffer overflowed and samples were discarded).
 * Lines pass the fault injector as they are sent, then wait here until `pump()` hands everything
 * due to the sink in one write (the clock driver pumps after every advance, i.e. every few ms in
 * real time). The sink's backpressure is respected: after a `write` returns false nothing more is
 * written until `drained()`. While blocked or held by a latency burst the buffer fills; droppable
 * lines (samples) that do not fit are refused so the firmware can flag the loss, other lines
 * (replies, events) are always queued. Without a sink (unplugged) lines go nowhere, as on a
 * UART with no cable.
 */
import type { FaultCounters } from '../faults/fault-counters.ts';
import type { LinkFaultInjector } from '../faults/link-faults.ts';

/** Where the device's bytes go. `write` returns false when the receiver wants a pause (Node stream semantics). */
export interface ByteSink {
  write(chunk: Buffer): boolean;
}

/** Default transmit buffer: ~0.6 s of plate output at 2000 Hz. */
export const DEFAULT_TX_CAPACITY_BYTES = 64 * 1024;
const LONGEST_WIRE_LINE = 121;

export class TxPort {
  private sink: ByteSink | null = null;
  private queue: string[] = [];
  private queuedBytes = 0;
  private isBlocked = false;
  private holdUntilUs = 0;

  constructor(
    private readonly injector: LinkFaultInjector,
    private readonly counters: FaultCounters,
    private readonly capacityBytes = DEFAULT_TX_CAPACITY_BYTES,
  ) {}

  get isAttached(): boolean {
    return this.sink !== null;
  }

  /** Bytes waiting to be written. */
  get pendingBytes(): number {
    return this.queuedBytes;
  }

  attach(sink: ByteSink): void {
    this.sink = sink;
    this.isBlocked = false;
    this.clear();
  }

  /** Forgets the sink and anything not yet written: the cable is gone. */
  detach(sink?: ByteSink): void {
    if (sink !== undefined && sink !== this.sink) return;
    this.sink = null;
    this.isBlocked = false;
    this.clear();
  }

  /** The sink can take more after a `write` returned false. */
  drained(): void {
    this.isBlocked = false;
  }

  /** Whether a droppable line still fits; false means the firmware must discard it (and flag it). */
  hasRoomForDroppable(): boolean {
    return this.sink === null || this.queuedBytes + LONGEST_WIRE_LINE <= this.capacityBytes;
  }

  /** Sends one line (without LF) that already carries its seq: faults apply here. */
  send(line: string, nowUs: number): void {
    this.counters.linesSent++;
    if (this.sink === null) {
      this.counters.linesUnplugged++;
      return;
    }
    const wire = this.injector.outgoing(line);
    const holdUntil = this.injector.latencyBurstUntil(nowUs);
    if (holdUntil !== null) this.holdUntilUs = Math.max(this.holdUntilUs, holdUntil);
    if (wire === null) return;
    this.queue.push(wire);
    this.queuedBytes += wire.length;
  }

  /** Writes everything due to the sink in one chunk, unless blocked or held by a latency burst. */
  pump(nowUs: number): void {
    const sink = this.sink;
    if (sink === null || this.isBlocked || nowUs < this.holdUntilUs || this.queue.length === 0) return;
    const chunk = Buffer.from(this.queue.join(''), 'latin1');
    this.clear();
    this.isBlocked = !sink.write(chunk);
  }

  private clear(): void {
    this.queue = [];
    this.queuedBytes = 0;
  }
}
