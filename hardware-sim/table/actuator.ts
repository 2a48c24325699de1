/**
 * The servo actuator that pulls the harness.
 *
 * A velocity-commanded servo with finite speed (80 mm/s) and acceleration (600 mm/s²), between
 * its home (0 mm) and the end of the stroke (89 mm, table.md §3). With the motor off the drive is
 * either back-drivable — the patient's tension pulls it back toward slack, damped
 * (5 N per mm/s) — or self-locking (it holds its position unpowered; reference decompression.md
 * §7.4 asks the simulator to model both kinds).
 */
import { DRIVE_MAX_ACCEL_MM_S2, DRIVE_MAX_SPEED_MM_S, STROKE_MM } from './table-constants.ts';

export type DriveKind = 'backdrivable' | 'selfLocking';

const MAX_SPEED_MM_S = DRIVE_MAX_SPEED_MM_S;
const MAX_ACCEL_MM_S2 = DRIVE_MAX_ACCEL_MM_S2;
const BACKDRIVE_DAMPING_N_PER_MM_S = 5;

export class Actuator {
  posMm = 0;
  velMmS = 0;

  constructor(readonly drive: DriveKind = 'backdrivable') {}

  /**
   * Advances by `dtS`. `commandMmS` is the velocity the drive is told to reach (null: motor off);
   * `tensionN` is the patient's pull, which moves a back-drivable drive when unpowered.
   */
  step(dtS: number, commandMmS: number | null, tensionN: number): void {
    let wanted: number;
    if (commandMmS !== null) wanted = Math.max(-MAX_SPEED_MM_S, Math.min(MAX_SPEED_MM_S, commandMmS));
    else wanted = this.drive === 'backdrivable' ? -Math.min(tensionN / BACKDRIVE_DAMPING_N_PER_MM_S, MAX_SPEED_MM_S) : 0;
    const maxChange = (commandMmS === null && this.drive === 'selfLocking' ? Infinity : MAX_ACCEL_MM_S2) * dtS;
    this.velMmS += Math.max(-maxChange, Math.min(maxChange, wanted - this.velMmS));
    this.posMm += this.velMmS * dtS;
    if (this.posMm <= 0 && this.velMmS < 0) {
      this.posMm = 0;
      this.velMmS = 0;
    } else if (this.posMm >= STROKE_MM && this.velMmS > 0) {
      this.posMm = STROKE_MM;
      this.velMmS = 0;
    }
  }
}
