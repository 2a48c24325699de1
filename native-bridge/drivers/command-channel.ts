/**
 * Commands with ids, replies matched by id, timeouts and retransmission, per
 * docs/protocols/link.md §4. One channel serves one open link: on link loss every waiting
 * command settles with `link-lost`, and a new link gets a new channel.
 *
 * Retransmissions repeat the id and the fields, so the device never applies a command twice
 * (it answers a remembered id from memory). Several commands may wait at once: a `$RELEASE`
 * is never held behind a `$SET` (STYLE.md §8).
 */
import { err, ok, type Result } from '../../core/index.ts';
import type { AckReply, NakReply } from '../codecs/line/line-message.ts';
import { MAX_COMMAND_ID, MAX_SEQ } from '../codecs/line/line-message.ts';
import { encodeHostHeartbeat } from '../codecs/line/line-encode.ts';
import type { LinkStats } from './link-stats.ts';
import type { TimerHandle, Timers } from './timers.ts';

/** link.md §4.3. */
export const NAK_NAMES: Readonly<Record<number, string>> = {
  1: 'unknown-command',
  2: 'bad-argument',
  3: 'out-of-range',
  4: 'wrong-state',
  5: 'no-hello',
  6: 'version-mismatch',
  7: 'id-reused',
  8: 'busy',
  9: 'estop-engaged',
  10: 'fault-latched',
  11: 'switch-not-ready',
  12: 'not-armed',
  13: 'rate-too-high',
  14: 'limit-exceeded',
  15: 'not-at-zero',
  16: 'region-locked',
  17: 'service-mode',
  18: 'crc-mismatch',
  19: 'change-too-large',
};
const NAK_BUSY = 8;
/** link.md §4.2: at most two retransmissions. */
const MAX_ATTEMPTS = 3;

export type CommandFailure =
  | { readonly kind: 'nak'; readonly code: number; readonly name: string; readonly detail: Readonly<Record<string, string>> }
  | { readonly kind: 'timeout'; readonly attempts: number }
  | { readonly kind: 'link-lost' }
  /** The caller asked for something the wire cannot carry; nothing was sent. */
  | { readonly kind: 'invalid-argument'; readonly message: string };

export type CommandResult = Result<AckReply, CommandFailure>;

interface Pending {
  readonly line: (seq: number) => string;
  readonly firstSentMonoMs: number;
  readonly settle: (result: CommandResult) => void;
  readonly onAck: ((reply: AckReply) => void) | undefined;
  attempts: number;
  /** The latest attempt was answered busy: a reply, so running out of attempts is no link fault. */
  lastAnsweredBusy: boolean;
  timer: TimerHandle;
}

/**
 * Hands out command ids 1–65535 in turn. One allocator lives as long as the driver, not the
 * link: the device remembers ids until a `$HELLO` clears them, so ids that restarted at 1 on every
 * reconnect could collide with remembered ones before the handshake (link.md §4.2).
 */
export class CommandIds {
  private next = 1;

  take(): number {
    const id = this.next;
    this.next = id === MAX_COMMAND_ID ? 1 : id + 1;
    return id;
  }
}

export class CommandChannel<C> {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly encode: (command: C, seq: number, id: number) => string,
    private readonly timers: Timers,
    private readonly stats: LinkStats,
    private readonly replyTimeoutMs: number,
    /** Called when a command got no reply after its last attempt: the link is faulty (link.md §7). */
    private readonly onExhausted: () => void,
    private readonly ids: CommandIds = new CommandIds(),
  ) {}

  /**
   * Sends a command and settles with its ACK, its NAK, a timeout or link loss. Never rejects.
   * `onAck` runs synchronously when the ACK is matched, before any later line of the same input
   * chunk is handled (the `$HELLO` ACK restarts sequence numbering at exactly that point).
   */
  send(command: C, onAck?: (reply: AckReply) => void): Promise<CommandResult> {
    if (this.closed) return Promise.resolve(err({ kind: 'link-lost' }));
    const id = this.ids.take();
    return new Promise((resolve) => {
      const entry: Pending = {
        line: (seq) => this.encode(command, seq, id),
        firstSentMonoMs: this.timers.nowMonoMs(),
        settle: resolve,
        onAck,
        attempts: 0,
        lastAnsweredBusy: false,
        timer: { cancel: () => undefined },
      };
      this.pending.set(id, entry);
      this.stats.commandsSent++;
      this.transmit(id, entry);
    });
  }

  /** `%HB` on the same sequence counter as the commands (link.md §3, §6). */
  sendHeartbeat(): void {
    if (!this.closed) this.write(encodeHostHeartbeat(this.takeSeq()));
  }

  /** After a successful `$HELLO` the host's next line carries seq 0 (link.md §5). */
  restartSequence(): void {
    this.seq = 0;
  }

  handleReply(reply: AckReply | NakReply): void {
    const entry = this.pending.get(reply.id);
    if (entry === undefined) {
      this.stats.strayReplies++;
      return;
    }
    if (reply.kind === 'nak' && reply.code === NAK_BUSY) {
      // Transient: the running timer retransmits, and the attempt counts (link.md §4.3).
      this.stats.naks++;
      entry.lastAnsweredBusy = true;
      return;
    }
    this.pending.delete(reply.id);
    entry.timer.cancel();
    const latencyMs = this.timers.nowMonoMs() - entry.firstSentMonoMs;
    this.stats.replies++;
    this.stats.lastReplyLatencyMs = latencyMs;
    this.stats.sumReplyLatencyMs += latencyMs;
    this.stats.maxReplyLatencyMs = Math.max(this.stats.maxReplyLatencyMs, latencyMs);
    if (reply.kind === 'ack') {
      entry.onAck?.(reply);
      entry.settle(ok(reply));
      return;
    }
    this.stats.naks++;
    entry.settle(err({ kind: 'nak', code: reply.code, name: NAK_NAMES[reply.code] ?? `code-${reply.code}`, detail: reply.detail }));
  }

  /** The link is gone: every waiting command settles with `link-lost`; later sends fail at once. */
  close(): void {
    this.closed = true;
    for (const entry of this.pending.values()) {
      entry.timer.cancel();
      entry.settle(err({ kind: 'link-lost' }));
    }
    this.pending.clear();
  }

  private transmit(id: number, entry: Pending): void {
    entry.attempts++;
    entry.lastAnsweredBusy = false;
    if (entry.attempts > 1) this.stats.retransmissions++;
    this.write(entry.line(this.takeSeq()));
    entry.timer = this.timers.after(this.replyTimeoutMs, () => {
      if (this.pending.get(id) !== entry) return;
      if (entry.attempts < MAX_ATTEMPTS) {
        this.transmit(id, entry);
        return;
      }
      this.pending.delete(id);
      if (entry.lastAnsweredBusy) {
        // The device answered, so the link works; it is just too busy for this command now.
        entry.settle(err({ kind: 'nak', code: NAK_BUSY, name: NAK_NAMES[NAK_BUSY] ?? 'busy', detail: {} }));
        return;
      }
      this.stats.timeouts++;
      entry.settle(err({ kind: 'timeout', attempts: entry.attempts }));
      this.onExhausted();
    });
  }

  private takeSeq(): number {
    const seq = this.seq;
    this.seq = seq === MAX_SEQ ? 0 : seq + 1;
    return seq;
  }
}
