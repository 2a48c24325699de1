/**
 * PF-600 constants: geometry, ADC scale, rates and the capability pages.
 *
 * Spec: docs/protocols/plate.md §1 (600 × 400 mm top, four cells at (±270, ±170) mm, ISPGR axes:
 * X to the subject's right, Y forward), §3 (identity and `$INFO` pages), §4 (rates 100–2000 Hz,
 * power-up rate 1000 Hz), §5 (24-bit signed counts).
 */
import { formatFixed1 } from '../spec-codec/field-codec.ts';
import type { Details } from '../spec-codec/message-codec.ts';

export const PLATE_MODEL = 'PF-600';
export const PLATE_FIRMWARE_VERSION = '1.3.0';

/** Cell positions (x, y) in mm, in the order of the `#D` fields c0…c3 (plate.md §1). */
export const CELL_POSITIONS_MM: readonly (readonly [number, number])[] = [
  [-270, 170],
  [270, 170],
  [270, -170],
  [-270, -170],
];
export const CELL_HALF_SPAN_X_MM = 270;
export const CELL_HALF_SPAN_Y_MM = 170;

export const PLATE_WIDTH_MM = 600;
export const PLATE_DEPTH_MM = 400;
/** Nominal sensitivity of every cell. */
export const COUNTS_PER_N = 5000;
/** Full-scale load of one cell. */
export const CELL_FULL_SCALE_N = 1500;
export const ADC_MIN_COUNTS = -8388608;
export const ADC_MAX_COUNTS = 8388607;

export const RATE_MIN_HZ = 100;
export const RATE_MAX_HZ = 2000;
export const POWER_UP_RATE_HZ = 1000;
/** The plate stops streaming after this much host silence (plate.md §2). */
export const HOST_SILENCE_STOP_US = 2_000_000;
/** Reply timeout the host uses (plate.md §7); the simulator replies well within 20 ms. */
export const PLATE_REPLY_TIMEOUT_MS = 200;

const xy = ([x, y]: readonly [number, number]): string => `${formatFixed1(x)},${formatFixed1(y)}`;
const cellAt = (index: number): string => xy(CELL_POSITIONS_MM[index] ?? [0, 0]);

/** `$INFO` pages 0–2 (plate.md §3). */
export const PLATE_INFO_PAGES: readonly Details[] = [
  [
    ['rateMinHz', String(RATE_MIN_HZ)],
    ['rateMaxHz', String(RATE_MAX_HZ)],
    ['widthMm', formatFixed1(PLATE_WIDTH_MM)],
    ['depthMm', formatFixed1(PLATE_DEPTH_MM)],
    ['countsPerN', String(COUNTS_PER_N)],
    ['fsN', String(CELL_FULL_SCALE_N)],
  ],
  [
    ['c0Mm', cellAt(0)],
    ['c1Mm', cellAt(1)],
  ],
  [
    ['c2Mm', cellAt(2)],
    ['c3Mm', cellAt(3)],
    ['last', '1'],
  ],
];
