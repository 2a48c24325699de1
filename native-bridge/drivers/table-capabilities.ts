/** The table's capability pages, docs/protocols/table.md §3. */
import type { Result } from '../../core/index.ts';
import { FieldSource } from './identity-fields.ts';

export interface TableCapabilities {
  readonly lumbarLimitN: number;
  readonly cervicalLimitN: number;
  readonly lumbarRateNps: number;
  readonly cervicalRateNps: number;
  readonly lumbarReleaseNps: number;
  readonly cervicalReleaseNps: number;
  /** The controller releases on its own after this much host silence. */
  readonly watchdogMs: number;
  readonly telemetryHz: number;
  readonly floorN: number;
  readonly strokeMm: number;
  readonly loadCellFullScaleN: number;
}

/** Plausibility bounds for a table's self-description (table.md §5 field ranges). */
const FORCE_LIMIT_N = 1500;
const WATCHDOG_MAX_MS = 5000;

export function readTableCapabilities(detail: Readonly<Record<string, string>>): Result<TableCapabilities, string> {
  const fields = new FieldSource(detail);
  return fields.result({
    lumbarLimitN: fields.number('lumbarLimitN', 1, FORCE_LIMIT_N),
    cervicalLimitN: fields.number('cervicalLimitN', 1, FORCE_LIMIT_N),
    lumbarRateNps: fields.number('lumbarRateNps', 0.1, FORCE_LIMIT_N),
    cervicalRateNps: fields.number('cervicalRateNps', 0.1, FORCE_LIMIT_N),
    lumbarReleaseNps: fields.number('lumbarReleaseNps', 0.1, FORCE_LIMIT_N),
    cervicalReleaseNps: fields.number('cervicalReleaseNps', 0.1, FORCE_LIMIT_N),
    watchdogMs: fields.number('watchdogMs', 1, WATCHDOG_MAX_MS),
    telemetryHz: fields.number('telemetryHz', 1, 1000),
    floorN: fields.number('floorN', 0, FORCE_LIMIT_N),
    strokeMm: fields.number('strokeMm', 1, 120),
    loadCellFullScaleN: fields.number('fsN', 1, 1e6),
  });
}
