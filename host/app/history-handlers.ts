/** The contract's history method: a patient's sessions with their trials' headline figures, from the clinic database. */
import type { ApiHandlers, HistorySession, HistoryTrial, MassUnit } from '../../api/index.ts';
import { clinicForceUnit, ok } from '../../core/index.ts';
import { listTrials, readSettings, sessionsForPatient, type Session, type Storage, type Trial } from '../storage/index.ts';
import { storageRefusal } from './storage-refusal.ts';
import { symptomsOfSession } from './symptom-marks.ts';
import { trialFigures } from './trial-figures.ts';

function trialView(trial: Trial): HistoryTrial {
  const m = trial.metrics;
  return {
    id: trial.id,
    protocol: trial.protocol,
    condition: trial.condition,
    outcome: typeof m['outcome'] === 'string' ? m['outcome'] : null,
    figures: trialFigures(m['sway']),
    isUncalibrated: m['isPlateCalibrated'] === false,
    algorithmVersion: trial.algorithmVersion,
  };
}

/** A tension as the clinic reads it: kgf with kg, lbf with lb (the units setting). */
function clinicForce(forceN: number, massUnit: MassUnit): string {
  const force = clinicForceUnit(massUnit);
  return `${force.fromNewtons(forceN).toFixed(force.symbol === 'lbf' ? 0 : 1)} ${force.symbol}`;
}

/** Balance sessions carry the protocol's name in their notes; decompression sessions a JSON summary. */
function titleOf(session: Session, massUnit: MassUnit): string {
  if (session.kind === 'balance') return session.notes === '' ? 'Balance' : session.notes;
  try {
    const notes = JSON.parse(session.notes) as { program?: unknown; region?: unknown; maxN?: unknown };
    const upTo = typeof notes.maxN === 'number' ? ` to ${clinicForce(notes.maxN, massUnit)}` : '';
    const text = (value: unknown): string => (typeof value === 'string' ? value : '');
    return `Decompression, ${text(notes.region)} ${text(notes.program)}${upTo}`.replace(/\s+/g, ' ');
  } catch {
    return 'Decompression';
  }
}

export function historyHandlers(storage: Storage): Pick<ApiHandlers, 'history.sessions'> {
  return {
    'history.sessions': ({ patientId, includeSimulated }) => {
      const sessions = sessionsForPatient(storage, patientId, { includeSimulated });
      if (!sessions.ok) return storageRefusal(sessions.error);
      const { massUnit } = readSettings(storage);
      return ok(
        sessions.value.map(
          (s): HistorySession => ({
            id: s.id,
            kind: s.kind,
            status: s.status,
            startedAtMs: s.startedAtMs,
            endedAtMs: s.endedAtMs,
            isSimulated: s.isSimulated,
            title: titleOf(s, massUnit),
            trials: listTrials(storage, s.id).map(trialView),
            symptoms: s.kind === 'balance' ? symptomsOfSession(storage, s.id) : [],
          }),
        ),
      );
    },
  };
}
