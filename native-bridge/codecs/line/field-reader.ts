/**
 * Reads the fields of a low-rate line (replies, events, telemetry) after it passed checkFrame.
 * The status is sticky and ordered as link.md §2.2 wants: once a field breaks the format the
 * line is a `format` error, even if an earlier field was merely out of range.
 */
import {
  MAX_FIELD_BYTES,
  SCAN_FORMAT,
  SCAN_OK,
  SCAN_RANGE,
  scanFixed1,
  scanHex,
  scanInt,
  scanUint,
  scanned,
  type ScanStatus,
} from './field-scan.ts';

const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

export class FieldReader {
  status: ScanStatus = SCAN_OK;
  private index: number;

  constructor(
    private readonly tokens: readonly string[],
    firstField: number,
  ) {
    this.index = firstField;
  }

  /** Unsigned integer in min..max. */
  uint(min: number, max: number): number {
    const token = this.take();
    if (token === undefined) return 0;
    this.note(scanUint(token, 0, token.length, max));
    if (scanned.value < min) this.note(SCAN_RANGE);
    return scanned.value;
  }

  int(min: number, max: number): number {
    const token = this.take();
    if (token === undefined) return 0;
    this.note(scanInt(token, 0, token.length, min, max));
    return scanned.value;
  }

  fixed1(min: number, max: number): number {
    const token = this.take();
    if (token === undefined) return 0;
    this.note(scanFixed1(token, 0, token.length, min, max));
    return scanned.value;
  }

  hex(digits: number): number {
    const token = this.take();
    if (token === undefined) return 0;
    this.note(scanHex(token, 0, token.length, digits));
    return scanned.value;
  }

  /** An enumerated token; anything outside `allowed` is a format error. */
  oneOf<T extends string>(allowed: readonly T[]): T {
    const token = this.take();
    const found = allowed.find((candidate) => candidate === token);
    if (found === undefined) {
      this.note(SCAN_FORMAT);
      return allowed[0] as T;
    }
    return found;
  }

  /** A token matching `pattern` (for free-form names such as event names). */
  matching(pattern: RegExp): string {
    const token = this.take() ?? '';
    if (!pattern.test(token)) this.note(SCAN_FORMAT);
    return token;
  }

  /** Every remaining field as `key=value` detail. */
  keyValues(): Record<string, string> {
    const detail: Record<string, string> = {};
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index++] as string;
      const eq = token.indexOf('=');
      const key = token.slice(0, eq);
      if (eq < 0 || eq === token.length - 1 || !KEY_PATTERN.test(key)) this.note(SCAN_FORMAT);
      else detail[key] = token.slice(eq + 1);
    }
    return detail;
  }

  /** Marks a format error if fields are left over; call after the last positional field. */
  end(): ScanStatus {
    if (this.index !== this.tokens.length) this.note(SCAN_FORMAT);
    return this.status;
  }

  private take(): string | undefined {
    const token = this.tokens[this.index++];
    if (token === undefined) this.note(SCAN_FORMAT);
    return token;
  }

  private note(status: ScanStatus): void {
    if (status === SCAN_FORMAT || (status === SCAN_RANGE && this.status === SCAN_OK)) this.status = status;
  }
}

/** Splits a checked line body into tokens and verifies the spacing and field-length rules. */
export function splitFields(line: string, bodyEnd: number): readonly string[] | undefined {
  const tokens = line.slice(0, bodyEnd).split(' ');
  for (const token of tokens) {
    if (token.length === 0 || token.length > MAX_FIELD_BYTES) return undefined;
  }
  return tokens;
}
