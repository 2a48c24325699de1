/**
 * The screening gate before a decompression session (issue 7; ref §4.8, §7.5, §7.6: "start is
 * impossible unless body mass and checklist are confirmed this session"). Before a patient's first
 * program for a region the whole contraindication checklist (core CONTRAINDICATIONS); at every
 * later session either a new one or "nothing changed since the checklist of <date>"; each time the
 * body mass re-confirmed or corrected (the record follows), checked against a fresh plate weighing.
 * Each checklist and confirmation is kept in the append-only audit log under the operator (a
 * record no one can rewrite), with its answers; the latest checklist is read back from there.
 * `decompression.begin` takes the fresh screening of its patient and region, once.
 */
import type { ApiResponse, ScreeningInput, ScreeningStatus, ScreeningView } from '../../api/index.ts';
import { apiError } from '../../api/index.ts';
import { bodyMassRefusal, checklistRefusal, contraindicationsFor, judgeChecklist, ok, type Region } from '../../core/index.ts';
import { realTimers } from '../../native-bridge/index.ts';
import { appendAudit, auditOf, getOperator, getPatient, updatePatient, type AuditRow, type Storage } from '../storage/index.ts';
import { calibrationOf } from './balance-run.ts';
import type { DeviceHub } from './device-hub.ts';
import { weighOnPlate } from './plate-weighing.ts';

const CHECKLIST_ACTION = 'decompression-checklist';
const UNCHANGED_ACTION = 'decompression-checklist-unchanged';
/** DESIGN: a screening is for the session begun within 30 min of it, and for that one session only. */
export const SCREENING_FRESH_MS = 30 * 60_000;
/** DESIGN: a plate weighing is the reference for a mass confirmed within 10 min of it. */
const WEIGHING_FRESH_MS = 10 * 60_000;

export interface ScreeningOptions {
  readonly storage: Storage;
  readonly devices: DeviceHub;
  readonly nowEpochMs: () => number;
}

interface Confirmed extends ScreeningView {
  readonly auditId: number;
}

const day = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

function latestChecklist(storage: Storage, patientId: number, region: Region): AuditRow | undefined {
  return auditOf(storage, CHECKLIST_ACTION, 'patient', patientId).find((row) => row.detail['region'] === region);
}

export class DecompressionScreening {
  private confirmed: Confirmed | undefined;
  private weighing: { readonly massKg: number; readonly atMs: number } | undefined;

  constructor(private readonly o: ScreeningOptions) {}

  status(patientId: number, region: Region): ApiResponse<ScreeningStatus> {
    const patient = getPatient(this.o.storage, patientId);
    if (!patient.ok) return apiError('not-found', `There is no patient with id ${patientId}.`);
    const last = latestChecklist(this.o.storage, patientId, region);
    const operator = last === undefined || last.operatorId === null ? undefined : getOperator(this.o.storage, last.operatorId);
    return ok({
      patientId,
      region,
      recordBodyMassKg: patient.value.bodyMassKg,
      lastChecklist: last === undefined ? null : { atMs: last.atMs, operator: operator?.ok === true ? operator.value.displayName : 'unknown', isClear: last.detail['verdict'] === 'clear' },
      confirmed: this.fresh(patientId, region) ?? null,
    });
  }

  async weigh(): Promise<ApiResponse<{ readonly bodyMassKg: number }>> {
    const plate = this.o.devices.plate;
    const calibration = plate === undefined ? undefined : calibrationOf(this.o.storage, plate, this.o.nowEpochMs());
    if (plate === undefined || calibration === undefined) return apiError('refused', 'No plate is connected: connect it on the Devices screen, or type the body mass.');
    if (calibration.calibrationId === null) return apiError('refused', 'The plate has no calibration in force, so it cannot weigh the patient: type the body mass (a technician can calibrate the plate on the Devices screen).');
    const weighed = await weighOnPlate(plate.driver, calibration.inUse.coefficients, realTimers);
    if (!weighed.ok) return apiError('refused', weighed.error);
    this.weighing = { massKg: weighed.value, atMs: this.o.nowEpochMs() };
    return ok({ bodyMassKg: weighed.value });
  }

  confirm(input: ScreeningInput, operatorId: number): ApiResponse<ScreeningView> {
    const { storage } = this.o;
    const nowMs = this.o.nowEpochMs();
    const patient = getPatient(storage, input.patientId);
    if (!patient.ok) return apiError('not-found', `There is no patient with id ${input.patientId}.`);
    const plateKg = this.weighing !== undefined && nowMs - this.weighing.atMs <= WEIGHING_FRESH_MS ? this.weighing.massKg : undefined;
    const massProblem = bodyMassRefusal(input.bodyMassKg, { ...(plateKg === undefined ? {} : { plateKg }), ...(patient.value.bodyMassKg === null ? {} : { recordKg: patient.value.bodyMassKg }) });
    if (massProblem !== undefined) return apiError('invalid-request', massProblem, [{ path: 'bodyMassKg', message: massProblem }]);
    const recorded = input.checklist === null ? this.confirmUnchanged(input, operatorId) : this.recordChecklist(input, input.checklist, operatorId, plateKg);
    if (!recorded.ok) return recorded;
    if (patient.value.bodyMassKg !== input.bodyMassKg) {
      const corrected = updatePatient(storage, input.patientId, { bodyMassKg: input.bodyMassKg }, operatorId);
      if (!corrected.ok) return apiError('storage-error', corrected.error.message);
    }
    this.confirmed = { patientId: input.patientId, region: input.region, kind: input.checklist === null ? 'unchanged' : 'checklist', bodyMassKg: input.bodyMassKg, confirmedAtMs: nowMs, auditId: recorded.value };
    const { auditId: _, ...view } = this.confirmed;
    return ok(view);
  }

  /**
   * The fresh screening of this patient and region, or the refusal to begin without one. `take`
   * it only once the session exists: a screening serves one session.
   */
  check(patientId: number, region: Region): ApiResponse<Confirmed> {
    const c = this.confirmed;
    if (c === undefined || c.patientId !== patientId || c.region !== region) {
      return apiError('refused', 'Screen the patient first: the contraindication checklist (or its confirmation) and the body mass, for this patient and region.');
    }
    if (this.fresh(patientId, region) === undefined) return apiError('refused', `The screening is more than ${SCREENING_FRESH_MS / 60_000} min old: confirm it again.`);
    return ok(c);
  }

  private fresh(patientId: number, region: Region): ScreeningView | undefined {
    const c = this.confirmed;
    if (c === undefined || c.patientId !== patientId || c.region !== region || this.o.nowEpochMs() - c.confirmedAtMs > SCREENING_FRESH_MS) return undefined;
    const { auditId: _, ...view } = c;
    return view;
  }

  take(): void {
    this.confirmed = undefined;
  }

  /** Appends the whole checklist with its answers; refused (but kept on record) when an item blocks. Returns the audit row id. */
  private recordChecklist(input: ScreeningInput, answers: NonNullable<ScreeningInput['checklist']>, operatorId: number, plateKg: number | undefined): ApiResponse<number> {
    const known = new Set(contraindicationsFor(input.region).map((item) => item.id));
    const stray = Object.keys(answers).filter((id) => !known.has(id));
    if (stray.length > 0) return apiError('invalid-request', `The checklist has no item "${stray[0]}" for the ${input.region} region.`, [{ path: 'checklist', message: 'unknown item' }]);
    const verdict = judgeChecklist(input.region, answers);
    if (verdict.kind === 'incomplete') return apiError('invalid-request', checklistRefusal(verdict) ?? '', [{ path: 'checklist', message: 'answer every item' }]);
    appendAudit(this.o.storage, {
      operatorId,
      action: CHECKLIST_ACTION,
      entity: 'patient',
      entityId: input.patientId,
      detail: { region: input.region, answers, verdict: verdict.kind, bodyMassKg: input.bodyMassKg, plateKg: plateKg ?? null },
    });
    const refusal = checklistRefusal(verdict);
    if (refusal !== undefined) return apiError('refused', refusal);
    return ok(latestChecklist(this.o.storage, input.patientId, input.region)?.id ?? 0);
  }

  private confirmUnchanged(input: ScreeningInput, operatorId: number): ApiResponse<number> {
    const last = latestChecklist(this.o.storage, input.patientId, input.region);
    if (last === undefined) return apiError('refused', `This is the patient’s first ${input.region} program: go through the whole contraindication checklist.`);
    if (last.detail['verdict'] !== 'clear') return apiError('refused', `The checklist of ${day(last.atMs)} found a contraindication: no program unless a new checklist is clear.`);
    if (!input.isUnchanged) return apiError('refused', `Confirm that nothing has changed since the checklist of ${day(last.atMs)}, or go through it again.`);
    appendAudit(this.o.storage, { operatorId, action: UNCHANGED_ACTION, entity: 'patient', entityId: input.patientId, detail: { region: input.region, checklistAuditId: last.id, bodyMassKg: input.bodyMassKg } });
    return ok(last.id);
  }
}
