/** Numeric command-line options: plain decimal only (no `1e3`, no `0x10`, no empty string), within bounds. */
import { err, ok, type Result } from '../../core/index.ts';

export function numberIn(text: string, min: number, max: number, name: string): Result<number, string> {
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  return value >= min && value <= max ? ok(value) : err(`${name} must be a number from ${min} to ${max}, not "${text}"`);
}

export function integerIn(text: string, min: number, max: number, name: string): Result<number, string> {
  const value = numberIn(text, min, max, name);
  return value.ok && !Number.isInteger(value.value) ? err(`${name} must be a whole number, not "${text}"`) : value;
}
