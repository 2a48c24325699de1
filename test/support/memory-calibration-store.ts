/** A CalibrationStore in memory for calibration tests: records what was saved, allows every operator. */
import { ok, type Result } from '../../core/index.ts';
import type { CalibrationRecord, CalibrationStore, StoredCalibration } from '../../host/calibration/index.ts';

export class MemoryCalibrationStore implements CalibrationStore {
  readonly records: StoredCalibration[] = [];

  mayApply(): Result<void, string> {
    return ok(undefined);
  }

  saveCalibration(record: CalibrationRecord): Result<{ id: number }, string> {
    this.records.push({ ...record, id: this.records.length + 1 });
    return ok({ id: this.records.length });
  }

  latestCalibration(): StoredCalibration | undefined {
    return this.records.at(-1);
  }
}
