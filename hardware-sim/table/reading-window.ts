/**
 * The controller's window on its last few load-cell readings, each kept with the actuator
 * position at the moment of the conversion (80 Hz, table.md §1).
 *
 * - `meanN`: the mean of the last `FLOOR_WINDOW_READINGS` readings (50 ms). A release decides
 *   "at the floor" on it (table.md §6.2), so one noisy reading (1.5 N RMS) cannot end a release
 *   early; the window lags a linear fall by 19 ms, well inside the 4 s budget.
 * - `isFrozen`: the last `FROZEN_READINGS` readings are identical while the actuator moved at
 *   least `FROZEN_TRAVEL_MM` and the reading is above the floor. A healthy 24-bit bridge never
 *   repeats a reading to 0.01 N while the tension under it changes, so the reading is stuck
 *   (decompression.md §6.3: "a frozen load cell while the actuator moves"). In the slack (reading
 *   at or below the floor) a constant reading is normal and is not judged.
 * - `unloadingStiffness`: the slope between the mean of the 4 readings 200 ms ago and the mean of
 *   the last 4, while the actuator retracted at least 1 mm in between: the patient's stiffness
 *   on the way down, measured rather than modelled (the model in stiffness.ts cannot see the creep
 *   of a long hold, and under-estimated the stiffness near the floor by up to half).
 * Units: N, mm. Allocates nothing per reading.
 */
import { FLOOR_N } from './table-constants.ts';

export const FLOOR_WINDOW_READINGS = 4;
const FROZEN_READINGS = 3;
const FROZEN_TOLERANCE_N = 0.01;
const FROZEN_TRAVEL_MM = 0.2;
const CHORD_READINGS = 16;
const CHORD_END_READINGS = 4;
const CHORD_MIN_TRAVEL_MM = 1;
const SIZE = Math.max(FLOOR_WINDOW_READINGS, FROZEN_READINGS, CHORD_READINGS);

export class ReadingWindow {
  private readonly readingsN = new Float64Array(SIZE);
  private readonly positionsMm = new Float64Array(SIZE);
  private next = 0;
  private count = 0;

  push(measN: number, posMm: number): void {
    this.readingsN[this.next] = measN;
    this.positionsMm[this.next] = posMm;
    this.next = (this.next + 1) % SIZE;
    this.count = Math.min(this.count + 1, SIZE);
  }

  /** Actuator position at the latest reading, mm (0 before any). */
  get lastPosMm(): number {
    return this.count === 0 ? 0 : (this.positionsMm[(this.next - 1 + SIZE) % SIZE] as number);
  }

  /** N/mm while the actuator retracts (see the header); null when it has not retracted enough. */
  get unloadingStiffness(): number | null {
    if (this.count < CHORD_READINGS) return null;
    let dN = 0;
    let dMm = 0;
    for (let i = 0; i < CHORD_END_READINGS; i++) {
      const recent = (this.next - 1 - i + SIZE) % SIZE;
      const old = (this.next - CHORD_READINGS + i + SIZE) % SIZE;
      dN += (this.readingsN[old] as number) - (this.readingsN[recent] as number);
      dMm += (this.positionsMm[old] as number) - (this.positionsMm[recent] as number);
    }
    if (dMm / CHORD_END_READINGS < CHORD_MIN_TRAVEL_MM) return null;
    return dN / dMm;
  }

  /** Mean of the last `FLOOR_WINDOW_READINGS` readings (fewer right after power-up); 0 before any. */
  get meanN(): number {
    const n = Math.min(this.count, FLOOR_WINDOW_READINGS);
    if (n === 0) return 0;
    let sum = 0;
    for (let i = 1; i <= n; i++) sum += this.readingsN[(this.next - i + SIZE) % SIZE] as number;
    return sum / n;
  }

  get isFrozen(): boolean {
    if (this.count < FROZEN_READINGS) return false;
    let minN = Infinity;
    let maxN = -Infinity;
    let minMm = Infinity;
    let maxMm = -Infinity;
    for (let i = 1; i <= FROZEN_READINGS; i++) {
      const at = (this.next - i + SIZE) % SIZE;
      const n = this.readingsN[at] as number;
      const mm = this.positionsMm[at] as number;
      minN = Math.min(minN, n);
      maxN = Math.max(maxN, n);
      minMm = Math.min(minMm, mm);
      maxMm = Math.max(maxMm, mm);
    }
    return minN > FLOOR_N && maxN - minN < FROZEN_TOLERANCE_N && maxMm - minMm >= FROZEN_TRAVEL_MM;
  }
}
