/**
 * Messages shared by both devices: replies, heartbeats and the field specs they use.
 *
 * Spec: docs/protocols/link.md §4 (command ids 1–65535, `+ACK <seq> <id> [k=v…]`,
 * `-NAK <seq> <id> <code> [k=v…]`, NAK codes §4.3), §6 (`%HB <seq>` host → device,
 * `%HB <seq> <tUs>` device → host) and §8 (`tUs` 0 … 2⁴⁸ − 1).
 * NAK codes: the spec lists 1–16 and promises only additions, so any code 1–255 decodes.
 */
import type { FieldSpec } from './field-codec.ts';
import type { Details, MessageSpec } from './message-codec.ts';

export const ID_FIELD: FieldSpec = { kind: 'uint', name: 'id', min: 1, max: 65535 };
export const T_US_FIELD: FieldSpec = { kind: 'uint', name: 'tUs', min: 0, max: 2 ** 48 - 1 };
const CODE_FIELD: FieldSpec = { kind: 'uint', name: 'code', min: 1, max: 255 };
const PROTO_FIELD: FieldSpec = { kind: 'uint', name: 'proto', min: 0, max: 4294967295 };
const HASH_FIELD: FieldSpec = { kind: 'hexText', name: 'hash', digits: 4 };
export const PAGE_FIELD: FieldSpec = { kind: 'uint', name: 'page', min: 0, max: 255 };

export const ACK_SPEC: MessageSpec = { type: '+ACK', fields: [ID_FIELD], hasDetails: true };
export const NAK_SPEC: MessageSpec = { type: '-NAK', fields: [ID_FIELD, CODE_FIELD], hasDetails: true };
export const DEVICE_HB_SPEC: MessageSpec = { type: '%HB', fields: [T_US_FIELD], hasDetails: false };
export const HOST_HB_SPEC: MessageSpec = { type: '%HB', fields: [], hasDetails: false };
export const HELLO_SPEC: MessageSpec = { type: '$HELLO', fields: [ID_FIELD, PROTO_FIELD, HASH_FIELD], hasDetails: false };
export const INFO_SPEC: MessageSpec = { type: '$INFO', fields: [ID_FIELD, PAGE_FIELD], hasDetails: false };

/** NAK codes of link.md §4.3, by name. */
export const NAK = {
  unknownCommand: 1,
  badArgument: 2,
  outOfRange: 3,
  wrongState: 4,
  noHello: 5,
  versionMismatch: 6,
  idReused: 7,
  busy: 8,
  estopEngaged: 9,
  faultLatched: 10,
  switchNotReady: 11,
  notArmed: 12,
  rateTooHigh: 13,
  limitExceeded: 14,
  notAtZero: 15,
  regionLocked: 16,
  serviceMode: 17,
  crcMismatch: 18,
  changeTooLarge: 19,
} as const;

export type NakCode = (typeof NAK)[keyof typeof NAK];

export type Reply =
  | { readonly kind: 'ack'; readonly id: number; readonly details: Details }
  | { readonly kind: 'nak'; readonly id: number; readonly code: number; readonly details: Details };

export interface HelloCommand {
  readonly kind: 'hello';
  readonly id: number;
  readonly proto: number;
  readonly hash: string;
}

export interface InfoCommand {
  readonly kind: 'info';
  readonly id: number;
  readonly page: number;
}

export interface DecodedHostLine<M> {
  readonly seq: number;
  readonly message: M;
  /** Type plus every field after `seq`, byte for byte: the key of the never-twice rule (link.md §4.2). */
  readonly commandKey: string;
}

export interface DecodedDeviceLine<M> {
  readonly seq: number;
  readonly message: M;
}
