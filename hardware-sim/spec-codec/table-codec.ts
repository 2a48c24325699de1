/**
 * DT-9 table messages and their codec, both directions.
 *
 * Spec: docs/protocols/table.md §4 (commands; fixed-point arguments with one decimal, `targetN`
 * 0.0–1500.0, `rateNps` 0.1–1500.0, region `L`/`C`), §5 (`#T` telemetry fields, formats and
 * ranges, 4-hex-digit flags), §4.1 (service mode: `$SVC`, `$CAL` with a 2-decimal `offsetN`, a
 * 5-decimal `span` and a 4-hex CRC, `$CALGET`, `$CALUSE`), §7 (event names), link.md §4–§6 for
 * replies and heartbeats.
 * Wire tokens (IDLE, RELG, L, …) are mapped to lower-case kinds here and nowhere else.
 */
import { formatField } from './field-codec.ts';
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

export type Region = 'lumbar' | 'cervical';
export type TableStateKind = 'idle' | 'armed' | 'run' | 'pause' | 'releasing' | 'released' | 'fault';

export type TableCommand =
  | HelloCommand
  | InfoCommand
  | { readonly kind: 'zero'; readonly id: number }
  | { readonly kind: 'arm'; readonly id: number; readonly region: Region }
  | { readonly kind: 'disarm'; readonly id: number }
  | { readonly kind: 'set'; readonly id: number; readonly targetN: number; readonly rateNps: number }
  | { readonly kind: 'pause'; readonly id: number }
  | { readonly kind: 'stop'; readonly id: number; readonly rateNps: number }
  | { readonly kind: 'release'; readonly id: number }
  | { readonly kind: 'reset'; readonly id: number }
  | { readonly kind: 'status'; readonly id: number }
  | { readonly kind: 'svc'; readonly id: number; readonly on: number }
  | { readonly kind: 'cal'; readonly id: number; readonly offsetN: number; readonly span: number; readonly crc: string }
  | { readonly kind: 'calget'; readonly id: number }
  | { readonly kind: 'caluse'; readonly id: number; readonly crc: string };

export type TableHostMessage = { readonly kind: 'command'; readonly command: TableCommand } | { readonly kind: 'heartbeat' };

export const TABLE_EVENT_NAMES = [
  'BOOT', 'PSW', 'PSWTEST', 'PSWFAULT', 'ESTOP', 'ESTOPCLR', 'LIMIT', 'WDOG', 'RELEASE', 'RELDONE', 'LOADCELL', 'POWER',
] as const;
export type TableEventName = (typeof TABLE_EVENT_NAMES)[number];

export interface Telemetry {
  readonly kind: 'telemetry';
  readonly tUs: number;
  readonly state: TableStateKind;
  readonly measN: number;
  readonly setN: number;
  readonly posMm: number;
  readonly velMmS: number;
  readonly flags: number;
  readonly region: Region | null;
  readonly limitN: number;
  readonly fault: number;
}

export type TableDeviceMessage =
  | Telemetry
  | Reply
  | {
      readonly kind: 'event';
      readonly tUs: number;
      /** A TableEventName from the spec, or any other 1–16 upper-case letters (an event this spec does not define). */
      readonly name: string;
      readonly details: Details;
    }
  | { readonly kind: 'heartbeat'; readonly tUs: number };

/** `#T` flag bits (table.md §5). */
export const TABLE_FLAG = {
  motorOn: 0x0001,
  switchA: 0x0002,
  switchB: 0x0004,
  estop: 0x0008,
  loadCellFault: 0x0010,
  driveFault: 0x0020,
  powerFail: 0x0040,
  hostOk: 0x0080,
  zeroed: 0x0100,
  switchTested: 0x0200,
  service: 0x0400,
} as const;

const STATE_TOKENS: Readonly<Record<TableStateKind, string>> = {
  idle: 'IDLE', armed: 'ARMED', run: 'RUN', pause: 'PAUSE', releasing: 'RELG', released: 'RELD', fault: 'FAULT',
};
const STATE_BY_TOKEN = new Map(Object.entries(STATE_TOKENS).map(([kind, token]) => [token, kind as TableStateKind]));

const fixed = (name: string, min: number, max: number): FieldSpec => ({
  kind: 'fixed1', name, minTenths: Math.round(min * 10), maxTenths: Math.round(max * 10),
});
const idOnly = (type: string): MessageSpec => ({ type, fields: [ID_FIELD], hasDetails: false });
const RATE_FIELD = fixed('rateNps', 0.1, 1500);
/** CRC of load-cell coefficients as sent (table.md §4.1). */
const CRC_FIELD: FieldSpec = { kind: 'hexText', name: 'crc', digits: 4 };

const HOST_SPEC = {
  zero: idOnly('$ZERO'),
  arm: { type: '$ARM', fields: [ID_FIELD, { kind: 'token', name: 'region', values: ['L', 'C'] }], hasDetails: false },
  disarm: idOnly('$DISARM'),
  set: { type: '$SET', fields: [ID_FIELD, fixed('targetN', 0, 1500), RATE_FIELD], hasDetails: false },
  pause: idOnly('$PAUSE'),
  stop: { type: '$STOP', fields: [ID_FIELD, RATE_FIELD], hasDetails: false },
  release: idOnly('$RELEASE'),
  reset: idOnly('$RESET'),
  status: idOnly('$STATUS'),
  svc: { type: '$SVC', fields: [ID_FIELD, { kind: 'uint', name: 'on', min: 0, max: 1 }], hasDetails: false },
  cal: {
    type: '$CAL',
    fields: [
      ID_FIELD,
      { kind: 'fixedN', name: 'offsetN', decimals: 2, minUnits: -5000, maxUnits: 5000 },
      { kind: 'fixedN', name: 'span', decimals: 5, minUnits: 90000, maxUnits: 110000 },
      CRC_FIELD,
    ],
    hasDetails: false,
  },
  calget: idOnly('$CALGET'),
  caluse: { type: '$CALUSE', fields: [ID_FIELD, CRC_FIELD], hasDetails: false },
} as const satisfies Record<string, MessageSpec>;

const TELEMETRY_SPEC: MessageSpec = {
  type: '#T',
  fields: [
    T_US_FIELD,
    { kind: 'token', name: 'state', values: Object.values(STATE_TOKENS) },
    fixed('measN', -200, 1600),
    fixed('setN', 0, 1500),
    fixed('posMm', -10, 120),
    fixed('velMmS', -500, 500),
    { kind: 'hex', name: 'flags', digits: 4 },
    { kind: 'token', name: 'region', values: ['L', 'C', '-'] },
    fixed('limitN', 0, 1500),
    { kind: 'uint', name: 'fault', min: 0, max: 255 },
  ],
  hasDetails: false,
};
const EVENT_SPEC: MessageSpec = {
  type: '!EV',
  // Any 1–16 upper-case letters (link.md §2): a receiver decodes an event it does not know, and
  // ignores (and counts) it; the defined names are listed above.
  fields: [T_US_FIELD, { kind: 'word', name: 'name', maxLength: 16 }],
  hasDetails: true,
};

const HOST_SPECS = specTable([HELLO_SPEC, INFO_SPEC, ...Object.values(HOST_SPEC), HOST_HB_SPEC]);
const DEVICE_SPECS = specTable([TELEMETRY_SPEC, ACK_SPEC, NAK_SPEC, EVENT_SPEC, DEVICE_HB_SPEC]);

const regionToken = (region: Region | null): string => (region === null ? '-' : region === 'lumbar' ? 'L' : 'C');
const regionOf = (token: string): Region | null => (token === 'L' ? 'lumbar' : token === 'C' ? 'cervical' : null);

/** Load-cell coefficients as the wire writes them, `<offsetN> <span>`: the text their CRC covers (table.md §4.1). */
export function coefficientText(offsetN: number, span: number): string {
  const [, offsetField, spanField] = HOST_SPEC.cal.fields;
  return `${formatField(offsetField, offsetN)} ${formatField(spanField, span)}`;
}

export function decodeTableHostLine(line: string): Result<DecodedHostLine<TableHostMessage>, LineError> {
  const decoded = decodeLine(line, HOST_SPECS);
  if (!decoded.ok) return decoded;
  const d = decoded.value;
  return ok({ seq: d.seq, message: toHostMessage(d), commandKey: `${d.type} ${d.afterSeq}` });
}

function toHostMessage(d: DecodedLine): TableHostMessage {
  if (d.type === '%HB') return { kind: 'heartbeat' };
  const id = numberAt(d, 0);
  const command = ((): TableCommand => {
    switch (d.type) {
      case '$HELLO':
        return { kind: 'hello', id, proto: numberAt(d, 1), hash: textAt(d, 2) };
      case '$INFO':
        return { kind: 'info', id, page: numberAt(d, 1) };
      case '$ARM':
        return { kind: 'arm', id, region: regionOf(textAt(d, 1)) ?? 'lumbar' };
      case '$SET':
        return { kind: 'set', id, targetN: numberAt(d, 1), rateNps: numberAt(d, 2) };
      case '$STOP':
        return { kind: 'stop', id, rateNps: numberAt(d, 1) };
      case '$ZERO':
        return { kind: 'zero', id };
      case '$DISARM':
        return { kind: 'disarm', id };
      case '$PAUSE':
        return { kind: 'pause', id };
      case '$RELEASE':
        return { kind: 'release', id };
      case '$RESET':
        return { kind: 'reset', id };
      case '$SVC':
        return { kind: 'svc', id, on: numberAt(d, 1) };
      case '$CAL':
        return { kind: 'cal', id, offsetN: numberAt(d, 1), span: numberAt(d, 2), crc: textAt(d, 3) };
      case '$CALGET':
        return { kind: 'calget', id };
      case '$CALUSE':
        return { kind: 'caluse', id, crc: textAt(d, 1) };
      default:
        return { kind: 'status', id };
    }
  })();
  return { kind: 'command', command };
}

export function encodeTableHostLine(seq: number, message: TableHostMessage): string {
  if (message.kind === 'heartbeat') return encodeLine(HOST_HB_SPEC, seq, []);
  const c = message.command;
  switch (c.kind) {
    case 'hello':
      return encodeLine(HELLO_SPEC, seq, [c.id, c.proto, c.hash]);
    case 'info':
      return encodeLine(INFO_SPEC, seq, [c.id, c.page]);
    case 'arm':
      return encodeLine(HOST_SPEC.arm, seq, [c.id, regionToken(c.region)]);
    case 'set':
      return encodeLine(HOST_SPEC.set, seq, [c.id, c.targetN, c.rateNps]);
    case 'stop':
      return encodeLine(HOST_SPEC.stop, seq, [c.id, c.rateNps]);
    case 'svc':
      return encodeLine(HOST_SPEC.svc, seq, [c.id, c.on]);
    case 'cal':
      return encodeLine(HOST_SPEC.cal, seq, [c.id, c.offsetN, c.span, c.crc]);
    case 'caluse':
      return encodeLine(HOST_SPEC.caluse, seq, [c.id, c.crc]);
    case 'calget':
    case 'zero':
    case 'disarm':
    case 'pause':
    case 'release':
    case 'reset':
    case 'status':
      return encodeLine(HOST_SPEC[c.kind], seq, [c.id]);
    default:
      return assertNever(c, 'table command');
  }
}

export function encodeTableDeviceLine(seq: number, message: TableDeviceMessage): string {
  switch (message.kind) {
    case 'telemetry':
      return encodeLine(TELEMETRY_SPEC, seq, [
        message.tUs, STATE_TOKENS[message.state], message.measN, message.setN, message.posMm, message.velMmS,
        message.flags, regionToken(message.region), message.limitN, message.fault,
      ]);
    case 'ack':
      return encodeLine(ACK_SPEC, seq, [message.id], message.details);
    case 'nak':
      return encodeLine(NAK_SPEC, seq, [message.id, message.code], message.details);
    case 'event':
      return encodeLine(EVENT_SPEC, seq, [message.tUs, message.name], message.details);
    case 'heartbeat':
      return encodeLine(DEVICE_HB_SPEC, seq, [message.tUs]);
    default:
      return assertNever(message, 'table device message');
  }
}

export function decodeTableDeviceLine(line: string): Result<DecodedDeviceLine<TableDeviceMessage>, LineError> {
  const decoded = decodeLine(line, DEVICE_SPECS);
  if (!decoded.ok) return decoded;
  const d = decoded.value;
  return ok({ seq: d.seq, message: toDeviceMessage(d) });
}

function toDeviceMessage(d: DecodedLine): TableDeviceMessage {
  switch (d.type) {
    case '#T':
      return {
        kind: 'telemetry',
        tUs: numberAt(d, 0),
        state: STATE_BY_TOKEN.get(textAt(d, 1)) ?? 'idle',
        measN: numberAt(d, 2),
        setN: numberAt(d, 3),
        posMm: numberAt(d, 4),
        velMmS: numberAt(d, 5),
        flags: numberAt(d, 6),
        region: regionOf(textAt(d, 7)),
        limitN: numberAt(d, 8),
        fault: numberAt(d, 9),
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
