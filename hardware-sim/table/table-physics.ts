/**
 * The table's physical side: actuator, patient, load cell, and the drive faults that act on them.
 *
 * Stepped at the control rate (1 kHz); the load cell converts at its own 80 Hz (table.md §1).
 * Drive faults: `runaway` makes the powered drive pull at a fixed speed whatever it is told (the
 * "force rising while the set-point falls" case); `overshootN` (in force-loop.ts) makes it track
 * above the set-point. With the motor off nothing the controller says moves the actuator.
 */
import type { Prng } from '../random/prng.ts';
import { Actuator } from './actuator.ts';
import type { DriveKind } from './actuator.ts';
import { PatientModel } from './patient-model.ts';
import type { PatientParams } from './patient-model.ts';
import { TableLoadCell } from './table-load-cell.ts';

const RUNAWAY_SPEED_MM_S = 10;
/**
 * The reference gauge in line with the harness (a technician's digital force gauge) shows the
 * true tension through its display filter. DESIGN: a 0.25 s exponential average, like the
 * averaging display of such gauges, so one reading is not one instant of the harness's ripple.
 */
const GAUGE_TAU_S = 0.25;

export class TablePhysics {
  readonly actuator: Actuator;
  readonly patient: PatientModel;
  readonly loadCell: TableLoadCell;
  isRunaway = false;
  /** What the reference gauge shows, N. */
  gaugeN = 0;

  constructor(prng: Prng, drive: DriveKind, patient?: PatientParams, loadCellNoiseN?: number, loadCellSpanErrorFrac?: number) {
    this.actuator = new Actuator(drive);
    this.patient = new PatientModel(patient);
    this.loadCell = new TableLoadCell(prng, loadCellNoiseN, loadCellSpanErrorFrac);
  }

  /** True tension in the harness now, N. */
  get tensionN(): number {
    return this.patient.tensionN(this.actuator.posMm);
  }

  /** `commandMmS` null = motor off. */
  step(dtS: number, commandMmS: number | null): void {
    const command = commandMmS !== null && this.isRunaway ? RUNAWAY_SPEED_MM_S : commandMmS;
    this.actuator.step(dtS, command, this.tensionN);
    this.patient.step(dtS, this.actuator.posMm);
    this.gaugeN += Math.min(dtS / GAUGE_TAU_S, 1) * (this.tensionN - this.gaugeN);
  }

  sampleLoadCell(): void {
    this.loadCell.sample(this.tensionN);
  }
}
