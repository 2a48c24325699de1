/**
 * Host codec for the PF-600 force plate, docs/protocols/plate.md. `#D` samples, up to 2000 a
 * second, take a dedicated path that scans the line in place and hands the values to a sink
 * without allocating; everything else goes through the shared low-rate decoder.
 */
import { SAMPLE_OK, decodeSampleLine, sampleFields } from './sample-line.ts';
import {
  BAD_LINE,
  decodeLinkMessage,
  parseLine,
  unknownType,
  type BadLine,
  type LinkMessage,
} from '../line/line-message.ts';
import { crc16OfPrefix, formatHex4 } from '../line/crc16.ts';
import { encodeCommand } from '../line/line-encode.ts';
import { assertNever } from '../../../core/index.ts';

/** plate.md §3; any change to a message changes the hash and fails the handshake. */
export const PLATE_SCHEMA =
  'PF600/1;$HELLO:id,proto,hash;$INFO:id,page;$RATE:id,hz;$START:id;$STOP:id;$STATUS:id;%HB:;+ACK:id;-NAK:id,code;#D:tUs,c0,c1,c2,c3,flags;!EV:tUs,name;%HB:tUs';
export const PLATE_SCHEMA_HASH = formatHex4(crc16OfPrefix(PLATE_SCHEMA, PLATE_SCHEMA.length));

/** plate.md §5 flag bits. */
export const PLATE_FLAG = {
  overrange: 0x01,
  adcFault: 0x02,
  deviceOverflow: 0x04,
  resync: 0x08,
} as const;

/** Receives decoded samples; called synchronously from decodePlateLine. */
export interface PlateSampleSink {
  pushSample(seq: number, tUs: number, c0: number, c1: number, c2: number, c3: number, flags: number): void;
}

export interface SampleDecoded {
  readonly kind: 'sample';
}
/** Returned for every good sample (the values went to the sink). */
export const SAMPLE_DECODED: SampleDecoded = Object.freeze({ kind: 'sample' });

export type PlateLine = SampleDecoded | LinkMessage | BadLine;

// Module-local aliases for the sample path: an imported binding is read through its module cell
// (under tsx and vitest, through a getter) on every access, which halved the decode rate.
const decodeSample = decodeSampleLine;
const fields = sampleFields;
const BAD_BY_STATUS: readonly BadLine[] = [BAD_LINE.format, BAD_LINE.overflow, BAD_LINE.crc, BAD_LINE.format, BAD_LINE.range];

/**
 * Decodes one line: its bytes without the LF, as the framer hands them over. Never throws; bad
 * lines come back as `{ kind: 'bad' }`.
 */
export function decodePlateLine(line: Buffer, sink: PlateSampleSink): PlateLine {
  // '#', 'D', ' ': the first bytes classify the line (link.md §2.1).
  if (line[0] !== 35 || line[1] !== 68 || line[2] !== 32) return decodeOther(line.toString('latin1'));
  const status = decodeSample(line);
  if (status !== SAMPLE_OK) return BAD_BY_STATUS[status] as BadLine;
  const f = fields;
  sink.pushSample(f[0] as number, f[1] as number, f[2] as number, f[3] as number, f[4] as number, f[5] as number, f[6] as number);
  return SAMPLE_DECODED;
}

function decodeOther(line: string): LinkMessage | BadLine {
  const parsed = parseLine(line);
  if (parsed.kind === 'bad') return parsed;
  return decodeLinkMessage(parsed) ?? unknownType(parsed);
}

/** Host → plate commands (plate.md §4). */
export type PlateCommand =
  | { readonly kind: 'hello'; readonly proto: number; readonly hash: string }
  | { readonly kind: 'info'; readonly page: number }
  | { readonly kind: 'rate'; readonly hz: number }
  | { readonly kind: 'start' }
  | { readonly kind: 'stop' }
  | { readonly kind: 'status' };

export function encodePlateCommand(command: PlateCommand, seq: number, id: number): string {
  switch (command.kind) {
    case 'hello':
      return encodeCommand('$HELLO', seq, id, [String(command.proto), command.hash]);
    case 'info':
      return encodeCommand('$INFO', seq, id, [String(command.page)]);
    case 'rate':
      return encodeCommand('$RATE', seq, id, [String(command.hz)]);
    case 'start':
      return encodeCommand('$START', seq, id, []);
    case 'stop':
      return encodeCommand('$STOP', seq, id, []);
    case 'status':
      return encodeCommand('$STATUS', seq, id, []);
    default:
      return assertNever(command, 'plate command');
  }
}
