/**
 * Line framing: the generic grammar every line shares, in both directions.
 *
 * Spec: docs/protocols/link.md §2 and §2.2. `parseFrame` applies the checks that do not depend on
 * the message type, in the order §2.2 prescribes: overflow (> 120 bytes), crc (not exactly one
 * `*`, not 4 upper-case hex digits after it, or a mismatch), then the generic format rules (bytes
 * 0x20–0x7E, single spaces, sigil + 1–8 upper-case letters, `seq` digits without leading zeros,
 * fields of 1–40 bytes). The `seq` range and everything type-specific is left to
 * message-codec.ts, because §2.2 checks all format rules before any range rule.
 * Lines are latin1 strings: one char per byte, without the LF.
 */
import { crc16OfText, formatCrc } from './crc16.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';

export type LineErrorClass = 'overflow' | 'crc' | 'format' | 'range' | 'unknown';

export interface LineError {
  readonly kind: LineErrorClass;
  /** Human-readable reason, for logs and test failure messages only. */
  readonly detail: string;
}

/** Longest legal line, counted without the LF (link.md §2). */
export const MAX_LINE_BYTES = 120;
/** Longest legal field (link.md §2). */
export const MAX_FIELD_BYTES = 40;

export interface Frame {
  /** Sigil plus name, e.g. `#D`. */
  readonly type: string;
  /** The `seq` digits, grammar-checked but not range-checked. */
  readonly seqText: string;
  readonly fields: readonly string[];
}

// Sigil: printable punctuation except `*` (0x21–0x2F, 0x3A–0x40, 0x5B–0x60, 0x7B–0x7E).
const TYPE_PATTERN = /^[\x21-\x29\x2B-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E][A-Z]{1,8}$/;
const UINT_PATTERN = /^(0|[1-9][0-9]*)$/;

export function lineError(kind: LineErrorClass, detail: string): { readonly ok: false; readonly error: LineError } {
  return err({ kind, detail });
}

export function parseFrame(line: string): Result<Frame, LineError> {
  if (line.length > MAX_LINE_BYTES) return lineError('overflow', `${line.length} bytes before LF`);
  const star = line.indexOf('*');
  if (star < 0 || line.indexOf('*', star + 1) >= 0) return lineError('crc', 'not exactly one "*"');
  const crcText = line.slice(star + 1);
  if (!/^[0-9A-F]{4}$/.test(crcText)) return lineError('crc', 'not 4 upper-case hex digits after "*"');
  if (crc16OfText(line, 0, star) !== Number.parseInt(crcText, 16)) return lineError('crc', 'checksum mismatch');

  for (let i = 0; i < star; i++) {
    const code = line.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return lineError('format', `byte 0x${code.toString(16)} at ${i}`);
  }
  const tokens = line.slice(0, star).split(' ');
  if (tokens.some((token) => token.length === 0)) return lineError('format', 'empty token (bad spacing)');
  const [type, seqText, ...fields] = tokens;
  if (type === undefined || !TYPE_PATTERN.test(type)) return lineError('format', 'bad type');
  if (seqText === undefined || !UINT_PATTERN.test(seqText)) return lineError('format', 'bad seq');
  for (const field of fields) {
    if (field.length > MAX_FIELD_BYTES) return lineError('format', `field longer than ${MAX_FIELD_BYTES} bytes`);
  }
  return ok({ type, seqText, fields });
}

/**
 * Builds `<type> <seq> <fields…>*<crc>` without the LF. Throws on anything that would not be a
 * legal line: the simulator must never emit a bad line by accident (faults are injected later,
 * deliberately, by faults/).
 */
export function buildLine(type: string, seq: number, fields: readonly string[]): string {
  const body = fields.length === 0 ? `${type} ${seq}` : `${type} ${seq} ${fields.join(' ')}`;
  const line = `${body}*${formatCrc(crc16OfText(body))}`;
  if (line.length > MAX_LINE_BYTES) throw new Error(`hardware-sim bug: line too long: ${line}`);
  return line;
}
