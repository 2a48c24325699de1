/**
 * The table load cell against a reference gauge in line with the harness (docs/calibration.md
 * §1b): read the coefficients in force; zero the unloaded cell, arm, pull to each reference level
 * going up, then back down through them (hysteresis), pairing each settled reading with the
 * gauge's; zero+span fit, linearity, hysteresis and accuracy (core table-fit.ts); the new set,
 * composed onto the one in force, within the change bounds; if the checks pass, the set goes to
 * the table in service mode (table-apply.ts) and is verified by pulling again to every level
 * ≥ 20 % FS. Nothing is stored here; an aborted procedure returns an error and leaves the table
 * stopped and disarmed where it can.
 */
import {
  calibrateTableLoadCell,
  checkCoefficientChange,
  err,
  ok,
  TABLE_ACCURACY_FRAC,
  type LoadDirection,
  type Result,
  type TableCalibrationResult,
  type TableCoefficients,
  type TablePoint,
} from '../../core/index.ts';
import type { CommandResult, TableDriver, TableWireState, Timers } from '../../native-bridge/index.ts';
import { applyCoefficients, composeCoefficients, readCoefficientsInForce, type CoefficientPort } from './table-apply.ts';
import { settledReading, TABLE_SETTLE_TIMEOUT_MS, waitFrames, WINDOW_FRAMES, type Failure, type FrameSource } from './table-settle.ts';

/** Levels stay below this share of the lumbar force limit, so the controller's limit never trips. DESIGN. */
const MAX_LEVEL_FRAC_OF_LIMIT = 0.95;
/** Verification covers levels from this share of full scale (issue 8: loads ≥ 20 % FS). */
const VERIFY_FROM_FRAC_OF_FS = 0.2;
/** States a stopped table does not leave for ARMED by itself (table.md §2). */
export const UNARMED_STATES: ReadonlySet<TableWireState> = new Set(['IDLE', 'RELG', 'RELD', 'FAULT']);

export type TableSource = Pick<TableDriver, 'events' | 'connected' | 'zero' | 'arm' | 'setTension' | 'stopProgram' | 'disarm'> & CoefficientPort;

/**
 * The reference gauge: the technician types its reading in; the simulator reads its true tension.
 * `levelN` 0 asks for the reading at rest, where the load cell was just zeroed (`readingN` 0);
 * otherwise `readingN` is the load cell's settled reading the gauge's will be paired with.
 */
export interface ReferenceGauge {
  read(levelN: number, direction: LoadDirection, readingN: number): Promise<Result<number, string>>;
}

export interface TableProcedureSetup {
  readonly driver: TableSource;
  readonly gauge: ReferenceGauge;
  readonly levelsN: readonly number[];
  readonly timers: Timers;
  readonly settleTimeoutMs?: number;
}

export interface TableVerification {
  readonly referenceN: number;
  readonly readingN: number;
  readonly errorPct: number;
}

export interface TableCalibrationOutcome extends TableCalibrationResult {
  readonly points: readonly TablePoint[];
  readonly fullScaleN: number;
  /** The set in force before. */
  readonly previous: TableCoefficients;
  /** The set the fit asks for (composed onto `previous`); in force on the table when `isApplied`. */
  readonly next: TableCoefficients;
  readonly isApplied: boolean;
  /** Readings after the new set came into force, at every level ≥ 20 % FS. */
  readonly verification: readonly TableVerification[];
}

export async function runTableProcedure(setup: TableProcedureSetup): Promise<Result<TableCalibrationOutcome, Failure>> {
  const caps = setup.driver.connected?.capabilities;
  if (caps === undefined) return err({ code: 'notConnected', message: 'the table is not connected' });
  const fullScaleN = caps.loadCellFullScaleN;
  const maxLevelN = MAX_LEVEL_FRAC_OF_LIMIT * caps.lumbarLimitN;
  const levels = [...setup.levelsN];
  const bad = levels.find((l, i) => !(l > caps.floorN && l <= maxLevelN) || (i > 0 && l <= (levels[i - 1] ?? 0)));
  if (bad !== undefined || levels.length < 2) {
    return err({ code: 'badPlan', message: `levels must rise strictly, two or more, each from ${caps.floorN} to ${maxLevelN.toFixed(0)} N; got ${levels.join(', ')}` });
  }
  const previous = await readCoefficientsInForce(setup.driver);
  if (!previous.ok) return previous;
  const run = new LevelRunner(setup, fullScaleN, caps.lumbarRateNps);
  const up = levels.map((l): [number, LoadDirection] => [l, 'loading']);
  const down = levels.slice(0, -1).reverse().map((l): [number, LoadDirection] => [l, 'unloading']);
  const measured = await run.levels([...up, ...down]);
  if (!measured.ok) return measured;
  const points = measured.value.map(({ levelN: _, ...point }) => point);
  const result = calibrateTableLoadCell(points, fullScaleN);
  if (!result.ok) return err(result.error);
  const next = composeCoefficients(previous.value, result.value.coefficients);
  const change = checkCoefficientChange(previous.value, next);
  if (!change.ok) return err({ code: 'changeTooLarge', message: `new coefficients refused: ${change.error}` });
  const outcome = { ...result.value, points, fullScaleN, previous: previous.value, next, isApplied: false, verification: [] };
  // A calibration that fails its checks is recorded, never put in force.
  if (!result.value.isPassed) return ok(outcome);
  const applied = await applyCoefficients(setup.driver, next);
  if (!applied.ok) return applied;
  const verifyLevels = verificationLevelsN(levels, fullScaleN).map((l): [number, LoadDirection] => [l, 'loading']);
  const verified = await run.levels(verifyLevels);
  if (!verified.ok) return err({ ...verified.error, message: `verification after the new coefficients: ${verified.error.message}` });
  const verification = verified.value.map((p) => ({ referenceN: p.referenceN, readingN: p.readingN, errorPct: (100 * (p.readingN - p.referenceN)) / p.referenceN }));
  const failures = verification
    .filter((v) => Math.abs(v.errorPct) > 100 * TABLE_ACCURACY_FRAC)
    .map((v) => `after the new coefficients the cell reads ${v.errorPct.toFixed(3)} % off at ${v.referenceN.toFixed(0)} N`);
  return ok({ ...outcome, isApplied: true, verification, failures: [...result.value.failures, ...failures], isPassed: failures.length === 0 });
}

/** The levels pulled to again once the new set is in force (after a second gauge reading at rest). */
export function verificationLevelsN(levelsN: readonly number[], fullScaleN: number): readonly number[] {
  return levelsN.filter((l) => l >= VERIFY_FROM_FRAC_OF_FS * fullScaleN);
}

/** Zero at rest, read the gauge there, arm, pull to each level and pair the settled reading with the gauge; always unload. */
class LevelRunner {
  private readonly frames: FrameSource;

  constructor(
    private readonly setup: TableProcedureSetup,
    private readonly fullScaleN: number,
    private readonly rateNps: number,
  ) {
    this.frames = { events: setup.driver.events, timers: setup.timers, timeoutMs: setup.settleTimeoutMs ?? TABLE_SETTLE_TIMEOUT_MS };
  }

  async levels(schedule: readonly (readonly [number, LoadDirection])[]): Promise<Result<(TablePoint & { levelN: number })[], Failure>> {
    const d = this.setup.driver;
    // The zero is taken once the reading at rest is steady: after a first run the harness is
    // still relaxing at the floor.
    const rest = await settledReading(this.frames, 'rest', this.fullScaleN);
    if (!rest.ok) return rest;
    const failed = (await this.command('zero the load cell at rest', d.zero())) ?? (await this.command('arm', d.arm('lumbar')));
    if (failed !== undefined) return err(failed);
    // The gauge is read at the same rest state the cell was zeroed in, and every reference is
    // taken from there: after a first run the harness still holds the floor tension, which the
    // zero (needed again once new coefficients clear the tare, table.md §4.1) takes as 0 N.
    const atZero = await this.setup.gauge.read(0, 'loading', 0);
    if (!atZero.ok) {
      await this.unload();
      return err({ code: 'gauge', message: atZero.error });
    }
    const points: (TablePoint & { levelN: number })[] = [];
    let failure: Failure | undefined;
    for (const [levelN, direction] of schedule) {
      failure = await this.command(`pull to ${levelN} N`, d.setTension(levelN, this.rateNps));
      const reading = failure === undefined ? await settledReading(this.frames, levelN, this.fullScaleN) : undefined;
      if (reading !== undefined && !reading.ok) failure = reading.error;
      if (failure !== undefined || reading === undefined || !reading.ok) break;
      const gauge = await this.setup.gauge.read(levelN, direction, reading.value);
      if (!gauge.ok) {
        failure = { code: 'gauge', message: gauge.error };
        break;
      }
      points.push({ levelN, referenceN: gauge.value - atZero.value, readingN: reading.value, direction });
    }
    await this.unload();
    return failure === undefined ? ok(points) : err(failure);
  }

  private async command(what: string, sent: Promise<CommandResult>): Promise<Failure | undefined> {
    const result = await sent;
    if (result.ok) return undefined;
    const why = result.error.kind === 'nak' ? `refused (${result.error.name})` : result.error.kind;
    return { code: result.error.kind === 'link-lost' ? 'disconnected' : 'refused', message: `${what}: ${why}` };
  }

  /** Stops to the floor and disarms; best effort (the table's own safety holds if this fails). */
  private async unload(): Promise<void> {
    const stop = await this.setup.driver.stopProgram(this.rateNps);
    if (!stop.ok) return;
    // The controller is ARMED once at the floor; disarming needs its filtered reading settled there.
    // A table that released itself meanwhile (its watchdog, the patient switch) never comes back
    // to ARMED and has nothing to disarm.
    let framesArmed = 0;
    let isReleased = false;
    const atFloor = await waitFrames(this.frames, this.frames.timeoutMs, (frame) => {
      isReleased = UNARMED_STATES.has(frame.state);
      framesArmed = frame.state === 'ARMED' ? framesArmed + 1 : 0;
      return isReleased || framesArmed >= WINDOW_FRAMES;
    });
    if (atFloor.ok && !isReleased) await this.setup.driver.disarm();
  }
}
