/**
 * Host-side line encoding (docs/protocols/link.md §2, §4.1, §6). Callers pass values already
 * checked against the spec's ranges; encoding a value outside them is a bug, not a device error.
 */
import { BugError } from '../../../core/index.ts';
import { sealLine } from './crc16.ts';
import { MAX_COMMAND_ID, MAX_SEQ } from './line-message.ts';

/** `$TYPE seq id args…*CRC\n`. */
export function encodeCommand(type: string, seq: number, id: number, args: readonly string[]): string {
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_SEQ) throw new BugError(`seq out of range: ${seq}`);
  if (!Number.isInteger(id) || id < 1 || id > MAX_COMMAND_ID) throw new BugError(`command id out of range: ${id}`);
  const tail = args.length === 0 ? '' : ` ${args.join(' ')}`;
  return sealLine(`${type} ${seq} ${id}${tail}`);
}

/** `%HB seq*CRC\n`, the host heartbeat. */
export function encodeHostHeartbeat(seq: number): string {
  return sealLine(`%HB ${seq}`);
}

/** One-decimal fixed point as the wire writes it: never "-0.0", never exponent notation. */
export function formatFixed1(value: number): string {
  return formatFixed(value, 1);
}

/** Fixed point with `decimals` places as the wire writes it: never negative zero, never exponent notation. */
export function formatFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new BugError(`not a finite number: ${value}`);
  const scale = 10 ** decimals;
  const units = Math.round(value * scale);
  return units === 0 ? (0).toFixed(decimals) : (units / scale).toFixed(decimals);
}
