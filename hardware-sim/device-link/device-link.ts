/**
 * The device side of the link layer, shared by the plate and table firmware.
 *
 * Spec: docs/protocols/link.md §2.2 (bad host lines are counted by class, never answered, never
 * change state), §3 (seq: own transmit counter, gap counting after the handshake), §4 (one reply
 * per command within 20 ms, never-twice rule with a 16-command memory), §5 (handshake: version and
 * schema hash, link reset with the ACK carrying seq 0, refusal code 5 before it), §6 (`%HB` after
 * 250 ms without any other line).
 * The device-specific part (what a command does, identity keys, which commands are urgent) comes
 * in through `LinkBehaviour`. Commands run `replyLatency` after their LF, in arrival order, except
 * urgent ones (table `$RELEASE`, `$STOP`), which skip the queue (STYLE §8, grbl's realtime
 * commands). An urgent command is never overtaken by one the host sent before it: when it runs,
 * the queued commands that arrived before it run first, at the same instant, so it has the last
 * word ($SET then $STOP: the stop wins; $ARM then $RELEASE: the release wins), and it is not
 * delayed either.
 * `$HELLO` bypasses the command memory (it may be repeated at any time, §5.3), and a command the
 * behaviour marks always-executed (table `$RELEASE`) runs even when its id is remembered.
 */
import type { Scheduler } from '../clock/scheduler.ts';
import type { FaultCounters } from '../faults/fault-counters.ts';
import type { LinkFaultInjector } from '../faults/link-faults.ts';
import type { Prng } from '../random/prng.ts';
import type { LineError, LineErrorClass } from '../spec-codec/line-frame.ts';
import { LineSplitter } from '../spec-codec/line-splitter.ts';
import { NAK } from '../spec-codec/link-messages.ts';
import type { DecodedHostLine, HelloCommand, Reply } from '../spec-codec/link-messages.ts';
import type { Details } from '../spec-codec/message-codec.ts';
import type { Result } from '../spec-codec/result.ts';
import { LINK_PROTOCOL_VERSION } from '../spec-codec/schema-hash.ts';
import { CommandMemory } from './command-memory.ts';
import type { TxPort } from './tx-port.ts';

export interface DeviceCommand {
  readonly kind: string;
  readonly id: number;
}

export type HostMessage<C> = { readonly kind: 'command'; readonly command: C } | { readonly kind: 'heartbeat' };
type DeviceHeartbeat = { readonly kind: 'heartbeat'; readonly tUs: number };

export interface LinkBehaviour<C extends DeviceCommand> {
  readonly schemaHash: string;
  /** Keys of the `$HELLO` ACK (model, serial, fw, proto, hash). */
  identity(): Details;
  /** A `$HELLO` was accepted: reset what the device resets (the plate stops streaming). */
  helloAccepted(nowUs: number): void;
  /** Executes any command but `$HELLO` once the link checks passed. */
  execute(command: C, nowUs: number): Reply;
  /** Executed even before a handshake (the table's `$RELEASE`: a release must never be refused). */
  isAllowedBeforeHello(command: C): boolean;
  /** Skips the command queue and is never answered busy. */
  isUrgent(command: C): boolean;
  /**
   * Executed whatever the command memory says: never refused with 7 (id reused). For a command
   * that must never be refused and is idempotent (the table's `$RELEASE`, table.md §4).
   */
  isAlwaysExecuted(command: C): boolean;
  /** Any valid host line arrived (watchdogs, link.md §6). */
  hostLineReceived(nowUs: number): void;
}

export interface DeviceLinkOptions<C extends DeviceCommand, D> {
  readonly scheduler: Scheduler;
  readonly tx: TxPort;
  readonly injector: LinkFaultInjector;
  readonly counters: FaultCounters;
  /** Reply latency jitter. */
  readonly prng: Prng;
  readonly decodeHost: (line: string) => Result<DecodedHostLine<HostMessage<C | HelloCommand>>, LineError>;
  readonly encodeDevice: (seq: number, message: D | Reply | DeviceHeartbeat) => string;
  readonly behaviour: LinkBehaviour<C>;
}

const SEQ_MODULUS = 2 ** 32;
const HEARTBEAT_SILENCE_US = 250_000;
const QUEUED_LATENCY_MIN_US = 1_000;
const QUEUED_LATENCY_JITTER_US = 2_000;
const URGENT_LATENCY_US = 200;

export type RxBadByClass = Record<LineErrorClass, number>;

interface QueuedCommand<C> {
  readonly command: C | HelloCommand;
  readonly key: string;
  /** Arrival order among all commands. */
  readonly order: number;
  handle: number;
}

export class DeviceLink<C extends DeviceCommand, D> {
  private readonly splitter = new LineSplitter({ line: (text) => this.lineReceived(text), overflow: () => this.bad('overflow') });
  private readonly memory = new CommandMemory<Reply>();
  private txSeq = 0;
  private expectedHostSeq = 0;
  private isHandshaken = false;
  private lastTxUs = 0;
  private queueFreeAtUs = 0;
  private arrivals = 0;
  /** Queued (not urgent) commands not yet run, in arrival order. */
  private readonly queued: QueuedCommand<C>[] = [];
  /** Host lines discarded since power-up (link.md §2.2), and by class. */
  rxBad = 0;
  readonly rxBadByClass: RxBadByClass = { overflow: 0, crc: 0, format: 0, range: 0, unknown: 0 };
  /** Host lines missing by seq since the last handshake (link.md §3). */
  rxGap = 0;
  /**
   * Host lines whose seq was behind the expected one (out of order, or a host that renumbered
   * without a handshake) since the last handshake: counted apart from gaps, and followed (§3).
   */
  rxOutOfOrder = 0;
  /** Valid host lines since power-up. */
  rxValid = 0;

  constructor(private readonly o: DeviceLinkOptions<C, D>) {
    this.o.scheduler.after(HEARTBEAT_SILENCE_US, (now) => this.heartbeatCheck(now));
  }

  get hasHandshake(): boolean {
    return this.isHandshaken;
  }

  /** The seq the next device line will carry. */
  get nextTxSeq(): number {
    return this.txSeq;
  }

  receiveBytes(chunk: Uint8Array): void {
    this.splitter.push(chunk);
  }

  /** The port was (re)opened: a partial line from before is meaningless. */
  resetReceiver(): void {
    this.splitter.reset();
  }

  /**
   * Sends one device line now. A droppable line (a sample) is discarded without taking a seq when
   * the transmit buffer is full; the return value tells the firmware so it can flag the loss.
   */
  send(message: D | Reply | DeviceHeartbeat, isDroppable = false): boolean {
    const { tx, counters, encodeDevice, scheduler } = this.o;
    if (isDroppable && !tx.hasRoomForDroppable()) {
      counters.overflowDiscards++;
      return false;
    }
    const seq = this.txSeq;
    this.txSeq = (this.txSeq + 1) % SEQ_MODULUS;
    tx.send(encodeDevice(seq, message), scheduler.nowUs);
    this.lastTxUs = scheduler.nowUs;
    return true;
  }

  private lineReceived(text: string): void {
    const line = this.o.injector.incoming(text);
    if (line === null) return;
    const decoded = this.o.decodeHost(line);
    if (!decoded.ok) {
      this.bad(decoded.error.kind);
      return;
    }
    const { seq, message, commandKey } = decoded.value;
    const now = this.o.scheduler.nowUs;
    this.rxValid++;
    this.o.behaviour.hostLineReceived(now);
    const isHello = message.kind === 'command' && message.command.kind === 'hello';
    if (this.isHandshaken && !isHello) this.countGap(seq);
    if (message.kind === 'command') this.enqueue(message.command, commandKey, now);
  }

  private bad(kind: LineErrorClass): void {
    this.rxBad = (this.rxBad + 1) % SEQ_MODULUS;
    this.rxBadByClass[kind]++;
  }

  private countGap(seq: number): void {
    const missing = (seq - this.expectedHostSeq + SEQ_MODULUS) % SEQ_MODULUS;
    // Half the range or more "ahead" is behind: not a loss of billions of lines but a line out of
    // order (link.md §3), counted apart; either way the receiver follows the seq it saw.
    if (missing < SEQ_MODULUS / 2) this.rxGap = (this.rxGap + missing) % SEQ_MODULUS;
    else this.rxOutOfOrder = (this.rxOutOfOrder + 1) % SEQ_MODULUS;
    this.expectedHostSeq = (seq + 1) % SEQ_MODULUS;
  }

  private enqueue(command: C | HelloCommand, key: string, nowUs: number): void {
    const isUrgent = command.kind !== 'hello' && this.o.behaviour.isUrgent(command as C);
    const order = this.arrivals++;
    if (isUrgent) {
      this.o.scheduler.at(nowUs + URGENT_LATENCY_US, (now) => {
        this.runQueuedBefore(order, now);
        this.process(command, key, true, now);
      });
      return;
    }
    const atUs = Math.max(nowUs + QUEUED_LATENCY_MIN_US + this.o.prng.nextInt(QUEUED_LATENCY_JITTER_US), this.queueFreeAtUs);
    this.queueFreeAtUs = atUs;
    const entry: QueuedCommand<C> = { command, key, order, handle: 0 };
    entry.handle = this.o.scheduler.at(atUs, (now) => {
      this.queued.shift(); // queued commands run in arrival order: this one is the head
      this.process(command, key, false, now);
    });
    this.queued.push(entry);
  }

  /** Runs now, in order, the queued commands that arrived before `order`. */
  private runQueuedBefore(order: number, nowUs: number): void {
    for (let head = this.queued[0]; head !== undefined && head.order < order; head = this.queued[0]) {
      this.queued.shift();
      this.o.scheduler.cancel(head.handle);
      this.process(head.command, head.key, false, nowUs);
    }
  }

  private process(command: C | HelloCommand, key: string, isUrgent: boolean, nowUs: number): void {
    const { id } = command;
    if (!isUrgent && this.o.injector.shouldNakBusy()) {
      this.send({ kind: 'nak', id, code: NAK.busy, details: [] });
      return;
    }
    // `$HELLO` may be repeated at any time (link.md §5.3) and clears the memory: it is never
    // looked up there, so it is never refused with 7, and never remembered.
    if (command.kind === 'hello') {
      this.processHello(command as HelloCommand, nowUs);
      return;
    }
    const deviceCommand = command as C;
    const remembered = this.memory.lookup(id, key);
    if (this.o.behaviour.isAlwaysExecuted(deviceCommand)) {
      // Idempotent and never refused: run it again; an exact repeat gets the remembered reply.
      const reply = this.executeIfAllowed(deviceCommand, nowUs);
      if (remembered.kind === 'repeat') {
        this.send(remembered.reply);
        return;
      }
      this.memory.remember(id, key, reply);
      this.send(reply);
      return;
    }
    if (remembered.kind === 'repeat') {
      this.send(remembered.reply);
      return;
    }
    if (remembered.kind === 'idReused') {
      this.send({ kind: 'nak', id, code: NAK.idReused, details: [] });
      return;
    }
    const reply = this.executeIfAllowed(deviceCommand, nowUs);
    this.memory.remember(id, key, reply);
    this.send(reply);
  }

  private executeIfAllowed(command: C, nowUs: number): Reply {
    return this.isHandshaken || this.o.behaviour.isAllowedBeforeHello(command)
      ? this.o.behaviour.execute(command, nowUs)
      : { kind: 'nak', id: command.id, code: NAK.noHello, details: [] };
  }

  private processHello(hello: HelloCommand, nowUs: number): void {
    if (hello.proto === LINK_PROTOCOL_VERSION && hello.hash === this.o.behaviour.schemaHash) {
      this.acceptHello(hello.id, nowUs);
      return;
    }
    this.send({
      kind: 'nak', id: hello.id, code: NAK.versionMismatch,
      details: [['proto', String(LINK_PROTOCOL_VERSION)], ['hash', this.o.behaviour.schemaHash]],
    });
  }

  /**
   * link.md §5.3: seq restarts at 0 with this ACK, the host's next line carries 0, the memory is
   * cleared. The accepted `$HELLO` itself is not remembered, so a retransmitted `$HELLO` (its ACK
   * was lost) is executed again and again answered with seq 0, which is what the host expects.
   */
  private acceptHello(id: number, nowUs: number): void {
    this.isHandshaken = true;
    this.memory.clear();
    this.expectedHostSeq = 0;
    this.rxGap = 0;
    this.rxOutOfOrder = 0;
    this.o.behaviour.helloAccepted(nowUs);
    this.txSeq = 0;
    this.send({ kind: 'ack', id, details: this.o.behaviour.identity() });
  }

  private heartbeatCheck(nowUs: number): void {
    if (nowUs - this.lastTxUs >= HEARTBEAT_SILENCE_US) this.send({ kind: 'heartbeat', tUs: nowUs });
    this.o.scheduler.at(this.lastTxUs + HEARTBEAT_SILENCE_US, (now) => this.heartbeatCheck(now));
  }
}
