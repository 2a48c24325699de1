/**
 * DT-9 command handling as a pure step: (control, command, sensors, now) → (control, reply, events).
 *
 * Spec: docs/protocols/table.md §4, every row and refusal; "reject, never clamp": a refused
 * command changes nothing. Where a command could be refused for several reasons the order here is
 * (DESIGN; the spec lists codes without an order): e-stop (9) first, then the state (12, 10, 16,
 * 4), then the switch (11), then tension at the floor (15), then the limits (14, 13).
 * `$HELLO` is the link layer's (device-link.ts); `$RELEASE` is never refused.
 */
import { NAK } from '../spec-codec/link-messages.ts';
import type { Reply } from '../spec-codec/link-messages.ts';
import type { Details } from '../spec-codec/message-codec.ts';
import { assertNever } from '../spec-codec/result.ts';
import type { TableCommand } from '../spec-codec/table-codec.ts';
import { FLOOR_N, FLOOR_TOLERANCE_N, REGION_LIMITS, TABLE_INFO_PAGES } from './table-constants.ts';
import { startRelease } from './table-release.ts';
import type { ServiceCommand } from './table-service.ts';
import { REASON, isUnderControl } from './table-state.ts';
import type { TableControl, TableEvent, TableSensors } from './table-state.ts';

/** Commands that act on the controller's state; service mode is table-service.ts's. */
export type TableDeviceCommand = Exclude<TableCommand, { kind: 'hello' } | ServiceCommand>;
/** Every command the table's link executes. */
export type TableLinkCommand = TableDeviceCommand | ServiceCommand;

export interface CommandStep {
  readonly control: TableControl;
  readonly reply: Reply;
  readonly events: readonly TableEvent[];
  /** `$ZERO` accepted: the firmware tares the load cell. */
  readonly isTare?: boolean;
}

export interface LinkCounters {
  readonly rxBad: number;
  readonly rxGap: number;
}

const STATE_TOKEN = { idle: 'IDLE', armed: 'ARMED', run: 'RUN', pause: 'PAUSE', releasing: 'RELG', released: 'RELD', fault: 'FAULT' } as const;

export function applyTableCommand(
  control: TableControl,
  command: TableDeviceCommand,
  sensors: TableSensors,
  nowUs: number,
  link: LinkCounters,
): CommandStep {
  const ack = (next: TableControl = control, details: Details = [], events: readonly TableEvent[] = []): CommandStep => ({
    control: next,
    reply: { kind: 'ack', id: command.id, details },
    events,
  });
  const nak = (code: number, details: Details = []): CommandStep => ({
    control,
    reply: { kind: 'nak', id: command.id, code, details },
    events: [],
  });
  const state = control.state;
  const isAboveFloor = sensors.filteredN > FLOOR_N + FLOOR_TOLERANCE_N;

  switch (command.kind) {
    case 'info': {
      const page = TABLE_INFO_PAGES[command.page];
      return page === undefined ? nak(NAK.outOfRange) : ack(control, page);
    }
    case 'status':
      return ack(control, [
        ['state', STATE_TOKEN[state.kind]],
        ['fault', String(control.faultCode)],
        ['rxBad', String(link.rxBad)],
        ['rxGap', String(link.rxGap)],
        ['wdog', String(control.wdogTrips)],
      ]);
    case 'zero':
      return state.kind === 'idle' ? { ...ack(), isTare: true } : nak(NAK.wrongState);
    case 'arm': {
      if (sensors.isEstop) return nak(NAK.estopEngaged);
      if (state.kind === 'releasing' || state.kind === 'released' || state.kind === 'fault') return nak(NAK.faultLatched);
      if (control.region !== null && control.region !== command.region) return nak(NAK.regionLocked);
      if (state.kind === 'armed') return ack();
      if (state.kind !== 'idle') return nak(NAK.wrongState);
      const c = sensors.switchChannels;
      if (!(c.a && !c.b) || sensors.switchLevels.isPressDetected || sensors.switchLevels.isFaultDetected) {
        return nak(NAK.switchNotReady);
      }
      if (isAboveFloor) return nak(NAK.notAtZero);
      return ack({
        ...control,
        state: { kind: 'armed', hasSetSinceArm: false, isSelfTestPressed: false },
        region: command.region,
        setN: 0,
        isSwitchTested: false,
        slackPosMm: null,
        overLimitSinceUs: null,
      });
    }
    case 'disarm':
      if (state.kind === 'idle') return ack();
      if (state.kind !== 'armed') return nak(NAK.wrongState);
      if (isAboveFloor) return nak(NAK.notAtZero);
      return ack({ ...control, state: { kind: 'idle' }, region: null, setN: 0, isSwitchTested: false });
    case 'set': {
      if (sensors.isEstop) return nak(NAK.estopEngaged);
      if (state.kind === 'idle') return nak(NAK.notArmed);
      if (state.kind === 'releasing' || state.kind === 'released' || state.kind === 'fault') return nak(NAK.faultLatched);
      const limits = REGION_LIMITS[control.region ?? 'lumbar'];
      if (command.targetN > limits.limitN) return nak(NAK.limitExceeded, [['max', limits.limitN.toFixed(1)]]);
      if (command.rateNps > limits.rateNps) return nak(NAK.rateTooHigh, [['max', limits.rateNps.toFixed(1)]]);
      return ack({ ...control, state: { kind: 'run', targetN: command.targetN, rateNps: command.rateNps, isStopping: false } });
    }
    case 'pause':
      if (state.kind === 'pause') return ack();
      if (state.kind !== 'run') return nak(NAK.wrongState);
      return ack({ ...control, state: { kind: 'pause' } });
    case 'stop': {
      if (state.kind !== 'run' && state.kind !== 'pause') return ack();
      const maxRate = REGION_LIMITS[control.region ?? 'lumbar'].rateNps;
      if (command.rateNps > maxRate) return nak(NAK.rateTooHigh, [['max', maxRate.toFixed(1)]]);
      return ack({ ...control, state: { kind: 'run', targetN: FLOOR_N, rateNps: command.rateNps, isStopping: true } });
    }
    case 'release': {
      if (!isUnderControl(state)) return ack();
      const release = startRelease(control, REASON.hostRelease, sensors, nowUs);
      return ack(release.control, [], release.events);
    }
    case 'reset':
      if (state.kind === 'idle') return ack();
      if (state.kind !== 'released' && state.kind !== 'fault') return nak(NAK.wrongState);
      if (sensors.isEstop) return nak(NAK.estopEngaged);
      // FAULT is left only once its cause is gone (§2); the spec gives no code for that: 4.
      if (state.kind === 'fault' && (sensors.isDriveFault || sensors.isPowerFail)) return nak(NAK.wrongState);
      if (isAboveFloor) return nak(NAK.notAtZero);
      return ack({ ...control, state: { kind: 'idle' }, region: null, setN: 0, faultCode: 0, isSwitchTested: false });
    default:
      return assertNever(command, 'table command');
  }
}
