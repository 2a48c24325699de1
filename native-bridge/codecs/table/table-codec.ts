/**
 * Host codec for the DT-9 decompression table controller, docs/protocols/table.md. Telemetry
 * arrives at 50 Hz, so every message uses the shared low-rate decoder.
 */
import { crc16OfPrefix, formatHex4 } from '../line/crc16.ts';
import { encodeCommand, formatFixed, formatFixed1 } from '../line/line-encode.ts';
import {
  MAX_DEVICE_TIME_US,
  decodeLinkMessage,
  finish,
  parseLine,
  unknownType,
  type BadLine,
  type LinkMessage,
} from '../line/line-message.ts';
import { assertNever } from '../../../core/index.ts';

/** table.md §3. */
export const TABLE_SCHEMA =
  'DT9/1;$HELLO:id,proto,hash;$INFO:id,page;$ZERO:id;$ARM:id,region;$DISARM:id;$SET:id,targetN,rateNps;$PAUSE:id;$STOP:id,rateNps;$RELEASE:id;$RESET:id;$STATUS:id;$SVC:id,on;$CAL:id,offsetN,span,crc;$CALGET:id;$CALUSE:id,crc;%HB:;+ACK:id;-NAK:id,code;#T:tUs,state,measN,setN,posMm,velMmS,flags,region,limitN,fault;!EV:tUs,name;%HB:tUs';
export const TABLE_SCHEMA_HASH = formatHex4(crc16OfPrefix(TABLE_SCHEMA, TABLE_SCHEMA.length));

/** Wire state tokens (table.md §2). */
export const TABLE_STATES = ['IDLE', 'ARMED', 'RUN', 'PAUSE', 'RELG', 'RELD', 'FAULT'] as const;
export type TableWireState = (typeof TABLE_STATES)[number];
const REGION_TOKENS = ['L', 'C', '-'] as const;
export type TableRegion = 'lumbar' | 'cervical';

/** table.md §5 flag bits. */
export const TABLE_FLAG = {
  motorOn: 0x0001,
  patientSwitchA: 0x0002,
  patientSwitchB: 0x0004,
  estop: 0x0008,
  loadCellFault: 0x0010,
  driveFault: 0x0020,
  powerFail: 0x0040,
  hostOk: 0x0080,
  zeroed: 0x0100,
  switchTested: 0x0200,
  /** Service mode (table.md §4.1): no treatment can start. */
  service: 0x0400,
} as const;

/** table.md §6.1 release and fault reasons. */
export const TABLE_FAULT_NAMES: Readonly<Record<number, string>> = {
  0: 'none',
  1: 'watchdog',
  2: 'patient-switch',
  3: 'switch-fault',
  4: 'estop',
  5: 'force-limit',
  6: 'load-cell',
  7: 'drive',
  8: 'host-release',
  9: 'power',
};

export interface TableTelemetry {
  readonly kind: 'telemetry';
  readonly seq: number;
  readonly tUs: number;
  readonly state: TableWireState;
  readonly measuredN: number;
  readonly setpointN: number;
  readonly positionMm: number;
  readonly velocityMmS: number;
  readonly flags: number;
  readonly region: TableRegion | undefined;
  readonly limitN: number;
  readonly fault: number;
}

export type TableLine = TableTelemetry | LinkMessage | BadLine;

/**
 * Decodes one line: its bytes without the LF, as the framer hands them over. Never throws; bad
 * lines come back as `{ kind: 'bad' }`.
 */
export function decodeTableLine(line: Buffer): TableLine {
  // latin1 maps each byte to one code unit, so the frame check sees exactly the bytes that came.
  const parsed = parseLine(line.toString('latin1'));
  if (parsed.kind === 'bad') return parsed;
  if (parsed.type !== '#T') return decodeLinkMessage(parsed) ?? unknownType(parsed);
  const { seq, reader } = parsed;
  const tUs = reader.uint(0, MAX_DEVICE_TIME_US);
  const state = reader.oneOf(TABLE_STATES);
  const measuredN = reader.fixed1(-200, 1600);
  const setpointN = reader.fixed1(0, 1500);
  const positionMm = reader.fixed1(-10, 120);
  const velocityMmS = reader.fixed1(-500, 500);
  const flags = reader.hex(4);
  const regionToken = reader.oneOf(REGION_TOKENS);
  const limitN = reader.fixed1(0, 1500);
  const fault = reader.uint(0, 255);
  const region = regionToken === 'L' ? 'lumbar' : regionToken === 'C' ? 'cervical' : undefined;
  return finish(reader, {
    kind: 'telemetry',
    seq,
    tUs,
    state,
    measuredN,
    setpointN,
    positionMm,
    velocityMmS,
    flags,
    region,
    limitN,
    fault,
  });
}

/** Host → table commands (table.md §4). Forces in N, rates in N/s. */
export type TableCommand =
  | { readonly kind: 'hello'; readonly proto: number; readonly hash: string }
  | { readonly kind: 'info'; readonly page: number }
  | { readonly kind: 'zero' }
  | { readonly kind: 'arm'; readonly region: TableRegion }
  | { readonly kind: 'disarm' }
  | { readonly kind: 'set'; readonly targetN: number; readonly rateNps: number }
  | { readonly kind: 'pause' }
  | { readonly kind: 'stop'; readonly rateNps: number }
  | { readonly kind: 'release' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'status' }
  /** table.md §4.1: service mode for the load-cell coefficients. */
  | { readonly kind: 'service'; readonly isOn: boolean }
  | { readonly kind: 'writeCoefficients'; readonly offsetN: number; readonly span: number }
  | { readonly kind: 'readCoefficients' }
  | { readonly kind: 'useCoefficients'; readonly crc: string };

/** table.md §4.1: `offsetN` has 2 decimals, `span` 5, in these ranges. */
export const COEFFICIENT_RANGES = { offsetN: { min: -50, max: 50 }, span: { min: 0.9, max: 1.1 } } as const;

/** The coefficients as the wire writes them: `<offsetN> <span>`, the text their CRC covers. */
export function coefficientText(offsetN: number, span: number): string {
  return `${formatFixed(offsetN, 2)} ${formatFixed(span, 5)}`;
}

/** CRC-16 (link.md §2) of the coefficients as sent, 4 upper-case hex digits (table.md §4.1). */
export function coefficientCrc(offsetN: number, span: number): string {
  const text = coefficientText(offsetN, span);
  return formatHex4(crc16OfPrefix(text, text.length));
}

export function encodeTableCommand(command: TableCommand, seq: number, id: number): string {
  switch (command.kind) {
    case 'hello':
      return encodeCommand('$HELLO', seq, id, [String(command.proto), command.hash]);
    case 'info':
      return encodeCommand('$INFO', seq, id, [String(command.page)]);
    case 'zero':
      return encodeCommand('$ZERO', seq, id, []);
    case 'arm':
      return encodeCommand('$ARM', seq, id, [command.region === 'lumbar' ? 'L' : 'C']);
    case 'disarm':
      return encodeCommand('$DISARM', seq, id, []);
    case 'set':
      return encodeCommand('$SET', seq, id, [formatFixed1(command.targetN), formatFixed1(command.rateNps)]);
    case 'pause':
      return encodeCommand('$PAUSE', seq, id, []);
    case 'stop':
      return encodeCommand('$STOP', seq, id, [formatFixed1(command.rateNps)]);
    case 'release':
      return encodeCommand('$RELEASE', seq, id, []);
    case 'reset':
      return encodeCommand('$RESET', seq, id, []);
    case 'status':
      return encodeCommand('$STATUS', seq, id, []);
    case 'service':
      return encodeCommand('$SVC', seq, id, [command.isOn ? '1' : '0']);
    case 'writeCoefficients':
      return encodeCommand('$CAL', seq, id, [coefficientText(command.offsetN, command.span), coefficientCrc(command.offsetN, command.span)]);
    case 'readCoefficients':
      return encodeCommand('$CALGET', seq, id, []);
    case 'useCoefficients':
      return encodeCommand('$CALUSE', seq, id, [command.crc]);
    default:
      return assertNever(command, 'table command');
  }
}
