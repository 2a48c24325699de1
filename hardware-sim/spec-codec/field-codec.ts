/**
 * Field formats of the wire: unsigned and signed integers, one-decimal fixed point, fixed-width
 * upper-case hex, enumerated tokens, upper-case words (event names) and `key=value` details.
 *
 * Spec: docs/protocols/link.md §2 (number rules: no leading zeros, `-` only where a sign is
 * allowed, fixed point with exactly the stated decimals, never `-0.0`; flags as upper-case hex of
 * the stated width; tokens outside their set are a `format` error; event names are 1–16
 * upper-case letters, any of them, so a device may add events; detail keys `[A-Za-z][A-Za-z0-9]*`). Decoding is split in two passes, `checkFormat` then `checkRange`,
 * because §2.2 classifies every format error of a line before any range error.
 * Fixed-point values are handled as integer tenths so that range checks are exact.
 */
import { SimBugError } from './result.ts';

export type FieldSpec =
  | { readonly kind: 'uint'; readonly name: string; readonly min: number; readonly max: number }
  | { readonly kind: 'int'; readonly name: string; readonly min: number; readonly max: number }
  | { readonly kind: 'fixed1'; readonly name: string; readonly minTenths: number; readonly maxTenths: number }
  /** Fixed point with `decimals` places (table.md §4.1 coefficients), range in integer units of the last place. */
  | { readonly kind: 'fixedN'; readonly name: string; readonly decimals: number; readonly minUnits: number; readonly maxUnits: number }
  | { readonly kind: 'hex'; readonly name: string; readonly digits: number }
  /** Fixed-width upper-case hex kept as text (the schema hash). */
  | { readonly kind: 'hexText'; readonly name: string; readonly digits: number }
  | { readonly kind: 'token'; readonly name: string; readonly values: readonly string[] }
  /** 1 to `maxLength` upper-case letters, any word (event names, link.md §2). */
  | { readonly kind: 'word'; readonly name: string; readonly maxLength: number };

export type FieldValue = number | string;

const UINT = /^(0|[1-9][0-9]*)$/;
const INT = /^(0|-?[1-9][0-9]*)$/;
const FIXED1 = /^-?(0|[1-9][0-9]*)\.[0-9]$/;
const HEX = /^[0-9A-F]+$/;
const WORD = /^[A-Z]+$/;
const DETAIL = /^[A-Za-z][A-Za-z0-9]*=./;
const DETAIL_VALUE = /^[\x21-\x29\x2B-\x7E]+$/;

/** First pass: is the text in the field's stated format? Returns a reason or null. */
export function checkFormat(spec: FieldSpec, text: string): string | null {
  switch (spec.kind) {
    case 'uint':
      return UINT.test(text) ? null : `${spec.name}: not an unsigned integer`;
    case 'int':
      return INT.test(text) ? null : `${spec.name}: not an integer`;
    case 'fixed1':
      return FIXED1.test(text) && text !== '-0.0' ? null : `${spec.name}: not a one-decimal number`;
    case 'fixedN': {
      const isShaped = new RegExp(`^-?(0|[1-9][0-9]*)\\.[0-9]{${spec.decimals}}$`).test(text);
      const isNegativeZero = text.startsWith('-') && Number(text) === 0;
      return isShaped && !isNegativeZero ? null : `${spec.name}: not a ${spec.decimals}-decimal number`;
    }
    case 'hex':
    case 'hexText':
      return text.length === spec.digits && HEX.test(text) ? null : `${spec.name}: not ${spec.digits} hex digits`;
    case 'token':
      return spec.values.includes(text) ? null : `${spec.name}: token not in its set`;
    case 'word':
      return isWord(spec, text) ? null : `${spec.name}: not 1–${spec.maxLength} upper-case letters`;
    default:
      return assertNeverField(spec);
  }
}

function isWord(spec: { readonly maxLength: number }, text: string): boolean {
  return text.length <= spec.maxLength && WORD.test(text);
}

/** Second pass, on text that passed `checkFormat`: the value, or a reason when out of range. */
export function checkRange(spec: FieldSpec, text: string): { value: FieldValue } | { reason: string } {
  switch (spec.kind) {
    case 'uint':
    case 'int': {
      const value = Number(text);
      return value >= spec.min && value <= spec.max ? { value } : { reason: `${spec.name} out of range` };
    }
    case 'fixed1': {
      const tenths = Number(text.replace('.', ''));
      return tenths >= spec.minTenths && tenths <= spec.maxTenths
        ? { value: tenths / 10 }
        : { reason: `${spec.name} out of range` };
    }
    case 'fixedN': {
      const units = Number(text.replace('.', ''));
      return units >= spec.minUnits && units <= spec.maxUnits ? { value: units / 10 ** spec.decimals } : { reason: `${spec.name} out of range` };
    }
    case 'hex':
      return { value: Number.parseInt(text, 16) };
    case 'hexText':
    case 'token':
    case 'word':
      return { value: text };
    default:
      return assertNeverField(spec);
  }
}

/** Formats a value for the wire; throws on a value the field cannot carry (a simulator bug). */
export function formatField(spec: FieldSpec, value: FieldValue): string {
  switch (spec.kind) {
    case 'uint':
    case 'int': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max) {
        throw new SimBugError(`${spec.name}=${String(value)} not encodable`);
      }
      return String(value === 0 ? 0 : value);
    }
    case 'fixed1': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new SimBugError(`${spec.name} not a number`);
      const tenths = Math.round(value * 10);
      if (tenths < spec.minTenths || tenths > spec.maxTenths) {
        throw new SimBugError(`${spec.name}=${value} out of range`);
      }
      return formatTenths(tenths);
    }
    case 'fixedN': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new SimBugError(`${spec.name} not a number`);
      const units = Math.round(value * 10 ** spec.decimals);
      if (units < spec.minUnits || units > spec.maxUnits) throw new SimBugError(`${spec.name}=${value} out of range`);
      return units === 0 ? (0).toFixed(spec.decimals) : (units / 10 ** spec.decimals).toFixed(spec.decimals);
    }
    case 'hex': {
      const limit = 16 ** spec.digits;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= limit) {
        throw new SimBugError(`${spec.name}=${String(value)} not encodable`);
      }
      return value.toString(16).toUpperCase().padStart(spec.digits, '0');
    }
    case 'hexText':
      if (typeof value !== 'string' || value.length !== spec.digits || !HEX.test(value)) {
        throw new SimBugError(`${spec.name}=${String(value)} not encodable`);
      }
      return value;
    case 'token':
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        throw new SimBugError(`${spec.name}=${String(value)} not in its set`);
      }
      return value;
    case 'word':
      if (typeof value !== 'string' || !isWord(spec, value)) throw new SimBugError(`${spec.name}=${String(value)} not a word`);
      return value;
    default:
      return assertNeverField(spec);
  }
}

/** `12.5`, `-0.3`, `0.0`: exactly one decimal, never `-0.0` (link.md §2). */
export function formatTenths(tenths: number): string {
  if (tenths === 0) return '0.0';
  const magnitude = Math.abs(tenths);
  return `${tenths < 0 ? '-' : ''}${Math.floor(magnitude / 10)}.${magnitude % 10}`;
}

/** One decimal for a detail value (e.g. `fromN=412.3`). */
export function formatFixed1(value: number): string {
  return formatTenths(Math.round(value * 10));
}

/** Splits a `key=value` detail field; null when it breaks the §2 detail grammar. */
export function parseDetail(text: string): readonly [string, string] | null {
  if (!DETAIL.test(text)) return null;
  const eq = text.indexOf('=');
  return [text.slice(0, eq), text.slice(eq + 1)];
}

/** True when `key=value` may be sent as a detail field (encoder-side check). */
export function isEncodableDetail(key: string, value: string): boolean {
  const text = `${key}=${value}`;
  return parseDetail(text) !== null && DETAIL_VALUE.test(value) && text.length <= 40;
}

function assertNeverField(spec: never): never {
  throw new SimBugError(`unknown field spec ${JSON.stringify(spec)}`);
}
