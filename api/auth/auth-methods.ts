/**
 * Sign-in, roles and the idle lock (issue 7). One operator is signed in at this workstation at a
 * time, for every screen of it (the Electron window, or the browser tab of browser mode). The
 * first start has no operator: `auth.setupAdmin` creates the clinic's first admin, once.
 */
import { z } from 'zod';
import { method } from '../method-spec.ts';

/** Therapists run patients' sessions; technicians calibrate and configure devices; admins manage operators. */
export const OPERATOR_ROLES = ['therapist', 'technician', 'admin'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export interface OperatorView {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: OperatorRole;
}

export interface AuthStatus {
  /** No operator exists yet: the first start, which creates the admin. */
  readonly needsSetup: boolean;
  /** Who is signed in; null when nobody is. */
  readonly operator: OperatorView | null;
  /** Signed in, but idle too long: the password is asked again before anything else. */
  readonly isLocked: boolean;
  /** Idle time after which the screen locks. */
  readonly idleLockMs: number;
}

/** NIST SP 800-63B §5.1.1.2: memorized secrets of at least 8 characters; 64 or more must be allowed. */
export const PASSWORD_MIN_CHARS = 8;
const PASSWORD_MAX_CHARS = 200;
/** Lengths only: the host checks the content and answers with a message per field. */
const text = (maxChars: number) => z.string().max(maxChars);
const password = z.string().max(PASSWORD_MAX_CHARS);

const newOperatorFields = { username: text(40), displayName: text(100), password };

export const AUTH_METHODS = {
  'auth.status': method<AuthStatus>()(z.strictObject({})),
  /** Creates the first admin and signs them in; refused once any operator exists. */
  'auth.setupAdmin': method<AuthStatus>()(z.strictObject(newOperatorFields)),
  'auth.signIn': method<AuthStatus>()(z.strictObject({ username: text(40), password })),
  'auth.signOut': method<AuthStatus>()(z.strictObject({})),
  /** Locks now (leaving the desk); the same operator's password unlocks. */
  'auth.lock': method<AuthStatus>()(z.strictObject({})),
  'auth.unlock': method<AuthStatus>()(z.strictObject({ password })),
  /** Admins: every operator. */
  'operators.list': method<readonly OperatorView[]>()(z.strictObject({})),
  /** Admins: a new operator with a role and a first password. */
  'operators.create': method<OperatorView>()(z.strictObject({ ...newOperatorFields, role: z.enum(OPERATOR_ROLES) })),
};
