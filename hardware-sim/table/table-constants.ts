/**
 * DT-9 constants: region limits and rates, safety timings, capability pages.
 *
 * Spec: docs/protocols/table.md §3 (`$INFO` pages: limits 980.7/266.9 N, ramp maxima 44.5/11.1
 * N/s, release rates 245.0/66.7 N/s, watchdog 500 ms, telemetry 50 Hz, floor 15.0 N, stroke
 * 89.0 mm, full scale 1500 N), §6 (10 ms press, 20 ms switch fault, 20 ms force-limit trip,
 * release start ≤ 50 ms, floor ≤ 4 s, motor off ≤ 5 s), §8.
 */
import type { Details } from '../spec-codec/message-codec.ts';
import type { Region } from '../spec-codec/table-codec.ts';

export const TABLE_MODEL = 'DT-9';
export const TABLE_FIRMWARE_VERSION = '2.1.4';

export interface RegionLimits {
  readonly limitN: number;
  readonly rateNps: number;
  readonly releaseNps: number;
}

export const REGION_LIMITS: Readonly<Record<Region, RegionLimits>> = {
  lumbar: { limitN: 980.7, rateNps: 44.5, releaseNps: 245.0 },
  cervical: { limitN: 266.9, rateNps: 11.1, releaseNps: 66.7 },
};

export const FLOOR_N = 15.0;
export const STROKE_MM = 89.0;
export const LOAD_CELL_FULL_SCALE_N = 1500;
export const WATCHDOG_US = 500_000;
export const TELEMETRY_PERIOD_US = 20_000;
export const LOAD_CELL_PERIOD_US = 12_500;
export const CONTROL_PERIOD_US = 1_000;
export const SWITCH_PRESS_DEBOUNCE_US = 10_000;
export const SWITCH_FAULT_DEBOUNCE_US = 20_000;
export const FORCE_LIMIT_TRIP_US = 20_000;
export const RELEASE_MOTOR_OFF_US = 5_000_000;
export const POSITION_RELEASE_S = 4;
/** The drive's rated speed and acceleration (the controller knows its own drive). */
export const DRIVE_MAX_SPEED_MM_S = 80;
export const DRIVE_MAX_ACCEL_MM_S2 = 600;
/**
 * A release ends at the slack position (§6.3) less this margin, so that a self-locking drive,
 * which holds its position with the motor off, leaves the patient slack even after the creep of
 * a long hold recovers (tension at the recorded slack position comes back to about the floor:
 * 2 mm is ≈ 10 N at the default patient's 5 N/mm). DESIGN.
 */
export const SLACK_MARGIN_MM = 2;
/**
 * Below the floor a patient is at its softest; the return to slack moves at the release rate
 * over this stiffness (lumbar 31 mm/s, cervical 8 mm/s), so the last newtons do not come off
 * faster than the release rate either (default patient: 5.8 N/mm at the floor). DESIGN.
 */
export const SLACK_STIFFNESS_N_PER_MM = 8;
/** Readings outside the `measN` field range mean the load cell is broken (table.md §5, §6.1). */
export const LOAD_CELL_MIN_N = -200;
export const LOAD_CELL_MAX_N = 1600;
/**
 * "At the floor" for `$DISARM`, `$RESET` and `$ARM` compares the filtered reading with the floor
 * plus this margin: the load cell's 0.1 % FS noise (1.5 N) would otherwise refuse a table held at
 * exactly the floor half of the time. DESIGN (table.md does not state a tolerance).
 */
export const FLOOR_TOLERANCE_N = 2.0;

export const TABLE_INFO_PAGES: readonly Details[] = [
  [
    ['lumbarLimitN', '980.7'],
    ['cervicalLimitN', '266.9'],
    ['lumbarRateNps', '44.5'],
    ['cervicalRateNps', '11.1'],
  ],
  [
    ['lumbarReleaseNps', '245.0'],
    ['cervicalReleaseNps', '66.7'],
    ['watchdogMs', '500'],
    ['telemetryHz', '50'],
  ],
  [
    ['floorN', '15.0'],
    ['strokeMm', '89.0'],
    ['fsN', '1500'],
    ['last', '1'],
  ],
];
