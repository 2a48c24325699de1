/**
 * The protocols a therapist can start from the screen: the built-ins of core/protocols with their
 * default options. Active tasks scale their targets to the patient's height, so they need one.
 */
import type { PatientView, ProtocolInfo } from '../../api/index.ts';
import {
  err,
  ladderProtocolId,
  limitsOfStabilityProtocol,
  mctsibProtocol,
  ok,
  REEDUCATION_LADDER,
  reeducationLevelProtocol,
  rhythmicWeightShiftProtocol,
  rombergProtocol,
  singleLegStanceProtocol,
  tandemStanceProtocol,
  type ProtocolSpec,
  type Result,
} from '../../core/index.ts';

type Make = (patient: Pick<PatientView, 'heightMm'>) => Result<ProtocolSpec, string>;

const withHeight =
  (make: (heightM: number) => ProtocolSpec): Make =>
  ({ heightMm }) =>
    heightMm === null ? err('this protocol scales its targets to the patient’s height: record the height first') : ok(make(heightMm / 1000));

const CATALOGUE: readonly { readonly id: string; readonly make: Make }[] = [
  { id: 'romberg', make: () => ok(rombergProtocol()) },
  { id: 'tandem-stance', make: () => ok(tandemStanceProtocol()) },
  { id: 'mctsib', make: () => ok(mctsibProtocol()) },
  { id: 'single-leg-stance', make: () => ok(singleLegStanceProtocol()) },
  { id: 'limits-of-stability', make: withHeight((heightM) => limitsOfStabilityProtocol({ heightM })) },
  { id: 'rhythmic-weight-shift', make: withHeight((heightM) => rhythmicWeightShiftProtocol({ heightM })) },
  // The levels of the re-education program; balance.nextLevel proposes which one is next.
  ...REEDUCATION_LADDER.map((level) => ({ id: ladderProtocolId(level.level), make: withHeight((heightM) => reeducationLevelProtocol(level, heightM)) })),
];

/** A typical adult, only to describe the active tasks in the list (their timing does not depend on height). */
const LIST_HEIGHT_MM = 1700;

export function protocolCatalogue(): ProtocolInfo[] {
  return CATALOGUE.flatMap(({ make }) => {
    const spec = make({ heightMm: LIST_HEIGHT_MM });
    if (!spec.ok) return [];
    const { id, name, source, trials } = spec.value;
    return [{ id, name, source, trialCount: trials.length, recordedMs: trials.reduce((sum, t) => sum + t.durationMs, 0) }];
  });
}

/** The protocol for this patient, or why it cannot run (an unknown id, no height recorded). */
export function protocolFor(protocolId: string, patient: Pick<PatientView, 'heightMm'>): Result<ProtocolSpec, string> {
  const entry = CATALOGUE.find((c) => c.id === protocolId);
  return entry === undefined ? err(`there is no protocol "${protocolId}"`) : entry.make(patient);
}
