/**
 * Service mode of the DT-9: load-cell coefficients written, checked, read back and put in force
 * only while no treatment can start (docs/protocols/table.md §4.1), as a pure step.
 *
 *   $SVC 1 (IDLE) ──► service on: $ARM refused (17) ──► $CAL offsetN span crc → pending
 *     ──► $CALGET (read back) ──► $CALUSE crc → in force, tare cleared ──► $SVC 0
 *
 * `$CAL` is refused when its CRC is not that of its two fields as sent (18), or when the new set
 * moves the span by more than 5 % or the zero by more than 10 N from the set in force (19).
 */
import { crc16OfText, formatCrc } from '../spec-codec/crc16.ts';
import { NAK } from '../spec-codec/link-messages.ts';
import type { Reply } from '../spec-codec/link-messages.ts';
import type { Details } from '../spec-codec/message-codec.ts';
import { assertNever } from '../spec-codec/result.ts';
import { coefficientText } from '../spec-codec/table-codec.ts';
import type { TableCommand } from '../spec-codec/table-codec.ts';

export type ServiceCommand = Extract<TableCommand, { kind: 'svc' | 'cal' | 'calget' | 'caluse' }>;

export interface LoadCellCoefficients {
  readonly offsetN: number;
  readonly span: number;
}

export const FACTORY_COEFFICIENTS: LoadCellCoefficients = { offsetN: 0, span: 1 };

export interface ServiceState {
  readonly isOn: boolean;
  readonly pending: (LoadCellCoefficients & { readonly crc: string }) | null;
}

export const SERVICE_OFF: ServiceState = { isOn: false, pending: null };

/** table.md §4.1 change bounds. */
const MAX_SPAN_CHANGE_FRAC = 0.05;
const MAX_OFFSET_CHANGE_N = 10;

export interface ServiceStep {
  readonly service: ServiceState;
  readonly reply: Reply;
  /** Set when `$CALUSE` put new coefficients in force. */
  readonly coefficients?: LoadCellCoefficients;
}

export const isServiceCommand = (command: { readonly kind: string }): command is ServiceCommand =>
  command.kind === 'svc' || command.kind === 'cal' || command.kind === 'calget' || command.kind === 'caluse';

export function coefficientCrc(c: LoadCellCoefficients): string {
  return formatCrc(crc16OfText(coefficientText(c.offsetN, c.span)));
}

const describe = (c: LoadCellCoefficients): Details => {
  const [offsetN = '', span = ''] = coefficientText(c.offsetN, c.span).split(' ');
  return [
    ['offsetN', offsetN],
    ['span', span],
    ['crc', coefficientCrc(c)],
  ];
};

export function applyServiceCommand(service: ServiceState, command: ServiceCommand, isIdle: boolean, inForce: LoadCellCoefficients): ServiceStep {
  const ack = (next: ServiceState, details: Details = [], coefficients?: LoadCellCoefficients): ServiceStep => ({
    service: next,
    reply: { kind: 'ack', id: command.id, details },
    ...(coefficients === undefined ? {} : { coefficients }),
  });
  const nak = (code: number, details: Details = []): ServiceStep => ({ service, reply: { kind: 'nak', id: command.id, code, details } });
  switch (command.kind) {
    case 'svc':
      if (command.on === 0) return ack(SERVICE_OFF);
      return service.isOn ? ack(service) : isIdle ? ack({ isOn: true, pending: null }) : nak(NAK.wrongState);
    case 'cal': {
      if (!service.isOn) return nak(NAK.wrongState);
      const next = { offsetN: command.offsetN, span: command.span };
      if (coefficientCrc(next) !== command.crc) return nak(NAK.crcMismatch);
      if (Math.abs(next.span / inForce.span - 1) > MAX_SPAN_CHANGE_FRAC) return nak(NAK.changeTooLarge, [['maxSpanChangePct', '5']]);
      if (Math.abs(next.offsetN - inForce.offsetN) > MAX_OFFSET_CHANGE_N) return nak(NAK.changeTooLarge, [['maxOffsetChangeN', '10']]);
      return ack({ isOn: true, pending: { ...next, crc: command.crc } }, describe(next));
    }
    case 'calget':
      return ack(service, [...describe(inForce), ['pending', service.pending === null ? '0' : '1'], ['svc', service.isOn ? '1' : '0']]);
    case 'caluse': {
      const pending = service.pending;
      if (!service.isOn || pending === null) return nak(NAK.wrongState);
      if (pending.crc !== command.crc) return nak(NAK.crcMismatch);
      const coefficients = { offsetN: pending.offsetN, span: pending.span };
      return ack({ isOn: true, pending: null }, describe(coefficients), coefficients);
    }
    default:
      return assertNever(command, 'service command');
  }
}
