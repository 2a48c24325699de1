/**
 * PF-600 plate messages and their codec, both directions.
 *
 * Spec: docs/protocols/plate.md §4 (commands), §5 (`#D` sample: tUs, c0…c3 signed 24-bit counts,
 * 2-hex-digit flags), §6 (events BOOT, ADCFAULT), link.md §4–§6 for replies and heartbeats.
 * The simulator receives host lines (`decodePlateHostLine`) and sends device lines
 * (`encodePlateDeviceLine`); the other two functions exist for tests and the bench, which play
 * the host.
 */
import { crc16OfText, formatCrc } from './crc16.ts';
import type { FieldSpec } from './field-codec.ts';
import {
  ACK_SPEC,
  DEVICE_HB_SPEC,
  HELLO_SPEC,
  HOST_HB_SPEC,
  ID_FIELD,
  INFO_SPEC,
  NAK_SPEC,
  T_US_FIELD,
} from './link-messages.ts';
import type { DecodedDeviceLine, DecodedHostLine, HelloCommand, InfoCommand, Reply } from './link-messages.ts';
import type { LineError } from './line-frame.ts';
import { decodeLine, encodeLine, numberAt, specTable, textAt } from './message-codec.ts';
import type { DecodedLine, Details, MessageSpec } from './message-codec.ts';
import { assertNever, ok } from './result.ts';
import type { Result } from './result.ts';

export type PlateCommand =
  | HelloCommand
  | InfoCommand
  | { readonly kind: 'rate'; readonly id: number; readonly rateHz: number }
  | { readonly kind: 'start'; readonly id: number }
  | { readonly kind: 'stop'; readonly id: number }
  | { readonly kind: 'status'; readonly id: number };

export type PlateHostMessage = { readonly kind: 'command'; readonly command: PlateCommand } | { readonly kind: 'heartbeat' };

export type PlateEventName = 'BOOT' | 'ADCFAULT';

export type CellCounts = readonly [number, number, number, number];

export type PlateDeviceMessage =
  | { readonly kind: 'sample'; readonly tUs: number; readonly counts: CellCounts; readonly flags: number }
  | Reply
  | {
      readonly kind: 'event';
      readonly tUs: number;
      /** A PlateEventName from the spec, or any other 1–16 upper-case letters (an event this spec does not define). */
      readonly name: string;
      readonly details: Details;
    }
  | { readonly kind: 'heartbeat'; readonly tUs: number };

/** `#D` flag bits (plate.md §5). */
export const PLATE_FLAG = { overrange: 0x01, adcFault: 0x02, deviceOverflow: 0x04, resync: 0x08 } as const;

const COUNTS_MIN = -8388608;
const COUNTS_MAX = 8388607;
const cell = (name: string): FieldSpec => ({ kind: 'int', name, min: COUNTS_MIN, max: COUNTS_MAX });

const RATE_SPEC: MessageSpec = {
  type: '$RATE',
  fields: [ID_FIELD, { kind: 'uint', name: 'hz', min: 100, max: 2000 }],
  hasDetails: false,
};
const idOnly = (type: string): MessageSpec => ({ type, fields: [ID_FIELD], hasDetails: false });
const START_SPEC = idOnly('$START');
const STOP_SPEC = idOnly('$STOP');
const STATUS_SPEC = idOnly('$STATUS');

const SAMPLE_SPEC: MessageSpec = {
  type: '#D',
  fields: [T_US_FIELD, cell('c0'), cell('c1'), cell('c2'), cell('c3'), { kind: 'hex', name: 'flags', digits: 2 }],
  hasDetails: false,
};
const EVENT_SPEC: MessageSpec = {
  type: '!EV',
  // Any 1–16 upper-case letters (link.md §2): a receiver decodes an event it does not know, and
  // ignores (and counts) it; the defined names are listed above.
  fields: [T_US_FIELD, { kind: 'word', name: 'name', maxLength: 16 }],
  hasDetails: true,
};

const HOST_SPECS = specTable([HELLO_SPEC, INFO_SPEC, RATE_SPEC, START_SPEC, STOP_SPEC, STATUS_SPEC, HOST_HB_SPEC]);
const DEVICE_SPECS = specTable([SAMPLE_SPEC, ACK_SPEC, NAK_SPEC, EVENT_SPEC, DEVICE_HB_SPEC]);

export function decodePlateHostLine(line: string): Result<DecodedHostLine<PlateHostMessage>, LineError> {
  const decoded = decodeLine(line, HOST_SPECS);
  if (!decoded.ok) return decoded;
  const d = decoded.value;
  return ok({ seq: d.seq, message: toHostMessage(d), commandKey: `${d.type} ${d.afterSeq}` });
}

function toHostMessage(d: DecodedLine): PlateHostMessage {
  if (d.type === '%HB') return { kind: 'heartbeat' };
  const id = numberAt(d, 0);
  const command = ((): PlateCommand => {
    switch (d.type) {
      case '$HELLO':
        return { kind: 'hello', id, proto: numberAt(d, 1), hash: textAt(d, 2) };
      case '$INFO':
        return { kind: 'info', id, page: numberAt(d, 1) };
      case '$RATE':
        return { kind: 'rate', id, rateHz: numberAt(d, 1) };
      case '$START':
        return { kind: 'start', id };
      case '$STOP':
        return { kind: 'stop', id };
      default:
        return { kind: 'status', id };
    }
  })();
  return { kind: 'command', command };
}

export function encodePlateHostLine(seq: number, message: PlateHostMessage): string {
  if (message.kind === 'heartbeat') return encodeLine(HOST_HB_SPEC, seq, []);
  const c = message.command;
  switch (c.kind) {
    case 'hello':
      return encodeLine(HELLO_SPEC, seq, [c.id, c.proto, c.hash]);
    case 'info':
      return encodeLine(INFO_SPEC, seq, [c.id, c.page]);
    case 'rate':
      return encodeLine(RATE_SPEC, seq, [c.id, c.rateHz]);
    case 'start':
      return encodeLine(START_SPEC, seq, [c.id]);
    case 'stop':
      return encodeLine(STOP_SPEC, seq, [c.id]);
    case 'status':
      return encodeLine(STATUS_SPEC, seq, [c.id]);
    default:
      return assertNever(c, 'plate command');
  }
}

export function encodePlateDeviceLine(seq: number, message: PlateDeviceMessage): string {
  switch (message.kind) {
    case 'sample': {
      const [c0, c1, c2, c3] = message.counts;
      return encodeLine(SAMPLE_SPEC, seq, [message.tUs, c0, c1, c2, c3, message.flags]);
    }
    case 'ack':
      return encodeLine(ACK_SPEC, seq, [message.id], message.details);
    case 'nak':
      return encodeLine(NAK_SPEC, seq, [message.id, message.code], message.details);
    case 'event':
      return encodeLine(EVENT_SPEC, seq, [message.tUs, message.name], message.details);
    case 'heartbeat':
      return encodeLine(DEVICE_HB_SPEC, seq, [message.tUs]);
    default:
      return assertNever(message, 'plate device message');
  }
}

/**
 * Fast path for `#D` lines (bench, load tests): the same bytes as `encodePlateDeviceLine` for a
 * sample, without per-field validation — the caller passes integers in range (tUs 0…2⁴⁸−1,
 * counts −8388608…8388607, flags 0…255, seq 0…2³²−1). plate-codec.test.ts checks it against the
 * validating encoder.
 */
export function encodePlateSampleLine(seq: number, tUs: number, c0: number, c1: number, c2: number, c3: number, flags: number): string {
  const body = `#D ${seq} ${tUs} ${c0} ${c1} ${c2} ${c3} ${HEX2[flags & 0xff] ?? '00'}`;
  return `${body}*${formatCrc(crc16OfText(body))}`;
}

const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

export function decodePlateDeviceLine(line: string): Result<DecodedDeviceLine<PlateDeviceMessage>, LineError> {
  const decoded = decodeLine(line, DEVICE_SPECS);
  if (!decoded.ok) return decoded;
  const d = decoded.value;
  return ok({ seq: d.seq, message: toDeviceMessage(d) });
}

function toDeviceMessage(d: DecodedLine): PlateDeviceMessage {
  switch (d.type) {
    case '#D':
      return {
        kind: 'sample',
        tUs: numberAt(d, 0),
        counts: [numberAt(d, 1), numberAt(d, 2), numberAt(d, 3), numberAt(d, 4)],
        flags: numberAt(d, 5),
      };
    case '+ACK':
      return { kind: 'ack', id: numberAt(d, 0), details: d.details };
    case '-NAK':
      return { kind: 'nak', id: numberAt(d, 0), code: numberAt(d, 1), details: d.details };
    case '!EV':
      return { kind: 'event', tUs: numberAt(d, 0), name: textAt(d, 1), details: d.details };
    default:
      return { kind: 'heartbeat', tUs: numberAt(d, 0) };
  }
}
