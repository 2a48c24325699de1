/** The contract's sign-in and operator methods over the operator session (operator-session.ts). */
import type { ApiHandlers } from '../../api/index.ts';
import { ok } from '../../core/index.ts';
import { listOperators } from '../storage/index.ts';
import type { Storage } from '../storage/index.ts';
import type { OperatorSession } from './operator-session.ts';

type AuthMethods = 'auth.status' | 'auth.setupAdmin' | 'auth.signIn' | 'auth.signOut' | 'auth.lock' | 'auth.unlock' | 'operators.list' | 'operators.create';

export function authHandlers(session: OperatorSession, storage: Storage): Pick<ApiHandlers, AuthMethods> {
  return {
    'auth.status': () => ok(session.status()),
    'auth.setupAdmin': (input) => session.setupAdmin(input),
    'auth.signIn': ({ username, password }) => session.signIn(username, password),
    'auth.signOut': () => ok(session.signOut()),
    'auth.lock': () => ok(session.lock()),
    'auth.unlock': ({ password }) => session.unlock(password),
    'operators.list': () =>
      ok(
        listOperators(storage)
          .filter((o) => o.isActive)
          .map(({ id, username, displayName, role }) => ({ id, username, displayName, role })),
      ),
    'operators.create': (input) => session.create(input, session.operatorId),
  };
}
