/** The contract's decompression methods over the console (decompression-console.ts). */
import { apiError, type ApiHandlers } from '../../api/index.ts';
import { ok } from '../../core/index.ts';
import type { DecompressionConsole } from './decompression-console.ts';
import type { OperatorSession } from './operator-session.ts';

type DecompressionMethods =
  | 'decompression.preview'
  | 'decompression.screening'
  | 'decompression.confirmScreening'
  | 'decompression.weigh'
  | 'decompression.begin'
  | 'decompression.status'
  | 'decompression.operator'
  | 'decompression.rearm'
  | 'decompression.acknowledge'
  | 'decompression.end';

export function decompressionHandlers(desk: DecompressionConsole, session: OperatorSession): Pick<ApiHandlers, DecompressionMethods> {
  const isLocked = (): boolean => session.status().isLocked;
  return {
    'decompression.preview': (input) => desk.preview(input),
    'decompression.screening': ({ patientId, region }) => desk.screening.status(patientId, region),
    'decompression.confirmScreening': (input) => {
      const operatorId = session.operatorId;
      return operatorId === undefined ? apiError('not-signed-in', 'Please sign in first.') : desk.screening.confirm(input, operatorId);
    },
    'decompression.weigh': () => desk.screening.weigh(),
    'decompression.begin': (input) => {
      const operatorId = session.operatorId;
      return operatorId === undefined ? apiError('not-signed-in', 'Please sign in first.') : desk.begin(input, operatorId);
    },
    'decompression.status': () => ok(desk.status()),
    'decompression.operator': ({ input }) => desk.operate({ kind: input }, isLocked()),
    'decompression.rearm': ({ reason }) => desk.operate({ kind: 're-arm', reason }, isLocked()),
    'decompression.acknowledge': ({ condition }) => desk.acknowledge(condition, isLocked()),
    'decompression.end': () => desk.end(),
  };
}
