/**
 * PF-600 force plate driver (docs/protocols/plate.md): handshake, capability pages, rate and
 * start on every (re)connect, then raw samples in columnar blocks, with every gap reported in
 * samples, measured on the device clock so it holds across link loss (plate.md §5).
 */
import { err, ok, type Result } from '../../core/index.ts';
import { decodePlateLine, encodePlateCommand, PLATE_FLAG, PLATE_SCHEMA_HASH, type PlateCommand, type PlateSampleSink } from '../codecs/plate/plate-codec.ts';
import { DeviceDriver, type DriverEvents, type DriverOptions } from './device-driver.ts';
import type { DeviceIdentity } from './identity-fields.ts';
import { readPlateCapabilities, type PlateCapabilities } from './plate-capabilities.ts';
import { SampleBlockBuilder, type PlateSampleBlock } from './sample-block.ts';

/** plate.md §7. */
const PLATE_REPLY_TIMEOUT_MS = 200;
/** Samples per block at most; a block also closes at the end of each burst of input. */
const BLOCK_CAPACITY = 512;

export type PlateGapCause = 'lines-lost' | 'device-overflow' | 'link-lost' | 'device-restarted';

export interface PlateGap {
  /** Samples missing between the two received samples; undefined when the device clock restarted. */
  readonly lostSamples: number | undefined;
  readonly fromTUs: number;
  readonly toTUs: number;
  readonly cause: PlateGapCause;
}

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

export interface PlateStreamStats {
  samples: number;
  lostSamples: number;
  gaps: number;
}

export interface PlateDriverOptions extends DriverOptions {
  readonly rateHz: number;
}

export class PlateDriver extends DeviceDriver<PlateCommand, PlateDriverEvents> implements PlateSampleSink {
  private readonly builder = new SampleBlockBuilder(BLOCK_CAPACITY);
  private readonly stream: PlateStreamStats = { samples: 0, lostSamples: 0, gaps: 0 };
  private lastTUs: number | undefined;
  private linkLostSinceLastSample = false;
  private flushScheduled = false;
  private rateHz: number;
  private connection: PlateConnected | undefined;

  constructor(options: PlateDriverOptions) {
    super(options, encodePlateCommand, PLATE_REPLY_TIMEOUT_MS);
    this.rateHz = options.rateHz;
  }

  get connected(): PlateConnected | undefined {
    return this.connection;
  }

  streamStats(): PlateStreamStats {
    return { ...this.stream };
  }

  /** Changes the rate; applied at once when connected, and on every reconnect. */
  async setRate(rateHz: number): Promise<Result<void, string>> {
    this.rateHz = rateHz;
    if (this.connection === undefined) return ok(undefined);
    const stop = await this.sendCommand({ kind: 'stop' });
    if (!stop.ok) return err(`stop failed: ${stop.error.kind}`);
    return this.configure(this.connection.capabilities);
  }

  pushSample(seq: number, tUs: number, c0: number, c1: number, c2: number, c3: number, flags: number): void {
    this.acceptValid(seq);
    const last = this.lastTUs;
    if (last !== undefined) {
      if (tUs <= last) this.reportGap(undefined, last, tUs, 'device-restarted');
      else {
        const lost = Math.round(((tUs - last) * this.rateHz) / 1e6) - 1;
        if (lost > 0) {
          const cause = this.linkLostSinceLastSample ? 'link-lost' : flags & PLATE_FLAG.deviceOverflow ? 'device-overflow' : 'lines-lost';
          this.reportGap(lost, last, tUs, cause);
        }
      }
    }
    this.lastTUs = tUs;
    this.linkLostSinceLastSample = false;
    this.stream.samples++;
    this.builder.add(seq, tUs, c0, c1, c2, c3, flags);
    if (this.builder.isFull) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  protected handleLine(line: string): void {
    const decoded = decodePlateLine(line, this);
    if (decoded.kind === 'bad') this.acceptBad(decoded.error);
    else if (decoded.kind !== 'sample') this.acceptLinkMessage(decoded);
  }

  protected async handshake(): Promise<Result<void, string>> {
    const introduced = await this.introduce(PLATE_SCHEMA_HASH, (command) => command);
    if (!introduced.ok) return introduced;
    const capabilities = readPlateCapabilities(introduced.value.capabilityFields);
    if (!capabilities.ok) return err(`capabilities: ${capabilities.error}`);
    const configured = await this.configure(capabilities.value);
    if (!configured.ok) return configured;
    this.connection = { identity: introduced.value.identity, capabilities: capabilities.value, rateHz: this.rateHz };
    return ok(undefined);
  }

  protected linkReady(): void {
    if (this.connection !== undefined) this.events.emit('connected', this.connection);
  }

  protected linkEnded(): void {
    this.flush();
    this.connection = undefined;
    this.linkLostSinceLastSample = true;
  }

  private async configure(capabilities: PlateCapabilities): Promise<Result<void, string>> {
    if (this.rateHz < capabilities.rateMinHz || this.rateHz > capabilities.rateMaxHz || !Number.isInteger(this.rateHz)) {
      return err(`rate ${this.rateHz} Hz is outside the plate's ${capabilities.rateMinHz}-${capabilities.rateMaxHz} Hz`);
    }
    const rate = await this.sendCommand({ kind: 'rate', hz: this.rateHz });
    if (!rate.ok) return err(`$RATE: ${rate.error.kind}`);
    const start = await this.sendCommand({ kind: 'start' });
    if (!start.ok) return err(`$START: ${start.error.kind}`);
    return ok(undefined);
  }

  private reportGap(lostSamples: number | undefined, fromTUs: number, toTUs: number, cause: PlateGap['cause']): void {
    // Samples before the gap go out first, so consumers see block, gap, block in order.
    this.flush();
    this.stream.gaps++;
    this.stream.lostSamples += lostSamples ?? 0;
    this.events.emit('gap', { lostSamples, fromTUs, toTUs, cause });
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.builder.length === 0) return;
    this.events.emit('samples', this.builder.take(this.rateHz));
  }
}
