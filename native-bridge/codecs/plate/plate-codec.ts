/**
 * Host codec for the PF-600 force plate, docs/protocols/plate.md. `#D` samples, up to 2000 a
 * second, take a dedicated path that scans the line in place and hands the values to a sink
 * without allocating; everything else goes through the shared low-rate decoder.
 */
import { checkFrame, FRAME_CRC, FRAME_OVERFLOW } from '../line/frame-check.ts';
import { SCAN_FORMAT, SCAN_RANGE, scanHex, scanInt, scanUint, scanned } from '../line/field-scan.ts';
import {
  BAD_LINE,
  MAX_DEVICE_TIME_US,
  MAX_SEQ,
  decodeLinkMessage,
  parseLine,
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

const MAX_SEQ_VALUE: number = MAX_SEQ;
const MAX_TIME_US: number = MAX_DEVICE_TIME_US;
const ADC_MIN_COUNTS = -8388608;
const ADC_MAX_COUNTS = 8388607;

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
const frameOf = checkFrame;
const uintAt = scanUint;
const intAt = scanInt;
const hexAt = scanHex;
const scan = scanned;

const SAMPLE_FIELDS = 7;
const fieldValues = new Float64Array(SAMPLE_FIELDS);

/** Decodes one line (without LF). Never throws; bad lines come back as `{ kind: 'bad' }`. */
export function decodePlateLine(line: string, sink: PlateSampleSink): PlateLine {
  // '#', 'D', ' ': the first bytes classify the line (link.md §2.1).
  if (line.charCodeAt(0) !== 35 || line.charCodeAt(1) !== 68 || line.charCodeAt(2) !== 32) {
    return decodeOther(line);
  }
  const end = frameOf(line);
  if (end < 0) return BAD_LINE[end === FRAME_OVERFLOW ? 'overflow' : end === FRAME_CRC ? 'crc' : 'format'];
  let outOfRange = false;
  let at = 3;
  for (let field = 0; field < SAMPLE_FIELDS; field++) {
    const status =
      field === 0
        ? uintAt(line, at, end, MAX_SEQ_VALUE)
        : field === 1
          ? uintAt(line, at, end, MAX_TIME_US)
          : field < 6
            ? intAt(line, at, end, ADC_MIN_COUNTS, ADC_MAX_COUNTS)
            : hexAt(line, at, end, 2);
    if (status === SCAN_FORMAT) return BAD_LINE.format;
    if (status === SCAN_RANGE) outOfRange = true;
    fieldValues[field] = scan.value;
    at = scan.next + 1;
  }
  // The last field must end exactly at the '*': anything after it is an extra field.
  if (scan.next !== end) return BAD_LINE.format;
  if (outOfRange) return BAD_LINE.range;
  const v = fieldValues;
  sink.pushSample(v[0] as number, v[1] as number, v[2] as number, v[3] as number, v[4] as number, v[5] as number, v[6] as number);
  return SAMPLE_DECODED;
}

function decodeOther(line: string): LinkMessage | BadLine {
  const parsed = parseLine(line);
  if (parsed.kind === 'bad') return parsed;
  return decodeLinkMessage(parsed) ?? BAD_LINE.unknown;
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
