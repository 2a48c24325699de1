/**
 * Type-specific decoding and encoding, driven by a table of message specs per receiver.
 *
 * Spec: docs/protocols/link.md §2.2 (order: format → range → unknown), plate.md §4–§6 and
 * table.md §4–§7 supply the tables. A spec lists the positional fields after `seq`; messages
 * with `details` accept any number of trailing `key=value` fields. An unknown type is reported
 * as `unknown` only after its `seq` passed the range check, because range comes first in §2.2.
 */
import { checkFormat, checkRange, formatField, isEncodableDetail, parseDetail } from './field-codec.ts';
import type { FieldSpec, FieldValue } from './field-codec.ts';
import { buildLine, lineError, parseFrame } from './line-frame.ts';
import type { LineError } from './line-frame.ts';
import { ok, SimBugError } from './result.ts';
import type { Result } from './result.ts';

export interface MessageSpec {
  readonly type: string;
  readonly fields: readonly FieldSpec[];
  /** Trailing `key=value` detail fields allowed (ACK, NAK, EV). */
  readonly hasDetails: boolean;
}

export type Details = ReadonlyArray<readonly [string, string]>;

export interface DecodedLine {
  readonly type: string;
  readonly seq: number;
  /** Positional values, in spec order. */
  readonly values: readonly FieldValue[];
  readonly details: Details;
  /** Everything after `seq` exactly as received: the command memory's "id and fields" (link.md §4.2). */
  readonly afterSeq: string;
}

export const MAX_SEQ = 4294967295;
const SEQ_SPEC: FieldSpec = { kind: 'uint', name: 'seq', min: 0, max: MAX_SEQ };

export function specTable(specs: readonly MessageSpec[]): ReadonlyMap<string, MessageSpec> {
  return new Map(specs.map((spec) => [spec.type, spec]));
}

export function decodeLine(line: string, specs: ReadonlyMap<string, MessageSpec>): Result<DecodedLine, LineError> {
  const frame = parseFrame(line);
  if (!frame.ok) return frame;
  const { type, seqText, fields } = frame.value;
  const spec = specs.get(type);
  if (spec === undefined) {
    const seq = checkRange(SEQ_SPEC, seqText);
    return 'reason' in seq ? lineError('range', seq.reason) : lineError('unknown', `type ${type}`);
  }

  // Pass 1: every format rule of every field.
  const fixedCount = spec.fields.length;
  if (fields.length < fixedCount || (!spec.hasDetails && fields.length > fixedCount)) {
    return lineError('format', `${type}: ${fields.length} fields`);
  }
  for (let i = 0; i < fixedCount; i++) {
    const reason = checkFormat(spec.fields[i] as FieldSpec, fields[i] as string);
    if (reason !== null) return lineError('format', reason);
  }
  const details: (readonly [string, string])[] = [];
  for (const text of fields.slice(fixedCount)) {
    const detail = parseDetail(text);
    if (detail === null) return lineError('format', `bad detail field "${text}"`);
    details.push(detail);
  }

  // Pass 2: ranges, seq first.
  const seq = checkRange(SEQ_SPEC, seqText);
  if ('reason' in seq) return lineError('range', seq.reason);
  const values: FieldValue[] = [];
  for (let i = 0; i < fixedCount; i++) {
    const checked = checkRange(spec.fields[i] as FieldSpec, fields[i] as string);
    if ('reason' in checked) return lineError('range', checked.reason);
    values.push(checked.value);
  }
  const afterSeq = fields.join(' ');
  return ok({ type, seq: seq.value as number, values, details, afterSeq });
}

/** Encodes one line (without LF) from positional values and details; throws on a simulator bug. */
export function encodeLine(
  spec: MessageSpec,
  seq: number,
  values: readonly FieldValue[],
  details: Details = [],
): string {
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_SEQ) throw new SimBugError(`seq ${seq} out of range`);
  if (values.length !== spec.fields.length) throw new SimBugError(`${spec.type}: ${values.length} values`);
  if (!spec.hasDetails && details.length > 0) throw new SimBugError(`${spec.type} carries no details`);
  const texts = spec.fields.map((field, i) => formatField(field, values[i] as FieldValue));
  for (const [key, value] of details) {
    if (!isEncodableDetail(key, value)) throw new SimBugError(`bad detail ${key}=${value}`);
    texts.push(`${key}=${value}`);
  }
  return buildLine(spec.type, seq, texts);
}

export function numberAt(line: DecodedLine, index: number): number {
  const value = line.values[index];
  if (typeof value !== 'number') throw new SimBugError(`${line.type}[${index}] is not a number`);
  return value;
}

export function textAt(line: DecodedLine, index: number): string {
  const value = line.values[index];
  if (typeof value !== 'string') throw new SimBugError(`${line.type}[${index}] is not text`);
  return value;
}
