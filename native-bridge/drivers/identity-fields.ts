/**
 * Reading the `key=value` identity and capability fields of a handshake (link.md §5): every
 * required key present and well-formed, or a message naming what is wrong.
 */
import { err, ok, type Result } from '../../core/index.ts';

export interface DeviceIdentity {
  readonly model: string;
  readonly serial: string;
  readonly firmware: string;
  readonly protocolVersion: number;
}

const SERIAL_PATTERN = /^[A-Z0-9-]{1,24}$/;
const FIRMWARE_PATTERN = /^\d+\.\d+\.\d+$/;

export class FieldSource {
  private readonly problems: string[] = [];

  constructor(private readonly detail: Readonly<Record<string, string>>) {}

  text(key: string, pattern: RegExp): string {
    const value = this.detail[key];
    if (value === undefined || !pattern.test(value)) this.problems.push(value === undefined ? `${key} missing` : `${key}="${value}" malformed`);
    return value ?? '';
  }

  number(key: string, min: number, max: number): number {
    const value = this.detail[key];
    const parsed = value !== undefined && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!(parsed >= min && parsed <= max)) this.problems.push(value === undefined ? `${key} missing` : `${key}="${value}" outside ${min}..${max}`);
    return parsed;
  }

  /** `X,Y` in millimetres. */
  pointMm(key: string, limitMm: number): { xMm: number; yMm: number } {
    const value = this.detail[key] ?? '';
    const match = /^(-?\d+\.\d),(-?\d+\.\d)$/.exec(value);
    const xMm = Number(match?.[1]);
    const yMm = Number(match?.[2]);
    if (match === null || Math.abs(xMm) > limitMm || Math.abs(yMm) > limitMm) this.problems.push(`${key}="${value}" is not X,Y in mm`);
    return { xMm, yMm };
  }

  has(key: string): boolean {
    return this.detail[key] !== undefined;
  }

  result<T>(value: T): Result<T, string> {
    return this.problems.length === 0 ? ok(value) : err(this.problems.join('; '));
  }
}

export function readIdentity(detail: Readonly<Record<string, string>>, expectedHash: string): Result<DeviceIdentity, string> {
  const fields = new FieldSource(detail);
  const identity = {
    model: fields.text('model', /^[A-Za-z0-9-]{1,24}$/),
    serial: fields.text('serial', SERIAL_PATTERN),
    firmware: fields.text('fw', FIRMWARE_PATTERN),
    protocolVersion: fields.number('proto', 1, 1),
  };
  const hash = fields.text('hash', /^[0-9A-F]{4}$/);
  const checked = fields.result(identity);
  if (checked.ok && hash !== expectedHash) return err(`schema hash ${hash} differs from ours (${expectedHash})`);
  return checked;
}
