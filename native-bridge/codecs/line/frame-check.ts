/**
 * First stage of every decode: length, the single `*`, the CRC and the byte set of
 * docs/protocols/link.md §2, in the order of §2.2 (overflow, then crc, then format).
 */
import { hexNibble } from './field-scan.ts';
import { MAX_LINE_BYTES } from './line-error.ts';
import { CRC16_TABLE } from './crc16.ts';

export const FRAME_OVERFLOW = -1;
export const FRAME_CRC = -2;
export const FRAME_FORMAT = -3;

// A module-local alias: V8 reads an imported binding through its module cell on every access,
// which made this loop four times slower than the same loop on a local constant.
const TABLE: Uint16Array = CRC16_TABLE;
const STAR = 42;
/** `*` plus four hex digits. */
const TRAILER_BYTES = 5;

/**
 * Returns the index of the `*` (the body's length) when the line is intact, or FRAME_OVERFLOW,
 * FRAME_CRC or FRAME_FORMAT (a byte outside 0x20–0x7E under a good CRC). `line` has no LF.
 */
export function checkFrame(line: string): number {
  const length = line.length;
  if (length > MAX_LINE_BYTES) return FRAME_OVERFLOW;
  const star = length - TRAILER_BYTES;
  if (star < 0 || line.charCodeAt(star) !== STAR) return FRAME_CRC;
  let expected = 0;
  for (let i = star + 1; i < length; i++) {
    const nibble = hexNibble(line.charCodeAt(i));
    if (nibble < 0) return FRAME_CRC;
    expected = (expected << 4) | nibble;
  }
  let crc = 0xffff;
  let hasBadByte = false;
  for (let i = 0; i < star; i++) {
    const code = line.charCodeAt(i);
    if (code === STAR) return FRAME_CRC;
    if (code < 0x20 || code > 0x7e) hasBadByte = true;
    crc = ((crc << 8) ^ (TABLE[((crc >>> 8) ^ code) & 0xff] as number)) & 0xffff;
  }
  if (crc !== expected) return FRAME_CRC;
  return hasBadByte ? FRAME_FORMAT : star;
}
