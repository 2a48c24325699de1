/**
 * The `#D` sample line (plate.md §5) decoded in a single pass over its bytes: the CRC is updated
 * and the seven fields are scanned in the same loop, and no string is ever made of the line,
 * because this runs up to 2000 times a second per plate and the PTY bench showed the two-pass
 * string decoder was most of the host's pipeline cost.
 * Classification follows link.md §2.2 exactly (crc before format before range), which the golden
 * vectors and the property tests check against the general decoder.
 */
import { CRC16_TABLE, crc16OfPrefix } from '../line/crc16.ts';
import { MAX_LINE_BYTES } from '../line/line-error.ts';
import { hexNibble } from '../line/field-scan.ts';

export const SAMPLE_OK = 0;
export const SAMPLE_OVERFLOW = 1;
export const SAMPLE_CRC = 2;
export const SAMPLE_FORMAT = 3;
export const SAMPLE_RANGE = 4;
export type SampleStatus = typeof SAMPLE_OK | typeof SAMPLE_OVERFLOW | typeof SAMPLE_CRC | typeof SAMPLE_FORMAT | typeof SAMPLE_RANGE;

/** Decoded values of the last SAMPLE_OK line: seq, tUs, c0–c3, flags. */
export const sampleFields = new Float64Array(7);

const TABLE: Uint16Array = CRC16_TABLE;
const PREFIX = '#D ';
const CRC_AFTER_PREFIX = crc16OfPrefix(PREFIX, PREFIX.length);
const FIELD_COUNT = 7;
const FLAGS_FIELD = 6;
/** Upper bounds per field: seq, tUs (link.md §3, §8), counts (24-bit ADC), flags. */
const MAX_VALUE = [4294967295, 281474976710655, 8388607, 8388607, 8388607, 8388607, 255];
const MIN_COUNTS = -8388608;
const MAX_FIELD_BYTES = 40;

/** Call only for lines that start with "#D ". `line` holds the bytes without the LF. */
export function decodeSampleLine(line: Uint8Array): SampleStatus {
  const length = line.length;
  if (length > MAX_LINE_BYTES) return SAMPLE_OVERFLOW;
  const star = length - 5;
  if (star < PREFIX.length || line[star] !== 42) return SAMPLE_CRC;
  let expectedCrc = 0;
  for (let i = star + 1; i < length; i++) {
    const nibble = hexNibble(line[i] as number);
    if (nibble < 0) return SAMPLE_CRC;
    expectedCrc = (expectedCrc << 4) | nibble;
  }

  let crc = CRC_AFTER_PREFIX;
  let malformed = false;
  let outOfRange = false;
  let field = 0;
  let fieldStart = PREFIX.length;
  let value = 0;
  let negative = false;
  for (let i = PREFIX.length; i <= star; i++) {
    const code = i < star ? (line[i] as number) : 32;
    if (i < star) {
      if (code === 42) return SAMPLE_CRC;
      crc = ((crc << 8) ^ (TABLE[((crc >>> 8) ^ code) & 0xff] as number)) & 0xffff;
    }
    if (malformed) continue;
    if (code !== 32) {
      const digit = code - 48;
      if (field === FLAGS_FIELD) {
        const nibble = hexNibble(code);
        if (nibble < 0) malformed = true;
        else value = value * 16 + nibble;
      } else if (digit >= 0 && digit <= 9) {
        // No leading zeros: a '0' may only stand alone.
        if (value === 0 && i > fieldStart + (negative ? 1 : 0)) malformed = true;
        value = value * 10 + digit;
      } else if (code === 45 && i === fieldStart && field >= 2 && field < FLAGS_FIELD) negative = true;
      else malformed = true;
      continue;
    }
    // End of a field (a space, or the '*' at i === star).
    const width = i - fieldStart;
    const digits = width - (negative ? 1 : 0);
    if (field >= FIELD_COUNT || digits === 0 || width > MAX_FIELD_BYTES || (negative && value === 0)) malformed = true;
    else if (field === FLAGS_FIELD && width !== 2) malformed = true;
    else {
      const signed = negative ? -value : value;
      if (signed > (MAX_VALUE[field] as number) || signed < (field >= 2 && field < FLAGS_FIELD ? MIN_COUNTS : 0)) outOfRange = true;
      sampleFields[field] = signed;
    }
    field++;
    fieldStart = i + 1;
    value = 0;
    negative = false;
  }
  if (crc !== expectedCrc) return SAMPLE_CRC;
  // Any byte outside 0x20–0x7E is neither a digit, a sign, a hex digit nor a space, so it has
  // already made its field malformed.
  if (malformed || field !== FIELD_COUNT) return SAMPLE_FORMAT;
  return outOfRange ? SAMPLE_RANGE : SAMPLE_OK;
}
