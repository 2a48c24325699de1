/**
 * Who may call what (issue 7, sign-in and roles). The dispatcher asks the host's operator session
 * about every call before it runs, on both transports; the renderer reads the same table to show
 * only what the signed-in operator may do. A method missing here is a compile error.
 */
import type { OperatorRole } from './auth/auth-methods.ts';
import type { MethodName } from './contract.ts';

export type Access =
  /** Anyone at the screen, signed in or not. */
  | { readonly kind: 'public' }
  /** A signed-in operator, even while the screen is locked. */
  | { readonly kind: 'operator' }
  /** A signed-in operator with the screen unlocked, any role. */
  | { readonly kind: 'unlocked' }
  /** A signed-in operator with the screen unlocked and one of these roles. */
  | { readonly kind: 'roles'; readonly roles: readonly OperatorRole[] };

const PUBLIC: Access = { kind: 'public' };
const OPERATOR: Access = { kind: 'operator' };
const UNLOCKED: Access = { kind: 'unlocked' };
const roles = (...allowed: OperatorRole[]): Access => ({ kind: 'roles', roles: allowed });

export const METHOD_ACCESS: { readonly [M in MethodName]: Access } = {
  'app.info': PUBLIC,
  'auth.status': PUBLIC,
  'auth.setupAdmin': PUBLIC,
  'auth.signIn': PUBLIC,
  'auth.signOut': OPERATOR,
  'auth.lock': OPERATOR,
  'auth.unlock': OPERATOR,
  'operators.list': roles('admin'),
  'operators.create': roles('admin'),
  'patients.list': roles('therapist', 'admin'),
  'patients.get': roles('therapist', 'admin'),
  'patients.create': roles('therapist', 'admin'),
  'patients.update': roles('therapist', 'admin'),
  'balance.protocols': UNLOCKED,
  'balance.status': UNLOCKED,
  'balance.start': roles('therapist', 'admin'),
  'balance.ready': roles('therapist', 'admin'),
  'balance.abortTrial': roles('therapist', 'admin'),
  'balance.repeatLastTrial': roles('therapist', 'admin'),
  'balance.stop': roles('therapist', 'admin'),
  'balance.markSymptom': roles('therapist', 'admin'),
  'balance.nextLevel': roles('therapist', 'admin'),
  'decompression.preview': roles('therapist', 'admin'),
  'decompression.screening': roles('therapist', 'admin'),
  'decompression.confirmScreening': roles('therapist', 'admin'),
  'decompression.weigh': roles('therapist', 'admin'),
  'decompression.begin': roles('therapist', 'admin'),
  'decompression.status': OPERATOR,
  // The safety controls stay reachable on a locked screen (issue 7); the host allows only stop and release then.
  'decompression.operator': OPERATOR,
  'decompression.rearm': roles('therapist', 'admin'),
  'decompression.acknowledge': OPERATOR,
  'decompression.end': roles('therapist', 'admin'),
  'history.sessions': roles('therapist', 'admin'),
  'calibration.table': roles('technician', 'admin'),
  'calibration.tableStatus': roles('technician', 'admin'),
  'calibration.tableGaugeReading': roles('technician', 'admin'),
  'calibration.tableCancel': roles('technician', 'admin'),
  'reports.session': roles('therapist', 'admin'),
  'reports.calibration': roles('technician', 'admin'),
  'calibration.history': roles('technician', 'admin'),
  'calibration.plateOpen': roles('technician', 'admin'),
  'calibration.plateStatus': roles('technician', 'admin'),
  'calibration.plateTare': roles('technician', 'admin'),
  'calibration.plateTake': roles('technician', 'admin'),
  'calibration.plateFinish': roles('technician', 'admin'),
  'calibration.plateCancel': roles('technician', 'admin'),
  'calibration.rollback': roles('technician', 'admin'),
  'devices.list': UNLOCKED,
  'devices.connect': roles('technician', 'admin'),
  'devices.disconnect': roles('technician', 'admin'),
  'settings.get': OPERATOR,
  // Per field in the host: units and volume for anyone unlocked, the clinic's policy for admins (ADMIN_SETTINGS).
  'settings.update': UNLOCKED,
  'sim.status': UNLOCKED,
  'sim.connect': UNLOCKED,
  'sim.setSway': UNLOCKED,
  'sim.setSubjectPresent': UNLOCKED,
  'sim.setFault': UNLOCKED,
  'sim.clearFaults': UNLOCKED,
  'sim.setPatientSwitch': UNLOCKED,
  'sim.setEstop': UNLOCKED,
  'sim.setUnplugged': UNLOCKED,
  'sim.placeMass': UNLOCKED,
  'sim.clearPlate': UNLOCKED,
};

/** True when an operator of `role` may call a method with `access` (signed in and unlocked). */
export function isAllowedFor(access: Access, role: OperatorRole): boolean {
  return access.kind !== 'roles' || access.roles.includes(role);
}
