/**
 * Field scanners for the number formats of docs/protocols/link.md §2, working in place on the
 * line string so the per-sample path allocates nothing. Each scanner reads one field that starts
 * at `start` and ends at the next space or at `end`, stores the value and the index after the
 * field in `scanned`, and returns SCAN_OK, SCAN_FORMAT or SCAN_RANGE.
 */
export const SCAN_OK = 0;
export const SCAN_FORMAT = 1;
export const SCAN_RANGE = 2;
export type ScanStatus = typeof SCAN_OK | typeof SCAN_FORMAT | typeof SCAN_RANGE;

/** Longest field (link.md §2). */
export const MAX_FIELD_BYTES = 40;

const SPACE = 32;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Output of the last scan; valid only until the next call. */
export const scanned = { value: 0, next: 0 };

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

/**
 * Digits without sign and without leading zeros ("0" itself allowed). Leaves `scanned.next` at
 * the first byte after the digits, which the caller checks.
 */
function scanDigits(text: string, start: number, end: number): ScanStatus {
  let i = start;
  let value = 0;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) break;
    value = value * 10 + (code - ZERO);
    i++;
  }
  const digits = i - start;
  if (digits === 0 || (digits > 1 && text.charCodeAt(start) === ZERO)) return SCAN_FORMAT;
  scanned.value = value;
  scanned.next = i;
  return SCAN_OK;
}

function atFieldEnd(text: string, i: number, end: number, start: number): boolean {
  return (i === end || text.charCodeAt(i) === SPACE) && i - start <= MAX_FIELD_BYTES;
}

/** Unsigned decimal integer in 0..max. */
export function scanUint(text: string, start: number, end: number, max: number): ScanStatus {
  if (scanDigits(text, start, end) !== SCAN_OK || !atFieldEnd(text, scanned.next, end, start)) return SCAN_FORMAT;
  return scanned.value > max ? SCAN_RANGE : SCAN_OK;
}

/** Signed decimal integer in min..max; "-0", "+1" and leading zeros are format errors. */
export function scanInt(text: string, start: number, end: number, min: number, max: number): ScanStatus {
  const negative = start < end && text.charCodeAt(start) === MINUS;
  if (scanDigits(text, negative ? start + 1 : start, end) !== SCAN_OK) return SCAN_FORMAT;
  if (!atFieldEnd(text, scanned.next, end, start) || (negative && scanned.value === 0)) return SCAN_FORMAT;
  if (negative) scanned.value = -scanned.value;
  return scanned.value < min || scanned.value > max ? SCAN_RANGE : SCAN_OK;
}

/** Fixed point with exactly one decimal ("12.5", "-0.3", "0.0"; never "-0.0", ".5", "1.50"). */
export function scanFixed1(text: string, start: number, end: number, min: number, max: number): ScanStatus {
  const negative = start < end && text.charCodeAt(start) === MINUS;
  if (scanDigits(text, negative ? start + 1 : start, end) !== SCAN_OK) return SCAN_FORMAT;
  const whole = scanned.value;
  const dot = scanned.next;
  if (dot + 1 >= end || text.charCodeAt(dot) !== DOT) return SCAN_FORMAT;
  const tenthCode = text.charCodeAt(dot + 1);
  if (!isDigit(tenthCode) || !atFieldEnd(text, dot + 2, end, start)) return SCAN_FORMAT;
  const tenths = whole * 10 + (tenthCode - ZERO);
  if (negative && tenths === 0) return SCAN_FORMAT;
  // Dividing two exact integers rounds once, to the same double the literal "412.3" denotes.
  scanned.value = (negative ? -tenths : tenths) / 10;
  scanned.next = dot + 2;
  return scanned.value < min || scanned.value > max ? SCAN_RANGE : SCAN_OK;
}

/** Exactly `digits` upper-case hex digits. */
export function scanHex(text: string, start: number, end: number, digits: number): ScanStatus {
  let value = 0;
  for (let i = start; i < start + digits; i++) {
    if (i >= end) return SCAN_FORMAT;
    const nibble = hexNibble(text.charCodeAt(i));
    if (nibble < 0) return SCAN_FORMAT;
    value = value * 16 + nibble;
  }
  if (!atFieldEnd(text, start + digits, end, start)) return SCAN_FORMAT;
  scanned.value = value;
  scanned.next = start + digits;
  return SCAN_OK;
}

/** Value of one hex digit code unit (upper-case only), or -1. */
export function hexNibble(code: number): number {
  return isDigit(code) ? code - ZERO : code >= 65 && code <= 70 ? code - 55 : -1;
}
