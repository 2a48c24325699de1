/**
 * Symptoms a therapist marks during or after a balance trial. balance.md gives no list: §6.4 only
 * says no public source gates progression on symptoms and that the project's own rule is to
 * advance only without them. The list and the note's length are DESIGN.
 */

/** DESIGN: what a clinic watches for in balance and re-education work. */
export const SYMPTOMS = ['dizziness', 'nausea', 'pain', 'fatigue', 'near-fall'] as const;
export type Symptom = (typeof SYMPTOMS)[number];

export const SYMPTOM_TEXT: Readonly<Record<Symptom, string>> = {
  dizziness: 'Dizziness',
  nausea: 'Nausea',
  pain: 'Pain',
  fatigue: 'Fatigue',
  'near-fall': 'Near-fall',
};

/** DESIGN: a sentence or two beside the mark, not a clinical note. */
export const MAX_SYMPTOM_NOTE_CHARS = 500;
