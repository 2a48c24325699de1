/** The plate's capability pages, docs/protocols/plate.md §3. */
import type { Result } from '../../core/index.ts';
import { FieldSource } from './identity-fields.ts';

export interface CellPosition {
  readonly xMm: number;
  readonly yMm: number;
}

export interface PlateCapabilities {
  readonly rateMinHz: number;
  readonly rateMaxHz: number;
  readonly widthMm: number;
  readonly depthMm: number;
  /** Nominal sensitivity of every cell; the real one comes from calibration. */
  readonly countsPerN: number;
  readonly cellFullScaleN: number;
  /** Cells 0–3: front-left, front-right, rear-right, rear-left (plate.md §1). */
  readonly cellPositionsMm: readonly [CellPosition, CellPosition, CellPosition, CellPosition];
}

/** plate.md §5: the protocol's whole rate range. */
export const PROTOCOL_RATE_MIN_HZ = 100;
export const PROTOCOL_RATE_MAX_HZ = 2000;
const PLATE_SIZE_LIMIT_MM = 2000;

export function readPlateCapabilities(detail: Readonly<Record<string, string>>): Result<PlateCapabilities, string> {
  const fields = new FieldSource(detail);
  return fields.result({
    rateMinHz: fields.number('rateMinHz', PROTOCOL_RATE_MIN_HZ, PROTOCOL_RATE_MAX_HZ),
    rateMaxHz: fields.number('rateMaxHz', PROTOCOL_RATE_MIN_HZ, PROTOCOL_RATE_MAX_HZ),
    widthMm: fields.number('widthMm', 1, PLATE_SIZE_LIMIT_MM),
    depthMm: fields.number('depthMm', 1, PLATE_SIZE_LIMIT_MM),
    countsPerN: fields.number('countsPerN', 1, 1e7),
    cellFullScaleN: fields.number('fsN', 1, 1e6),
    cellPositionsMm: [
      fields.pointMm('c0Mm', PLATE_SIZE_LIMIT_MM),
      fields.pointMm('c1Mm', PLATE_SIZE_LIMIT_MM),
      fields.pointMm('c2Mm', PLATE_SIZE_LIMIT_MM),
      fields.pointMm('c3Mm', PLATE_SIZE_LIMIT_MM),
    ],
  });
}
