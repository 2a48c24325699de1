/**
 * The life of one device link, shared by the plate and table drivers (docs/protocols/link.md
 * §5–§7): open the transport → frame lines → handshake → ready, until the link is lost (port
 * closed, device silent for 1000 ms, or a command unanswered after its retries), then reopen
 * with back-off until stop().
 *
 * ```
 *   stopped ──start()──► connecting ──opened──► handshaking ──ok──► ready
 *                          ▲    │ open failed       │ failed          │ link lost
 *                          │    │                   ▼                 ▼
 *                          │    │                closing ◄────────────┘  (port being released)
 *                          │    ▼                   │
 *                          └── waiting (100, 200, 400, 800, 1000 ms …) ◄┘
 *   stop() from any state ──► stopped
 * ```
 *
 * A driver never lets an error escape into the transport's callbacks: a listener that throws is
 * counted (`listenerErrors`) and the stream goes on, because a clinic's data path must not die
 * with one faulty consumer.
 */
import { Emitter, err, ok, type Result } from '../../core/index.ts';
import { LineFramer } from '../framing/line-framer.ts';
import type { TransportFactory, TransportLink } from '../transport/transport.ts';
import type { LineErrorClass } from '../codecs/line/line-error.ts';
import type { DeviceEvent, LinkMessage } from '../codecs/line/line-message.ts';
import { CommandChannel, CommandIds, type CommandResult } from './command-channel.ts';
import { readIdentity, type DeviceIdentity } from './identity-fields.ts';
import { emptyLinkStats, type LinkStats } from './link-stats.ts';
import { reconnectDelayMs } from './reconnect-backoff.ts';
import { SequenceTracker } from './sequence-tracker.ts';
import { realTimers, type TimerHandle, type Timers } from './timers.ts';

/** link.md §6: a device silent this long is gone. */
export const DEVICE_SILENCE_LIMIT_MS = 1000;
const SILENCE_CHECK_MS = 100;
const PROTOCOL_VERSION = 1;
/** More capability pages than any device documents: a device that never says `last=1` is faulty. */
const MAX_INFO_PAGES = 8;

export type DriverState =
  | { readonly kind: 'stopped' }
  | { readonly kind: 'connecting'; readonly attempt: number }
  | { readonly kind: 'handshaking' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'closing'; readonly reason: string }
  | { readonly kind: 'waiting'; readonly attempt: number; readonly retryInMs: number; readonly lastError: string };

export interface DriverEvents {
  state: DriverState;
  /** The link went down after having been ready; the driver is already reconnecting. */
  linkLost: { readonly reason: string };
  /** A device event push (`!EV`) of a name this driver knows, plate.md §6 / table.md §7. */
  deviceEvent: DeviceEvent;
}

/** What `$HELLO` and the `$INFO` pages told us (link.md §5). */
export interface Introduction {
  readonly identity: DeviceIdentity;
  readonly capabilityFields: Readonly<Record<string, string>>;
}

/** Commands every device on the link understands. */
export type LinkCommand =
  | { readonly kind: 'hello'; readonly proto: number; readonly hash: string }
  | { readonly kind: 'info'; readonly page: number };

export interface DriverOptions {
  readonly transport: TransportFactory;
  readonly timers?: Timers;
}

/** What differs between devices on the same link layer. */
export interface DeviceProfile<C> {
  readonly encode: (command: C, seq: number, id: number) => string;
  /** link.md §4.2. */
  readonly replyTimeoutMs: number;
  /** How often the host sends `%HB` while a link is open (link.md §6). */
  readonly heartbeatMs: number;
  /** Event names the device documents; others are counted and ignored (link.md §2). */
  readonly knownEvents: ReadonlySet<string>;
}

export abstract class DeviceDriver<C extends { readonly kind: string }, E extends DriverEvents> {
  readonly events = new Emitter<E>();
  protected readonly timers: Timers;
  protected readonly stats: LinkStats = emptyLinkStats();
  private readonly sequence = new SequenceTracker();
  private readonly commandIds = new CommandIds();
  private currentState: DriverState = { kind: 'stopped' };
  private channel: CommandChannel<C> | undefined;
  private stopping = false;
  private running: Promise<void> | undefined;
  private wakeWaiting: (() => void) | undefined;
  private endLink: ((reason: string) => void) | undefined;
  private wasEverReady = false;
  private greeted = false;
  private heartbeatsEnabled = true;

  constructor(
    private readonly options: DriverOptions,
    private readonly profile: DeviceProfile<C>,
  ) {
    this.timers = options.timers ?? realTimers;
  }

  get state(): DriverState {
    return this.currentState;
  }

  get description(): string {
    return this.options.transport.description;
  }

  /** A snapshot of the link counters. */
  linkStats(): LinkStats {
    return structuredClone(this.stats);
  }

  /** Starts connecting (and reconnecting). After a stop() still under way, starts once it is done. */
  start(): void {
    if (this.running !== undefined) {
      if (this.stopping) void this.running.then(() => this.start());
      return;
    }
    this.stopping = false;
    this.running = this.run()
      .catch((error: unknown) => {
        // run() contains its own failures; reaching here is our bug. Stop rather than spin.
        this.stats.listenerErrors++;
        this.stats.lastListenerError = `driver stopped by an internal error: ${String(error)}`;
        this.setState({ kind: 'stopped' });
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Closes the link cleanly and stops reconnecting. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeWaiting?.();
    this.endLink?.('stopped');
    await this.running;
  }

  /**
   * For tests and QA only: stop (or resume) the host heartbeat while the link stays open, to show
   * what the device does on its own when the host falls silent (table.md §6.4, plate.md §2).
   */
  setHeartbeatEnabled(enabled: boolean): void {
    this.heartbeatsEnabled = enabled;
  }

  /** Decode one framed line (its bytes, without LF); call the helpers below for what it holds. */
  protected abstract handleLine(line: Buffer): void;
  /** Identify and configure the device on a fresh link; an error string says why it failed. */
  protected abstract handshake(): Promise<Result<void, string>>;
  /** The link is up and configured. */
  protected abstract linkReady(): void;
  /** The link has ended (after linkReady, or during the handshake). */
  protected abstract linkEnded(): void;

  protected sendCommand(command: C, onAck?: () => void): Promise<CommandResult> {
    const channel = this.channel;
    if (channel === undefined) return Promise.resolve({ ok: false, error: { kind: 'link-lost' } });
    return channel.send(command, onAck);
  }

  /**
   * Whether `$HELLO` has been answered on the present link. Lines before that may be stale (a PTY
   * or UART buffers what a device sent while nobody listened, link.md §5), so their sequence
   * numbers are not judged, and drivers drop the samples, telemetry and events they carry.
   */
  protected get isGreeted(): boolean {
    return this.greeted;
  }

  /** Book-keeping for every valid line: counters and sequence gaps. */
  protected acceptValid(seq: number): void {
    this.stats.linesOk++;
    if (!this.greeted) return;
    const rewindsBefore = this.sequence.rewinds;
    const lost = this.sequence.observe(seq);
    if (this.sequence.rewinds !== rewindsBefore) this.stats.seqRewinds++;
    if (lost > 0) {
      this.stats.seqGaps++;
      this.stats.lostLines += lost;
    }
  }

  protected acceptBad(error: LineErrorClass): void {
    this.stats.badLines[error]++;
  }

  /** Replies, events and heartbeats, which every device sends alike. */
  protected acceptLinkMessage(message: LinkMessage): void {
    this.acceptValid(message.seq);
    switch (message.kind) {
      case 'ack':
      case 'nak':
        this.channel?.handleReply(message);
        return;
      case 'event':
        if (!this.greeted) this.stats.staleLines++;
        else if (!this.profile.knownEvents.has(message.name)) this.stats.unknownEvents++;
        else this.publish('deviceEvent', message);
        return;
      case 'heartbeat':
        return;
    }
  }

  /** Emits to listeners; a listener that throws is counted, never allowed to break the link. */
  protected publish<K extends keyof E>(name: K, payload: E[K]): void {
    try {
      this.events.emit(name, payload);
    } catch (error) {
      this.stats.listenerErrors++;
      this.stats.lastListenerError = `${String(name)} listener: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** `$HELLO` (restarting both sequences as its ACK is matched) and every `$INFO` page, link.md §5. */
  protected async introduce(schemaHash: string, command: (link: LinkCommand) => C): Promise<Result<Introduction, string>> {
    const hello = await this.sendCommand(command({ kind: 'hello', proto: PROTOCOL_VERSION, hash: schemaHash }), () =>
      this.restartSequences(),
    );
    if (!hello.ok) {
      const e = hello.error;
      return err(e.kind === 'nak' ? `$HELLO refused (${e.name}) ${JSON.stringify(e.detail)}` : `$HELLO ${e.kind}`);
    }
    const identity = readIdentity(hello.value.detail, schemaHash);
    if (!identity.ok) return err(`identity: ${identity.error}`);
    const fields: Record<string, string> = {};
    for (let page = 0; fields['last'] === undefined; page++) {
      if (page === MAX_INFO_PAGES) return err(`no last capability page after ${MAX_INFO_PAGES} pages`);
      const info = await this.sendCommand(command({ kind: 'info', page }));
      if (!info.ok) return err(`$INFO ${page}: ${info.error.kind}`);
      Object.assign(fields, info.value.detail);
    }
    return ok({ identity: identity.value, capabilityFields: fields });
  }

  /** Give up on the present link (a protocol-level failure); the driver reconnects. */
  protected dropLink(reason: string): void {
    this.endLink?.(reason);
  }

  /** After a successful `$HELLO` both sides restart their sequence numbers (link.md §5). */
  private restartSequences(): void {
    this.channel?.restartSequence();
    this.sequence.reset();
    this.sequence.observe(0);
    this.greeted = true;
  }

  private setState(state: DriverState): void {
    this.currentState = state;
    this.publish('state', state);
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopping) {
      this.setState({ kind: 'connecting', attempt });
      const opened = await this.options.transport.open();
      if (!opened.ok) {
        await this.waitBeforeRetry(attempt++, `${opened.error.code}: ${opened.error.message}`);
        continue;
      }
      if (this.stopping) {
        await opened.link.close();
        break;
      }
      const outcome = await this.session(opened.link);
      if (this.stopping) break;
      if (outcome.wasReady) attempt = 0;
      await this.waitBeforeRetry(attempt++, outcome.reason);
    }
    this.setState({ kind: 'stopped' });
  }

  private async session(link: TransportLink): Promise<{ wasReady: boolean; reason: string }> {
    const channel = new CommandChannel<C>(
      (text) => link.write(text),
      this.profile.encode,
      this.timers,
      this.stats,
      this.profile.replyTimeoutMs,
      () => this.dropLink('device stopped answering commands'),
      this.commandIds,
    );
    const framer = new LineFramer(
      (line) => this.handleLine(line),
      () => this.acceptBad('crc'),
    );
    let reason: string | undefined;
    const ended = new Promise<string>((resolve) => {
      this.endLink = (why) => {
        if (reason !== undefined) return;
        reason = why;
        channel.close();
        if (!this.stopping) this.setState({ kind: 'closing', reason: why });
        resolve(why);
      };
    });
    link.onData((chunk) => framer.push(chunk));
    link.onClose((close) => this.endLink?.(close.kind === 'requested' ? 'closed' : `disconnected: ${close.message}`));
    this.channel = channel;
    this.greeted = false;
    this.sequence.reset();
    const silenceTimer = this.watchSilence();
    const heartbeat = this.beat(channel);
    let wasReady = false;
    try {
      this.setState({ kind: 'handshaking' });
      const handshake = await this.handshake();
      if (!handshake.ok) this.dropLink(`handshake failed: ${handshake.error}`);
      else if (reason === undefined) {
        wasReady = true;
        if (this.wasEverReady) this.stats.reconnects++;
        this.wasEverReady = true;
        this.setState({ kind: 'ready' });
        this.linkReady();
      }
      await ended;
    } finally {
      this.endLink?.('driver error');
      silenceTimer.cancel();
      heartbeat.cancel();
      this.endLink = undefined;
      this.channel = undefined;
      if (framer.discard()) this.stats.truncatedLines++;
      await link.close();
      this.linkEnded();
    }
    const why = reason ?? 'closed';
    if (wasReady && !this.stopping) {
      this.stats.linkLosses++;
      this.publish('linkLost', { reason: why });
    }
    return { wasReady, reason: why };
  }

  /** `%HB` from the moment the link opens (the handshake itself may take a while on a busy link). */
  private beat(channel: CommandChannel<C>): TimerHandle {
    let handle: TimerHandle;
    const send = (): void => {
      if (this.heartbeatsEnabled) channel.sendHeartbeat();
      handle = this.timers.after(this.profile.heartbeatMs, send);
    };
    send();
    return { cancel: () => handle.cancel() };
  }

  /**
   * Polls the valid-line counter rather than reading the clock per line: the plate path runs at
   * up to 2000 lines a second and the check needs only SILENCE_CHECK_MS resolution. Before giving
   * up it lets pending I/O be read once, so a stalled event loop is not mistaken for a dead device.
   */
  private watchSilence(): TimerHandle {
    let handle: TimerHandle;
    let cancelled = false;
    let linesSeen = this.stats.linesOk;
    let lastLineMonoMs = this.timers.nowMonoMs();
    const silentMs = (): number => {
      const nowMs = this.timers.nowMonoMs();
      if (this.stats.linesOk !== linesSeen) {
        linesSeen = this.stats.linesOk;
        lastLineMonoMs = nowMs;
      }
      return nowMs - lastLineMonoMs;
    };
    const check = (): void => {
      if (silentMs() <= DEVICE_SILENCE_LIMIT_MS) {
        handle = this.timers.after(SILENCE_CHECK_MS, check);
        return;
      }
      setImmediate(() => {
        if (cancelled) return;
        const silent = silentMs();
        if (silent > DEVICE_SILENCE_LIMIT_MS) this.dropLink(`no valid line for ${Math.round(silent)} ms`);
        else handle = this.timers.after(SILENCE_CHECK_MS, check);
      });
    };
    handle = this.timers.after(SILENCE_CHECK_MS, check);
    return {
      cancel: () => {
        cancelled = true;
        handle.cancel();
      },
    };
  }

  private waitBeforeRetry(attempt: number, lastError: string): Promise<void> {
    if (this.stopping) return Promise.resolve();
    const retryInMs = reconnectDelayMs(attempt);
    this.setState({ kind: 'waiting', attempt, retryInMs, lastError });
    return new Promise((resolve) => {
      const timer = this.timers.after(retryInMs, () => {
        this.wakeWaiting = undefined;
        resolve();
      });
      this.wakeWaiting = () => {
        timer.cancel();
        this.wakeWaiting = undefined;
        resolve();
      };
    });
  }
}
