/** The contract's balance methods over BalanceRuns (balance-run.ts). */
import { apiError, type ApiHandlers } from '../../api/index.ts';
import { ok } from '../../core/index.ts';
import type { Storage } from '../storage/index.ts';
import { protocolCatalogue } from './balance-catalogue.ts';
import type { BalanceRuns } from './balance-run.ts';
import { nextLevelFor } from './ladder-proposal.ts';
import type { OperatorSession } from './operator-session.ts';

type BalanceMethods =
  | 'balance.protocols'
  | 'balance.status'
  | 'balance.start'
  | 'balance.ready'
  | 'balance.abortTrial'
  | 'balance.repeatLastTrial'
  | 'balance.stop'
  | 'balance.markSymptom'
  | 'balance.nextLevel';

export function balanceHandlers(runs: BalanceRuns, session: OperatorSession, storage: Storage): Pick<ApiHandlers, BalanceMethods> {
  return {
    'balance.protocols': () => ok(protocolCatalogue()),
    'balance.status': () => ok(runs.status()),
    'balance.start': ({ patientId, protocolId }) => {
      const operatorId = session.operatorId;
      return operatorId === undefined ? apiError('not-signed-in', 'Please sign in first.') : runs.start(patientId, protocolId, operatorId);
    },
    'balance.ready': ({ safety }) => runs.act('ready', safety),
    'balance.abortTrial': () => runs.act('abortTrial'),
    'balance.repeatLastTrial': () => runs.act('repeatLastTrial'),
    'balance.stop': () => runs.act('stop'),
    'balance.nextLevel': ({ patientId }) => nextLevelFor(storage, patientId),
    'balance.markSymptom': (input) => {
      const operatorId = session.operatorId;
      return operatorId === undefined ? apiError('not-signed-in', 'Please sign in first.') : runs.markSymptom(input, operatorId);
    },
  };
}
