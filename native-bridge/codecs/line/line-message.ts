/**
 * The messages every device on the link sends (docs/protocols/link.md §4–§6): replies, events
 * and heartbeats, plus the shared header rules (type token and sequence number).
 */
import { SCAN_FORMAT, SCAN_OK, type ScanStatus } from './field-scan.ts';
import { FieldReader, splitFields } from './field-reader.ts';
import { FRAME_CRC, FRAME_OVERFLOW, checkFrame } from './frame-check.ts';
import type { LineErrorClass } from './line-error.ts';

export const MAX_SEQ = 4294967295;
export const MAX_COMMAND_ID = 65535;
/** link.md §4.3. */
const MAX_NAK_CODE = 255;
/** Device time does not wrap in service (link.md §8). */
export const MAX_DEVICE_TIME_US = 281474976710655;

export interface AckReply {
  readonly kind: 'ack';
  readonly seq: number;
  readonly id: number;
  readonly detail: Readonly<Record<string, string>>;
}
export interface NakReply {
  readonly kind: 'nak';
  readonly seq: number;
  readonly id: number;
  readonly code: number;
  readonly detail: Readonly<Record<string, string>>;
}
export interface DeviceEvent {
  readonly kind: 'event';
  readonly seq: number;
  readonly tUs: number;
  readonly name: string;
  readonly detail: Readonly<Record<string, string>>;
}
export interface DeviceHeartbeat {
  readonly kind: 'heartbeat';
  readonly seq: number;
  readonly tUs: number;
}
export interface BadLine {
  readonly kind: 'bad';
  readonly error: LineErrorClass;
}
export type LinkMessage = AckReply | NakReply | DeviceEvent | DeviceHeartbeat;

/** One frozen object per class, so counting bad lines allocates nothing. */
export const BAD_LINE: Readonly<Record<LineErrorClass, BadLine>> = {
  overflow: { kind: 'bad', error: 'overflow' },
  crc: { kind: 'bad', error: 'crc' },
  format: { kind: 'bad', error: 'format' },
  range: { kind: 'bad', error: 'range' },
  unknown: { kind: 'bad', error: 'unknown' },
};

const TYPE_PATTERN = /^[!-/:-@[-`{-~][A-Z]{1,8}$/;
const EVENT_NAME_PATTERN = /^[A-Z]{1,16}$/;

/** A checked, tokenised line whose header (type, seq) is well-formed. */
export interface ParsedLine {
  readonly kind: 'parsed';
  readonly type: string;
  readonly seq: number;
  readonly reader: FieldReader;
}

/** Frame check, tokenising and header parse shared by every low-rate message. */
export function parseLine(line: string): ParsedLine | BadLine {
  const bodyEnd = checkFrame(line);
  if (bodyEnd < 0) return BAD_LINE[bodyEnd === FRAME_OVERFLOW ? 'overflow' : bodyEnd === FRAME_CRC ? 'crc' : 'format'];
  const tokens = splitFields(line, bodyEnd);
  const type = tokens?.[0];
  if (tokens === undefined || type === undefined || !TYPE_PATTERN.test(type)) return BAD_LINE.format;
  const reader = new FieldReader(tokens, 1);
  const seq = reader.uint(0, MAX_SEQ);
  return { kind: 'parsed', type, seq, reader };
}

/** Maps a finished reader's status to the result: the message, or the bad-line class. */
export function finish<T>(reader: FieldReader, message: T): T | BadLine {
  const status: ScanStatus = reader.end();
  if (status === SCAN_OK) return message;
  return status === SCAN_FORMAT ? BAD_LINE.format : BAD_LINE.range;
}

/**
 * For a line whose type this receiver does not know: a malformed or out-of-range sequence number
 * still decides the class, because link.md §2.2 checks format and range before unknown.
 */
export function unknownType(parsed: ParsedLine): BadLine {
  const status = parsed.reader.status;
  return status === SCAN_OK ? BAD_LINE.unknown : status === SCAN_FORMAT ? BAD_LINE.format : BAD_LINE.range;
}

/** Decodes the link-level messages; `undefined` when the type is not one of them. */
export function decodeLinkMessage(parsed: ParsedLine): LinkMessage | BadLine | undefined {
  const { type, seq, reader } = parsed;
  switch (type) {
    case '+ACK': {
      const id = reader.uint(1, MAX_COMMAND_ID);
      return finish(reader, { kind: 'ack', seq, id, detail: reader.keyValues() });
    }
    case '-NAK': {
      const id = reader.uint(1, MAX_COMMAND_ID);
      const code = reader.uint(1, MAX_NAK_CODE);
      return finish(reader, { kind: 'nak', seq, id, code, detail: reader.keyValues() });
    }
    case '!EV': {
      const tUs = reader.uint(0, MAX_DEVICE_TIME_US);
      const name = reader.matching(EVENT_NAME_PATTERN);
      return finish(reader, { kind: 'event', seq, tUs, name, detail: reader.keyValues() });
    }
    case '%HB':
      return finish(reader, { kind: 'heartbeat', seq, tUs: reader.uint(0, MAX_DEVICE_TIME_US) });
    default:
      return undefined;
  }
}

