/**
 * Who is signed in at this workstation, and the idle lock (issue 7). One operator at a time for
 * every screen of the app; the dispatcher asks `checkAccess` before each call runs, on both
 * transports. Passwords are checked against salted scrypt hashes (storage/password-hash.ts); a
 * wrong username and a wrong password get the same answer after the same work. Every sign-in,
 * failed sign-in, sign-out, lock and unlock is in the audit log.
 *
 *   signed out ──signIn / setupAdmin──► signed in ──idle ≥ idleLockMs (settings), or lock──► locked
 *        ▲                                  │  ▲                                    │
 *        └───────────── signOut ────────────┘  └──────────── unlock ────────────────┘
 *        (signOut from locked too)
 */
import type { Access, ApiError, ApiResponse, AuthStatus, MethodName, OperatorView } from '../../api/index.ts';
import { apiError, isAllowedFor, PASSWORD_MIN_CHARS } from '../../api/index.ts';
import { ok } from '../../core/index.ts';
import type { TimerHandle, Timers } from '../../native-bridge/index.ts';
import { appendAudit, createOperator, getOperator, hashPassword, listOperators, passwordHashOf, verifyPassword, type Operator, type Storage } from '../storage/index.ts';
import { storageRefusal } from './storage-refusal.ts';

const WRONG_CREDENTIALS = 'The username or password is not right.';

export interface NewOperator {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: Operator['role'];
}

export class OperatorSession {
  private operator: OperatorView | null = null;
  private isLocked = false;
  private lastActivityMonoMs = 0;
  private idleTimer: TimerHandle | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly timers: Timers,
    private readonly changed: (status: AuthStatus) => void,
    /** The clinic's idle lock time (settings), asked afresh each time it matters. */
    private readonly idleLockMs: () => number,
  ) {}

  status(): AuthStatus {
    return { needsSetup: listOperators(this.storage).length === 0, operator: this.operator, isLocked: this.isLocked, idleLockMs: this.idleLockMs() };
  }

  /** The idle lock time was changed: it applies at once, counted from the last activity (a shorter one may lock now). */
  idleLockChanged(): void {
    if (this.operator !== null && !this.isLocked) this.armIdleTimer(Math.max(0, this.idleLockMs() - (this.timers.nowMonoMs() - this.lastActivityMonoMs)));
    this.changed(this.status());
  }

  /** The signed-in operator's id, for the audit rows of what they do. */
  get operatorId(): number | undefined {
    return this.operator?.id;
  }

  /** Refuses a call that `access` does not allow now; an allowed call by a signed-in operator counts as activity. */
  checkAccess(access: Access, method: MethodName): ApiError | undefined {
    if (access.kind === 'public') return undefined;
    const operator = this.operator;
    if (operator === null) return { code: 'not-signed-in', message: 'Please sign in first.' };
    if (this.isLocked && access.kind !== 'operator') return { code: 'locked', message: 'Proprio is locked: enter your password to go on.' };
    if (!isAllowedFor(access, operator.role)) {
      return { code: 'forbidden', message: `A ${operator.role} may not do this (${method}); ask a colleague whose role allows it.` };
    }
    this.lastActivityMonoMs = this.timers.nowMonoMs();
    return undefined;
  }

  async setupAdmin(input: Omit<NewOperator, 'role'>): Promise<ApiResponse<AuthStatus>> {
    if (!this.status().needsSetup) return apiError('refused', 'Proprio already has its first administrator; sign in instead.');
    const created = await this.create({ ...input, role: 'admin' }, undefined);
    if (!created.ok) return created;
    this.begin(created.value);
    return ok(this.status());
  }

  /** A new operator, added by the signed-in admin (or the first admin, by nobody). */
  async create(input: NewOperator, actorId: number | undefined): Promise<ApiResponse<OperatorView>> {
    if (input.password.length < PASSWORD_MIN_CHARS) {
      const message = `must be at least ${PASSWORD_MIN_CHARS} characters`;
      return apiError('invalid-request', `password: ${message}`, [{ path: 'password', message }]);
    }
    // Refused before the deliberately slow hash, so a clash is answered at once (storage checks again).
    if (passwordHashOf(this.storage, input.username) !== undefined) {
      const message = `"${input.username}" is taken`;
      return apiError('refused', `username ${message}`, [{ path: 'username', message }]);
    }
    const passwordHash = await hashPassword(input.password);
    const created = createOperator(this.storage, { username: input.username, displayName: input.displayName, role: input.role, passwordHash }, actorId);
    return created.ok ? ok(view(created.value)) : storageRefusal(created.error);
  }

  async signIn(username: string, password: string): Promise<ApiResponse<AuthStatus>> {
    const stored = passwordHashOf(this.storage, username);
    // An unknown username costs the same scrypt work as a wrong password, so timing tells nothing.
    const isRight = stored === undefined ? (await hashPassword(password), false) : await verifyPassword(password, stored.passwordHash);
    const operator = isRight && stored !== undefined ? getOperator(this.storage, stored.operatorId) : undefined;
    if (operator === undefined || !operator.ok) {
      appendAudit(this.storage, { operatorId: undefined, action: 'sign-in-failed', entity: 'operator', entityId: stored?.operatorId, detail: { username } });
      return apiError('refused', WRONG_CREDENTIALS);
    }
    if (this.operator !== null && this.operator.id !== operator.value.id) this.end('signed-out-by-sign-in');
    this.begin(view(operator.value));
    return ok(this.status());
  }

  signOut(): AuthStatus {
    if (this.operator !== null) this.end('signed-out');
    this.changed(this.status());
    return this.status();
  }

  lock(reason: 'locked' | 'idle-locked' = 'locked'): AuthStatus {
    if (this.operator !== null && !this.isLocked) {
      this.isLocked = true;
      this.idleTimer?.cancel();
      appendAudit(this.storage, { operatorId: this.operator.id, action: reason, entity: 'operator', entityId: this.operator.id });
      this.changed(this.status());
    }
    return this.status();
  }

  async unlock(password: string): Promise<ApiResponse<AuthStatus>> {
    const operator = this.operator;
    if (operator === null) return apiError('not-signed-in', 'Please sign in first.');
    const stored = passwordHashOf(this.storage, operator.username);
    if (stored === undefined || !(await verifyPassword(password, stored.passwordHash))) {
      appendAudit(this.storage, { operatorId: operator.id, action: 'unlock-failed', entity: 'operator', entityId: operator.id });
      return apiError('refused', 'That password is not right.');
    }
    this.begin(operator);
    return ok(this.status());
  }

  dispose(): void {
    this.idleTimer?.cancel();
  }

  private begin(operator: OperatorView): void {
    const wasLocked = this.isLocked && this.operator?.id === operator.id;
    this.operator = operator;
    this.isLocked = false;
    appendAudit(this.storage, { operatorId: operator.id, action: wasLocked ? 'unlocked' : 'signed-in', entity: 'operator', entityId: operator.id });
    this.lastActivityMonoMs = this.timers.nowMonoMs();
    this.armIdleTimer(this.idleLockMs());
    this.changed(this.status());
  }

  private end(action: string): void {
    const operator = this.operator;
    if (operator === null) return;
    appendAudit(this.storage, { operatorId: operator.id, action, entity: 'operator', entityId: operator.id });
    this.operator = null;
    this.isLocked = false;
    this.idleTimer?.cancel();
  }

  /** One timer at a time: on firing it locks if the last activity is old enough, or waits for the rest. */
  private armIdleTimer(delayMs: number): void {
    this.idleTimer?.cancel();
    this.idleTimer = this.timers.after(delayMs, () => {
      if (this.operator === null || this.isLocked) return;
      const idleMs = this.timers.nowMonoMs() - this.lastActivityMonoMs;
      if (idleMs >= this.idleLockMs()) this.lock('idle-locked');
      else this.armIdleTimer(this.idleLockMs() - idleMs);
    });
  }
}

function view(operator: Operator): OperatorView {
  return { id: operator.id, username: operator.username, displayName: operator.displayName, role: operator.role };
}
