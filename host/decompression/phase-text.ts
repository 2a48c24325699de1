/** A supervisor phase in words, for the console, the headless runner's log and the session record. */
import type { SupervisorPhase } from '../../core/index.ts';

export function describePhase(phase: SupervisorPhase): string {
  switch (phase.kind) {
    case 'prechecking':
      return `prechecking: ${phase.step}${phase.step === 'switch-test' ? ' (press and release the patient switch)' : ''}`;
    case 'released':
      return `released (${phase.cause})`;
    case 'done':
      return `done (${phase.outcome})`;
    case 'stopping':
      return `stopping (${phase.reason})`;
    case 'idle':
    case 'ready':
    case 'running':
    case 'paused':
      return phase.kind;
  }
}
