/**
 * The next level of a patient's re-education program from their completed ladder sessions: the
 * newest session of a ladder level is judged by the clinic's rule (reeducation-ladder.ts nextLevel:
 * advance when every exercise kept the COP on target ≥ MASTERY_TIME_ON_TARGET_PCT and no symptom
 * was marked; balance.md §6.4: no public source gives a threshold or symptom gating, DESIGN).
 * An exercise with no completed trial (the session was stopped) counts as not mastered. A patient
 * with no ladder session starts at level 1.
 */
import { nextLevel, REEDUCATION_LADDER, reeducationLevelProtocol, type Progression } from './reeducation-ladder.ts';

const LEVEL_ID = /^reeducation-level-(\d+)$/;
/** Trial ids do not depend on the subject's height; any height names them. */
const ANY_HEIGHT_M = 1.7;

export interface LadderSessionRecord {
  readonly sessionId: number;
  /** Each stored trial: the protocol it belongs to, its trial id, and its time on target (null when not scored). */
  readonly trials: readonly { readonly protocolId: string; readonly trialId: string; readonly timeOnTargetPct: number | null }[];
  readonly hasSymptoms: boolean;
}

export interface LevelProposal {
  readonly level: number;
  readonly protocolId: string;
  readonly reason: Progression['reason'] | 'start';
  /** The session the proposal judged, or null for a first level. */
  readonly basedOnSessionId: number | null;
  readonly fromLevel: number | null;
}

/** The ladder level a protocol id runs, or null for any other protocol. */
export function ladderLevelOf(protocolId: string): number | null {
  const level = Number(LEVEL_ID.exec(protocolId)?.[1] ?? Number.NaN);
  return REEDUCATION_LADDER.some((l) => l.level === level) ? level : null;
}

export const ladderProtocolId = (level: number): string => `reeducation-level-${level}`;

/** `sessions` newest first (a patient's history, simulated sessions already left out). */
export function proposeLevel(sessions: readonly LadderSessionRecord[]): LevelProposal {
  for (const session of sessions) {
    const level = session.trials.map((t) => ladderLevelOf(t.protocolId)).find((l) => l !== null);
    const spec = REEDUCATION_LADDER.find((l) => l.level === level);
    if (level === undefined || level === null || spec === undefined) continue;
    // The last attempt of each exercise counts (a repeated trial replaces the voided one).
    const timeOnTargetPct = reeducationLevelProtocol(spec, ANY_HEIGHT_M).trials.map((trial) => [...session.trials].reverse().find((t) => t.trialId === trial.id)?.timeOnTargetPct ?? null);
    const progression = nextLevel(level, { timeOnTargetPct, hasSymptoms: session.hasSymptoms }, 'auto');
    return { level: progression.nextLevel, protocolId: ladderProtocolId(progression.nextLevel), reason: progression.reason, basedOnSessionId: session.sessionId, fromLevel: level };
  }
  return { level: 1, protocolId: ladderProtocolId(1), reason: 'start', basedOnSessionId: null, fromLevel: null };
}
