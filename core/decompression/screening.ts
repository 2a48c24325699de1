/**
 * The screening before a decompression session (issue 7; shared/reference/decompression.md §4.8
 * and §7.5): the contraindication checklist, gone through in full before a patient's first program
 * for a region, and at every later session either again or confirmed unchanged; and the body mass,
 * re-confirmed each session, checked against the plate's reading and for pounds typed as kilograms.
 * Pure: the host stores the answers and enforces the gate.
 */
import { BODY_MASS_MAX_KG, BODY_MASS_MIN_KG } from './decompression-limits.ts';
import type { Region } from './program.ts';

export type ChecklistAnswer = 'no' | 'yes' | 'unknown';

export interface ContraindicationItem {
  readonly id: string;
  readonly label: string;
  readonly group: 'structural' | 'surgical' | 'systemic' | 'practical';
  /** The regions it applies to (chin halter and prior stroke are cervical matters, ref §4.8). */
  readonly regions: readonly Region[];
}

const BOTH: readonly Region[] = ['lumbar', 'cervical'];
const CERVICAL: readonly Region[] = ['cervical'];

/**
 * The union of the sources' contraindications and precautions, ref §4.8 (Saunders Lumbar HomeTrac
 * manual, iTrac quick start, Lane CC PTA course, clinic and product pages), one item each.
 */
export const CONTRAINDICATIONS: readonly ContraindicationItem[] = [
  { id: 'fracture', label: 'Fracture or spinal instability', group: 'structural', regions: BOTH },
  { id: 'tumour', label: 'Tumour or malignancy (spinal, pelvic, abdominal)', group: 'structural', regions: BOTH },
  { id: 'infection', label: 'Infection (osteomyelitis, discitis)', group: 'structural', regions: BOTH },
  { id: 'osteoporosis', label: 'Advanced or severe osteoporosis', group: 'structural', regions: BOTH },
  { id: 'cord-compression', label: 'Cord compression or myelopathy', group: 'structural', regions: BOTH },
  { id: 'central-herniation', label: 'Central disc herniation', group: 'structural', regions: BOTH },
  { id: 'pars-spondylolisthesis', label: 'Pars defect, or spondylolisthesis grade 2 or more', group: 'structural', regions: BOTH },
  { id: 'inflammatory-joint', label: 'Rheumatoid arthritis or other inflammatory joint disease', group: 'structural', regions: BOTH },
  { id: 'connective-tissue', label: 'Connective-tissue disease', group: 'structural', regions: BOTH },
  { id: 'hypermobility', label: 'Joint hypermobility', group: 'structural', regions: BOTH },
  { id: 'fusion', label: 'Spinal fusion', group: 'surgical', regions: BOTH },
  { id: 'implants', label: 'Artificial disc or other spinal implants', group: 'surgical', regions: BOTH },
  { id: 'failed-surgery', label: 'Failed or multiple back surgery', group: 'surgical', regions: BOTH },
  { id: 'healing', label: 'Post-surgical tissue still healing', group: 'surgical', regions: BOTH },
  { id: 'pregnancy', label: 'Pregnancy', group: 'systemic', regions: BOTH },
  { id: 'aortic-aneurysm', label: 'Abdominal aortic aneurysm', group: 'systemic', regions: BOTH },
  { id: 'cardiovascular', label: 'Uncontrolled hypertension or cardiovascular disease', group: 'systemic', regions: BOTH },
  { id: 'respiratory', label: 'Respiratory insufficiency', group: 'systemic', regions: BOTH },
  { id: 'hiatal-hernia', label: 'Hiatal hernia', group: 'systemic', regions: BOTH },
  { id: 'vascular', label: 'Vascular compromise', group: 'systemic', regions: BOTH },
  { id: 'anticoagulants', label: 'Anticoagulant use', group: 'systemic', regions: BOTH },
  { id: 'stroke', label: 'Prior stroke', group: 'systemic', regions: CERVICAL },
  { id: 'claustrophobia', label: 'Claustrophobia or anxiety on the table', group: 'practical', regions: BOTH },
  { id: 'positioning', label: 'Cannot lie prone or supine', group: 'practical', regions: BOTH },
  { id: 'tmj-dentures', label: 'TMJ problems or dentures (chin halter)', group: 'practical', regions: CERVICAL },
  { id: 'worsening', label: 'Symptoms that peripheralise or increase with traction', group: 'practical', regions: BOTH },
];

export function contraindicationsFor(region: Region): readonly ContraindicationItem[] {
  return CONTRAINDICATIONS.filter((item) => item.regions.includes(region));
}

export type ChecklistVerdict =
  | { readonly kind: 'clear' }
  | { readonly kind: 'incomplete'; readonly unanswered: readonly ContraindicationItem[] }
  /**
   * DESIGN: which items are absolute is the clinic's decision and the sources disagree (ref §4.8,
   * §7.5); until the clinic marks some as relative (with a clinician's sign-off), every item is
   * treated as absolute: "yes" and "unknown" both block.
   */
  | { readonly kind: 'blocked'; readonly present: readonly ContraindicationItem[]; readonly unknown: readonly ContraindicationItem[] };

export function judgeChecklist(region: Region, answers: Readonly<Record<string, ChecklistAnswer | undefined>>): ChecklistVerdict {
  const items = contraindicationsFor(region);
  const unanswered = items.filter((item) => answers[item.id] === undefined);
  if (unanswered.length > 0) return { kind: 'incomplete', unanswered };
  const present = items.filter((item) => answers[item.id] === 'yes');
  const unknown = items.filter((item) => answers[item.id] === 'unknown');
  return present.length === 0 && unknown.length === 0 ? { kind: 'clear' } : { kind: 'blocked', present, unknown };
}

/** The verdict in a clinician's words; undefined when clear. */
export function checklistRefusal(verdict: ChecklistVerdict): string | undefined {
  const names = (items: readonly ContraindicationItem[]): string => items.map((i) => i.label.toLowerCase()).join(', ');
  switch (verdict.kind) {
    case 'clear':
      return undefined;
    case 'incomplete':
      return `Answer every item of the contraindication checklist (${verdict.unanswered.length} unanswered, first: ${names(verdict.unanswered.slice(0, 1))}).`;
    case 'blocked': {
      const parts = [verdict.present.length > 0 ? `present: ${names(verdict.present)}` : '', verdict.unknown.length > 0 ? `not known: ${names(verdict.unknown)}` : ''];
      return `No program for this patient: contraindication ${parts.filter((p) => p !== '').join('; ')}.`;
    }
  }
}

/** Pounds per kilogram: a mass typed in pounds reads 2.2046 times too heavy (ref §7.5). */
const POUNDS_PER_KG = 2.2046;
/** Body mass agreement: max(3 kg, 5 % of the plate reading) (ref §7.1 BODY_MASS_MATCH_TOLERANCE_KG, DESIGN). */
const MASS_MATCH_MIN_KG = 3;
const MASS_MATCH_FRAC = 0.05;

export function massesAgree(typedKg: number, referenceKg: number): boolean {
  return Math.abs(typedKg - referenceKg) <= Math.max(MASS_MATCH_MIN_KG, MASS_MATCH_FRAC * referenceKg);
}

/**
 * Why a confirmed body mass is refused, or undefined: outside 20–250 kg, or, against a reference
 * (the plate's reading, else the patient's record), a value that agrees only once read as pounds
 * ("this looks like pounds": every BW-derived limit would be 2.2046× too high, ref §7.5). With a
 * plate reading, a typed value must also agree with it.
 */
export function bodyMassRefusal(confirmedKg: number, reference: { readonly plateKg?: number; readonly recordKg?: number }): string | undefined {
  if (!Number.isFinite(confirmedKg) || confirmedKg < BODY_MASS_MIN_KG || confirmedKg > BODY_MASS_MAX_KG) return `Body mass must be ${BODY_MASS_MIN_KG}–${BODY_MASS_MAX_KG} kg.`;
  const referenceKg = reference.plateKg ?? reference.recordKg;
  if (referenceKg === undefined || massesAgree(confirmedKg, referenceKg)) return undefined;
  if (massesAgree(confirmedKg / POUNDS_PER_KG, referenceKg)) return `${confirmedKg} kg looks like pounds (${(confirmedKg / POUNDS_PER_KG).toFixed(1)} kg): enter the body mass in kilograms.`;
  return reference.plateKg === undefined ? undefined : `${confirmedKg} kg does not agree with the plate’s ${reference.plateKg.toFixed(1)} kg: weigh again or correct it.`;
}
