/**
 * DT-9 table controller driver (docs/protocols/table.md): handshake and capabilities, the host
 * heartbeat every 100 ms while the link is up (table.md §6.4), telemetry and events out, and
 * one method per command. Commands never wait behind each other, so `release()` goes out at once
 * whatever else is pending. This driver adds no safety logic of its own: the controller enforces
 * its limits and watchdog, and the prescription envelope lives above (core, host).
 */
import { err, ok, type Result } from '../../core/index.ts';
import { decodeTableLine, encodeTableCommand, TABLE_SCHEMA_HASH, type TableCommand, type TableRegion, type TableTelemetry } from '../codecs/table/table-codec.ts';
import type { CommandResult } from './command-channel.ts';
import { DeviceDriver, type DriverEvents, type DriverOptions } from './device-driver.ts';
import type { DeviceIdentity } from './identity-fields.ts';
import { readTableCapabilities, type TableCapabilities } from './table-capabilities.ts';

/** table.md §8. */
const TABLE_REPLY_TIMEOUT_MS = 100;
/** link.md §6: five beats per 500 ms watchdog window (shared/reference/decompression.md §7.1 HEARTBEAT_MS, derived). */
export const HOST_HEARTBEAT_MS = 100;

export interface TableConnected {
  readonly identity: DeviceIdentity;
  readonly capabilities: TableCapabilities;
}

export interface TableDriverEvents extends DriverEvents {
  connected: TableConnected;
  telemetry: TableTelemetry;
}

export class TableDriver extends DeviceDriver<TableCommand, TableDriverEvents> {
  private connection: TableConnected | undefined;
  private latest: TableTelemetry | undefined;

  constructor(options: DriverOptions) {
    super(options, encodeTableCommand, { replyTimeoutMs: TABLE_REPLY_TIMEOUT_MS, heartbeatMs: HOST_HEARTBEAT_MS });
  }

  get connected(): TableConnected | undefined {
    return this.connection;
  }

  /** The most recent telemetry frame, if any arrived on the present link. */
  get lastTelemetry(): TableTelemetry | undefined {
    return this.latest;
  }

  zero(): Promise<CommandResult> {
    return this.sendCommand({ kind: 'zero' });
  }
  arm(region: TableRegion): Promise<CommandResult> {
    return this.sendCommand({ kind: 'arm', region });
  }
  disarm(): Promise<CommandResult> {
    return this.sendCommand({ kind: 'disarm' });
  }
  /** Absolute target tension and ramp rate; the controller refuses (never clamps) out-of-limit values. */
  setTension(targetN: number, rateNps: number): Promise<CommandResult> {
    return this.sendCommand({ kind: 'set', targetN, rateNps });
  }
  pause(): Promise<CommandResult> {
    return this.sendCommand({ kind: 'pause' });
  }
  stopProgram(rateNps: number): Promise<CommandResult> {
    return this.sendCommand({ kind: 'stop', rateNps });
  }
  release(): Promise<CommandResult> {
    return this.sendCommand({ kind: 'release' });
  }
  reset(): Promise<CommandResult> {
    return this.sendCommand({ kind: 'reset' });
  }
  status(): Promise<CommandResult> {
    return this.sendCommand({ kind: 'status' });
  }

  protected handleLine(line: Buffer): void {
    const decoded = decodeTableLine(line);
    if (decoded.kind === 'bad') this.acceptBad(decoded.error);
    else if (decoded.kind !== 'telemetry') this.acceptLinkMessage(decoded);
    else {
      this.acceptValid(decoded.seq);
      if (!this.isGreeted) this.stats.staleLines++;
      else {
        this.latest = decoded;
        this.events.emit('telemetry', decoded);
      }
    }
  }

  protected async handshake(): Promise<Result<void, string>> {
    const introduced = await this.introduce(TABLE_SCHEMA_HASH, (command) => command);
    if (!introduced.ok) return introduced;
    const capabilities = readTableCapabilities(introduced.value.capabilityFields);
    if (!capabilities.ok) return err(`capabilities: ${capabilities.error}`);
    this.connection = { identity: introduced.value.identity, capabilities: capabilities.value };
    return ok(undefined);
  }

  protected linkReady(): void {
    if (this.connection !== undefined) this.events.emit('connected', this.connection);
  }

  protected linkEnded(): void {
    this.connection = undefined;
    this.latest = undefined;
  }
}
