/**
 * DT-9 controller state: a discriminated union of states plus the data that outlives them.
 *
 * Spec: docs/protocols/table.md §2.
 *
 *                  $ARM L|C                 $SET
 *    ┌──────┐   (checks §4)   ┌───────┐  ───────────►  ┌─────┐   $PAUSE    ┌───────┐
 *    │ IDLE │ ──────────────► │ ARMED │                │ RUN │ ──────────► │ PAUSE │
 *    └──────┘ ◄────────────── └───────┘ ◄───────────── └─────┘ ◄────────── └───────┘
 *       ▲         $DISARM          ▲   $STOP reaches floor │        $SET          │
 *       │                          └───────────────────────┘                      │
 *       │ $RESET                                                                  │
 *       │ (≤ floor, e-stop clear)      safety trigger from ARMED, RUN or PAUSE    │
 *    ┌──────┐   tension ≤ floor,   ┌──────┐ ◄───────────────────────────────────┘
 *    │ RELD │ ◄──── motor off ──── │ RELG │
 *    └──────┘                      └──────┘
 *    ┌───────┐  drive fault or power fail: motor off; $RESET once the cause is gone
 *    │ FAULT │
 *    └───────┘
 * The motor is enabled in ARMED, RUN, PAUSE and RELG only (in RELG until the motor is cut).
 */
import type { Details } from '../spec-codec/message-codec.ts';
import type { Region, TableEventName, TableStateKind } from '../spec-codec/table-codec.ts';
import type { SwitchChannels, SwitchLevels } from './patient-switch.ts';

/** Release and fault reasons (table.md §6.1), carried in `fault` and in `reason=`. */
export const REASON = {
  watchdog: 1,
  patientSwitch: 2,
  switchFault: 3,
  estop: 4,
  forceLimit: 5,
  loadCell: 6,
  drive: 7,
  hostRelease: 8,
  power: 9,
} as const;
export type Reason = (typeof REASON)[keyof typeof REASON];

/**
 * How a release is running:
 * - force: the set-point slews down at the release rate and the drive tracks the reading (§6.2);
 * - slack: the reading reached the floor; the drive goes on back to the slack position before
 *   the motor goes off, so a self-locking drive leaves the patient slack (DESIGN);
 * - position: the load cell is untrusted; back to the slack position in 4 s (§6.3).
 */
export type ReleaseMode =
  | { readonly kind: 'force' }
  | { readonly kind: 'slack'; readonly targetPosMm: number; readonly speedMmS: number }
  | { readonly kind: 'position'; readonly targetPosMm: number; readonly speedMmS: number };

export type TableState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'armed'; readonly hasSetSinceArm: boolean; readonly isSelfTestPressed: boolean }
  | { readonly kind: 'run'; readonly targetN: number; readonly rateNps: number; readonly isStopping: boolean }
  | { readonly kind: 'pause' }
  | {
      readonly kind: 'releasing';
      readonly reason: Reason;
      readonly triggerUs: number;
      readonly mode: ReleaseMode;
      readonly isMotorCut: boolean;
      /** The reading when the release started (`fromN` of `!EV RELEASE`). */
      readonly fromN: number;
      /** A reading above this for 20 ms means the release is not unloading: motor off (table-release.ts). */
      readonly ceilingN: number;
      /** The set-point's fall reaches the release rate this long after the trigger (table-release.ts). */
      readonly rampInUs: number;
    }
  | { readonly kind: 'released'; readonly reason: Reason }
  | { readonly kind: 'fault'; readonly reason: Reason };

/** Input levels already seen, so events fire on edges only. */
export interface SeenLevels {
  readonly estop: boolean;
  readonly press: boolean;
  readonly switchFault: boolean;
  readonly loadCellFault: boolean;
  readonly powerFail: boolean;
  readonly watchdog: boolean;
}

export interface TableControl {
  readonly state: TableState;
  /** Latched region (from `$ARM` until `$RESET`/`$DISARM`). */
  readonly region: Region | null;
  /** Internal set-point after slewing, N. */
  readonly setN: number;
  /** Reason of the latched release or fault, 0 when none (`#T` fault field). */
  readonly faultCode: number;
  readonly isSwitchTested: boolean;
  /** Position at which tension first rose above the floor after `$ARM` (§6.3). */
  readonly slackPosMm: number | null;
  /** Watchdog expiries since power-up (`$STATUS wdog`). */
  readonly wdogTrips: number;
  /** Since when the reading is above the limit (ARMED, RUN, PAUSE), or a release is not unloading (RELG). */
  readonly overLimitSinceUs: number | null;
  readonly powerFailSinceUs: number | null;
  readonly seen: SeenLevels;
}

export const INITIAL_CONTROL: TableControl = {
  state: { kind: 'idle' },
  region: null,
  setN: 0,
  faultCode: 0,
  isSwitchTested: false,
  slackPosMm: null,
  wdogTrips: 0,
  overLimitSinceUs: null,
  powerFailSinceUs: null,
  seen: { estop: false, press: false, switchFault: false, loadCellFault: false, powerFail: false, watchdog: false },
};

/** What the controller reads each control tick (and when it executes a command). */
export interface TableSensors {
  /** Latest tared load-cell reading. */
  readonly measN: number;
  /** 100 ms average of the reading, for the floor checks of commands. */
  readonly filteredN: number;
  /** Mean of the last 4 readings (50 ms), for a release's "at the floor" decision. */
  readonly recentMeanN: number;
  /** The reading has not changed while the actuator moved (reading-window.ts). */
  readonly isReadingFrozen: boolean;
  readonly isLoadCellFault: boolean;
  readonly posMm: number;
  /** Actuator velocity (encoder), mm/s, + pulling. */
  readonly velMmS: number;
  readonly switchChannels: SwitchChannels;
  readonly switchLevels: SwitchLevels;
  readonly isEstop: boolean;
  readonly isDriveFault: boolean;
  readonly isPowerFail: boolean;
  /** Host silence, µs; null before the first valid host line (the watchdog is not armed yet). */
  readonly hostSilentUs: number | null;
}

export interface TableEvent {
  readonly name: TableEventName;
  readonly details: Details;
}

export function wireState(state: TableState): TableStateKind {
  return state.kind;
}

export function isMotorOn(state: TableState): boolean {
  switch (state.kind) {
    case 'armed':
    case 'run':
    case 'pause':
      return true;
    case 'releasing':
      return !state.isMotorCut;
    case 'idle':
    case 'released':
    case 'fault':
      return false;
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** States where a safety trigger starts a release (table.md §2: from ARMED, RUN or PAUSE). */
export function isUnderControl(state: TableState): boolean {
  return state.kind === 'armed' || state.kind === 'run' || state.kind === 'pause';
}
