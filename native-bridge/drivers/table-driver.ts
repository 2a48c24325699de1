/**
 * DT-9 table controller driver (docs/protocols/table.md): handshake and capabilities, the host
 * heartbeat every 100 ms while the link is up (table.md §6.4), telemetry and events out, and
 * one method per command. Commands never wait behind each other, so `release()` goes out at once
 * whatever else is pending. This driver adds no safety logic of its own: the controller enforces
 * its limits and watchdog, and the prescription envelope lives above (core, host).
 */
import { err, ok, type Result } from '../../core/index.ts';
import {
  COEFFICIENT_RANGES,
  decodeTableLine,
  encodeTableCommand,
  TABLE_SCHEMA_HASH,
  type TableCommand,
  type TableRegion,
  type TableTelemetry,
} from '../codecs/table/table-codec.ts';
import type { CommandResult } from './command-channel.ts';
import { DeviceDriver, type DriverEvents, type DriverOptions } from './device-driver.ts';
import type { DeviceIdentity } from './identity-fields.ts';
import { readTableCapabilities, type TableCapabilities } from './table-capabilities.ts';

/** table.md §8. */
const TABLE_REPLY_TIMEOUT_MS = 100;
/** link.md §6: five beats per 500 ms watchdog window (shared/reference/decompression.md §7.1 HEARTBEAT_MS, derived). */
export const HOST_HEARTBEAT_MS = 100;
/** Timers fire late, never early: scheduling at 90 ms keeps every interval under HOST_HEARTBEAT_MS. */
const HEARTBEAT_SCHEDULE_MS = 90;
/** table.md §7. */
const TABLE_EVENTS: ReadonlySet<string> = new Set([
  'BOOT',
  'PSW',
  'PSWTEST',
  'PSWFAULT',
  'ESTOP',
  'ESTOPCLR',
  'LIMIT',
  'WDOG',
  'RELEASE',
  'RELDONE',
  'LOADCELL',
  'POWER',
]);
/** table.md §4: the wire range of `targetN` and `rateNps`. */
const TARGET_MAX_N = 1500;
const RATE_MIN_NPS = 0.1;
const RATE_MAX_NPS = 1500;

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
    super(options, {
      encode: encodeTableCommand,
      replyTimeoutMs: TABLE_REPLY_TIMEOUT_MS,
      heartbeatMs: HEARTBEAT_SCHEDULE_MS,
      knownEvents: TABLE_EVENTS,
    });
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
  /**
   * Absolute target tension and ramp rate. Values the wire cannot carry fail here without sending;
   * the controller refuses (never clamps) values above its latched limits.
   */
  setTension(targetN: number, rateNps: number): Promise<CommandResult> {
    const problem = checkForce('targetN', targetN, 0, TARGET_MAX_N) ?? checkForce('rateNps', rateNps, RATE_MIN_NPS, RATE_MAX_NPS);
    return problem === undefined ? this.sendCommand({ kind: 'set', targetN, rateNps }) : invalid(problem);
  }
  pause(): Promise<CommandResult> {
    return this.sendCommand({ kind: 'pause' });
  }
  stopProgram(rateNps: number): Promise<CommandResult> {
    const problem = checkForce('rateNps', rateNps, RATE_MIN_NPS, RATE_MAX_NPS);
    return problem === undefined ? this.sendCommand({ kind: 'stop', rateNps }) : invalid(problem);
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

  /** Service mode (table.md §4.1): only from IDLE; no `$ARM` is accepted until it is left. */
  setServiceMode(isOn: boolean): Promise<CommandResult> {
    return this.sendCommand({ kind: 'service', isOn });
  }
  /**
   * Sends load-cell coefficients with their CRC; the table keeps them pending. The ACK carries
   * what the table stored (`offsetN span crc`), to compare before `useCoefficients`.
   */
  writeCoefficients(offsetN: number, span: number): Promise<CommandResult> {
    const { offsetN: o, span: sp } = COEFFICIENT_RANGES;
    if (!(Number.isFinite(offsetN) && offsetN >= o.min && offsetN <= o.max)) return invalid(`offsetN must be from ${o.min} to ${o.max} N, not ${offsetN}`);
    if (!(Number.isFinite(span) && span >= sp.min && span <= sp.max)) return invalid(`span must be from ${sp.min} to ${sp.max}, not ${span}`);
    return this.sendCommand({ kind: 'writeCoefficients', offsetN, span });
  }
  /** The coefficients in force (`offsetN span crc`), whether some are pending, and service mode. */
  readCoefficients(): Promise<CommandResult> {
    return this.sendCommand({ kind: 'readCoefficients' });
  }
  /** Puts the pending coefficients in force if `crc` is theirs; the tare is cleared. */
  useCoefficients(crc: string): Promise<CommandResult> {
    return /^[0-9A-F]{4}$/.test(crc) ? this.sendCommand({ kind: 'useCoefficients', crc }) : invalid(`crc must be 4 upper-case hex digits, not "${crc}"`);
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
        this.publish('telemetry', decoded);
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
    if (this.connection !== undefined) this.publish('connected', this.connection);
  }

  protected linkEnded(): void {
    this.connection = undefined;
    this.latest = undefined;
  }
}

/** The wire carries one decimal (table.md §4): a value that rounds outside the range is refused. */
function checkForce(name: string, value: number, min: number, max: number): string | undefined {
  const tenths = Math.round(value * 10);
  return Number.isFinite(value) && tenths >= Math.round(min * 10) && tenths <= Math.round(max * 10)
    ? undefined
    : `${name} must be a number from ${min} to ${max}, not ${value}`;
}

function invalid(message: string): Promise<CommandResult> {
  return Promise.resolve({ ok: false, error: { kind: 'invalid-argument', message } });
}
