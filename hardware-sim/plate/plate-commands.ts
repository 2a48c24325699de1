/**
 * PF-600 command handling as a pure step: (state, command, now) → (state, reply).
 *
 * Spec: docs/protocols/plate.md §2 and §4.
 *
 *             $START
 *    IDLE ───────────────► STREAMING        $RATE only in IDLE (else code 4)
 *      ▲                      │             $HELLO from any state → IDLE (firmware)
 *      └──── $STOP, $HELLO ───┘             2000 ms of host silence → IDLE (firmware)
 *
 * A repeated `$START` while streaming is a no-op (no new t0, no RESYNC). `$HELLO` is handled by
 * the link layer (device-link.ts); the firmware applies its effect (stop streaming).
 */
import { NAK } from '../spec-codec/link-messages.ts';
import type { Reply } from '../spec-codec/link-messages.ts';
import type { PlateCommand } from '../spec-codec/plate-codec.ts';
import { assertNever } from '../spec-codec/result.ts';
import { PLATE_INFO_PAGES } from './plate-constants.ts';

export type PlateState =
  | { readonly kind: 'idle'; readonly rateHz: number }
  | { readonly kind: 'streaming'; readonly rateHz: number; readonly t0Us: number };

export type PlateDeviceCommand = Exclude<PlateCommand, { kind: 'hello' }>;

export interface PlateCounters {
  readonly rxBad: number;
  readonly rxGap: number;
}

export interface PlateStep {
  readonly state: PlateState;
  readonly reply: Reply;
}

export function stepPlateCommand(
  state: PlateState,
  command: PlateDeviceCommand,
  nowUs: number,
  counters: PlateCounters,
): PlateStep {
  const ack = (details: Reply['details'] = []): Reply => ({ kind: 'ack', id: command.id, details });
  const nak = (code: number): Reply => ({ kind: 'nak', id: command.id, code, details: [] });
  const hz = (rateHz: number): Reply['details'] => [['hz', String(rateHz)]];
  switch (command.kind) {
    case 'info': {
      const page = PLATE_INFO_PAGES[command.page];
      return { state, reply: page === undefined ? nak(NAK.outOfRange) : ack(page) };
    }
    case 'rate':
      if (state.kind !== 'idle') return { state, reply: nak(NAK.wrongState) };
      return { state: { kind: 'idle', rateHz: command.rateHz }, reply: ack(hz(command.rateHz)) };
    case 'start':
      if (state.kind === 'streaming') return { state, reply: ack(hz(state.rateHz)) };
      return { state: { kind: 'streaming', rateHz: state.rateHz, t0Us: nowUs }, reply: ack(hz(state.rateHz)) };
    case 'stop':
      return { state: { kind: 'idle', rateHz: state.rateHz }, reply: ack() };
    case 'status':
      return {
        state,
        reply: ack([
          ['state', state.kind === 'idle' ? 'IDLE' : 'STREAMING'],
          ['hz', String(state.rateHz)],
          ['rxBad', String(counters.rxBad)],
          ['rxGap', String(counters.rxGap)],
        ]),
      };
    default:
      return assertNever(command, 'plate command');
  }
}
