/**
 * The patient in the harness: a stiffening spring beyond a slack position, with creep.
 *
 * Reference decompression.md §6.1: about 5 N/mm over the 89 mm stroke is "a reasonable first
 * model", and static holds must keep taking up slack as the patient relaxes. Model (DESIGN):
 * elongation e = pos − slack − creep; tension = k0·e + ½·k1·e² for e > 0, else 0 (k0 = 5 N/mm,
 * k1 = 0.3 N/mm², so the lumbar limit of 980.7 N is reachable, with creep, within the 89 mm stroke
 * and the force limit can be tested). Creep is a standard-linear-solid element: c·d(creep)/dt =
 * tension − k2·creep (k2 = 100 N/mm, c = 1200 N·s/mm, τ ≈ 10 s): at a fixed position the tension
 * relaxes by ≈ 10–15 %, so the force loop has to re-tension, and it recovers when unloaded.
 */

export interface PatientParams {
  readonly slackMm: number;
  readonly stiffnessNPerMm: number;
  readonly stiffeningNPerMm2: number;
  readonly creepStiffnessNPerMm: number;
  readonly creepDampingNsPerMm: number;
}

export const DEFAULT_PATIENT: PatientParams = {
  slackMm: 5,
  stiffnessNPerMm: 5,
  stiffeningNPerMm2: 0.3,
  creepStiffnessNPerMm: 100,
  creepDampingNsPerMm: 1200,
};

export class PatientModel {
  private creepMm = 0;

  constructor(readonly params: PatientParams = DEFAULT_PATIENT) {}

  tensionN(posMm: number): number {
    const e = posMm - this.params.slackMm - this.creepMm;
    if (e <= 0) return 0;
    return this.params.stiffnessNPerMm * e + 0.5 * this.params.stiffeningNPerMm2 * e * e;
  }

  /** Tangent stiffness at a position (N/mm), for tests and the drive's feed-forward estimate. */
  stiffnessAt(posMm: number): number {
    const e = posMm - this.params.slackMm - this.creepMm;
    return e <= 0 ? 0 : this.params.stiffnessNPerMm + this.params.stiffeningNPerMm2 * e;
  }

  step(dtS: number, posMm: number): void {
    const p = this.params;
    const tension = this.tensionN(posMm);
    this.creepMm += (dtS * (tension - p.creepStiffnessNPerMm * this.creepMm)) / p.creepDampingNsPerMm;
    if (this.creepMm < 0) this.creepMm = 0;
  }

  get creep(): number {
    return this.creepMm;
  }
}
