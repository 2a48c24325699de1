/**
 * PF-600 force plate driver (docs/protocols/plate.md): handshake, capability pages, rate and
 * start on every (re)connect, then raw samples in columnar blocks, with every gap reported in
 * samples, measured on the device clock so it holds across link loss (plate.md §5).
 */
import { err, ok, type Result } from '../../core/index.ts';
import { decodePlateLine, encodePlateCommand, PLATE_SCHEMA_HASH, type PlateCommand, type PlateSampleSink } from '../codecs/plate/plate-codec.ts';
import { DeviceDriver, type DriverEvents, type DriverOptions } from './device-driver.ts';
import type { DeviceIdentity } from './identity-fields.ts';
import { PROTOCOL_RATE_MAX_HZ, PROTOCOL_RATE_MIN_HZ, readPlateCapabilities, type PlateCapabilities } from './plate-capabilities.ts';
import type { PlateSampleBlock } from './sample-block.ts';
import { PlateSampleStream, type PlateGap, type PlateStreamStats } from './plate-sample-stream.ts';

/** plate.md §7. */
const PLATE_REPLY_TIMEOUT_MS = 200;
/**
 * The plate needs a host line every 500 ms at least (link.md §6); beating twice as often keeps
 * it streaming even when simulated device time runs a few times faster than ours.
 */
const PLATE_HEARTBEAT_MS = 250;
/** plate.md §6. */
const PLATE_EVENTS: ReadonlySet<string> = new Set(['BOOT', 'ADCFAULT']);

export interface PlateConnected {
  readonly identity: DeviceIdentity;
  readonly capabilities: PlateCapabilities;
  readonly rateHz: number;
}

export interface PlateDriverEvents extends DriverEvents {
  connected: PlateConnected;
  samples: PlateSampleBlock;
  gap: PlateGap;
}

export interface PlateDriverOptions extends DriverOptions {
  readonly rateHz: number;
}

export class PlateDriver extends DeviceDriver<PlateCommand, PlateDriverEvents> {
  private readonly stream: PlateSampleStream;
  private flushScheduled = false;
  private connection: PlateConnected | undefined;
  /** Set once `$START` is acknowledged, cleared by `$STOP` and link loss: samples should be flowing. */
  private isStreamExpected = false;

  constructor(options: PlateDriverOptions) {
    super(options, {
      encode: encodePlateCommand,
      replyTimeoutMs: PLATE_REPLY_TIMEOUT_MS,
      heartbeatMs: PLATE_HEARTBEAT_MS,
      knownEvents: PLATE_EVENTS,
    });
    this.stream = new PlateSampleStream(
      {
        blockReady: (block) => this.publish('samples', block),
        gapFound: (gap) => this.publish('gap', gap),
        lineAccepted: (seq) => {
          this.acceptValid(seq);
          if (!this.flushScheduled) {
            // One block per burst of input: samples that arrive together leave together.
            this.flushScheduled = true;
            setImmediate(this.flushStream);
          }
        },
      },
      options.rateHz,
    );
  }

  private readonly staleSamples: PlateSampleSink = {
    pushSample: (seq) => {
      this.acceptValid(seq);
      this.stats.staleLines++;
    },
  };

  private readonly flushStream = (): void => {
    this.flushScheduled = false;
    this.stream.flush();
  };

  get connected(): PlateConnected | undefined {
    return this.connection;
  }

  streamStats(): PlateStreamStats {
    return { ...this.stream.stats };
  }

  /**
   * Asks the plate to stop streaming (`$STOP`). The reply travels behind every sample sent before
   * it, so once this resolves those samples have all been delivered. A reconnect starts it again.
   */
  async stopStreaming(): Promise<Result<void, string>> {
    this.isStreamExpected = false;
    const stop = await this.sendCommand({ kind: 'stop' });
    await new Promise((resolve) => setImmediate(resolve));
    this.stream.flush();
    return stop.ok ? ok(undefined) : err(`$STOP: ${stop.error.kind}`);
  }

  /**
   * Changes the sample rate: checked against the plate's range first, then applied at once when
   * connected (stop, rate, start) and on every reconnect. On any failure the old rate stays.
   */
  async setRate(rateHz: number): Promise<Result<void, string>> {
    const range = this.connection?.capabilities ?? { rateMinHz: PROTOCOL_RATE_MIN_HZ, rateMaxHz: PROTOCOL_RATE_MAX_HZ };
    if (!Number.isInteger(rateHz) || rateHz < range.rateMinHz || rateHz > range.rateMaxHz) {
      return err(`rate ${rateHz} Hz is outside the plate's ${range.rateMinHz}-${range.rateMaxHz} Hz`);
    }
    const previousHz = this.stream.rateHz;
    if (this.connection === undefined) {
      this.stream.rateHz = rateHz;
      return ok(undefined);
    }
    const stopped = await this.stopStreaming();
    if (!stopped.ok) return stopped;
    this.stream.rateHz = rateHz;
    const configured = await this.configure(this.connection.capabilities);
    if (configured.ok) return configured;
    this.stream.rateHz = previousHz;
    // The plate may be left stopped at either rate: a reconnect restores a known state.
    this.dropLink(`rate change failed: ${configured.error}`);
    return configured;
  }

  protected handleLine(line: Buffer): void {
    const decoded = decodePlateLine(line, this.isGreeted ? this.stream : this.staleSamples);
    if (decoded.kind === 'bad') this.acceptBad(decoded.error);
    else if (decoded.kind !== 'sample') {
      this.acceptLinkMessage(decoded);
      // A streaming plate is never silent long enough to beat (plate.md §7): its heartbeat means it
      // stopped on its own, having heard no host line for 2 s (§2) — after a stall of this process,
      // say. It still answers, so only a fresh link (handshake, rate, start) brings the samples back,
      // with the lost stretch reported as a gap.
      if (decoded.kind === 'heartbeat' && this.isStreamExpected && this.isGreeted) {
        this.isStreamExpected = false;
        this.dropLink('the plate stopped streaming by itself (it heard no host line for 2 s)');
      }
    }
  }

  protected async handshake(): Promise<Result<void, string>> {
    const introduced = await this.introduce(PLATE_SCHEMA_HASH, (command) => command);
    if (!introduced.ok) return introduced;
    const capabilities = readPlateCapabilities(introduced.value.capabilityFields);
    if (!capabilities.ok) return err(`capabilities: ${capabilities.error}`);
    const configured = await this.configure(capabilities.value);
    if (!configured.ok) return configured;
    this.connection = { identity: introduced.value.identity, capabilities: capabilities.value, rateHz: this.stream.rateHz };
    return ok(undefined);
  }

  protected linkReady(): void {
    if (this.connection !== undefined) this.publish('connected', this.connection);
  }

  protected linkEnded(): void {
    this.isStreamExpected = false;
    this.stream.markLinkLost();
    this.connection = undefined;
  }

  private async configure(capabilities: PlateCapabilities): Promise<Result<void, string>> {
    const rateHz = this.stream.rateHz;
    if (rateHz < capabilities.rateMinHz || rateHz > capabilities.rateMaxHz) {
      return err(`rate ${rateHz} Hz is outside the plate's ${capabilities.rateMinHz}-${capabilities.rateMaxHz} Hz`);
    }
    const rate = await this.sendCommand({ kind: 'rate', hz: rateHz });
    if (!rate.ok) return err(`$RATE: ${rate.error.kind}`);
    const start = await this.sendCommand({ kind: 'start' });
    if (!start.ok) return err(`$START: ${start.error.kind}`);
    this.isStreamExpected = true;
    return ok(undefined);
  }
}
