/**
 * Drivers that decide how fast device time runs.
 *
 * - manual: device time moves only when a test calls `advanceMs`; everything due runs at once,
 *   deterministically, and no real timer exists. Unit tests use this and never sleep.
 * - realtime: device time = real elapsed time × `timeScale`. One interval timer ticks every few
 *   milliseconds and catches up in a batch (at 2 kHz that is several samples per tick; there is
 *   never one timer per sample). Input from the host calls `sync()` first, so a command is
 *   stamped with the device time at which it really arrived.
 * After each advance the driver calls `afterAdvance` so the device can hand its due output to the
 * port in one write (the pacing link.md §1 asks of a device behind a PTY).
 */
import { performance } from 'node:perf_hooks';
import { SimBugError } from '../spec-codec/result.ts';
import type { Scheduler } from './scheduler.ts';

export type ClockMode =
  | { readonly kind: 'manual' }
  | { readonly kind: 'realtime'; readonly timeScale: number; readonly tickMs?: number };

/** The real clock and timer, injectable so the real-time mapping is testable without sleeping. */
export interface RealTimeSource {
  nowMs(): number;
  every(intervalMs: number, run: () => void): { cancel(): void };
}

export const SYSTEM_TIME: RealTimeSource = {
  nowMs: () => performance.now(),
  every(intervalMs, run) {
    const timer = setInterval(run, intervalMs);
    return { cancel: () => clearInterval(timer) };
  },
};

export interface ClockDriver {
  readonly mode: ClockMode;
  /** Manual mode only: advances device time by `ms` and runs everything due. */
  advanceMs(ms: number): void;
  /** Brings device time up to the present (real-time mode); does nothing in manual mode. */
  sync(): void;
  /** Stops the real-time timer; the device stays at its present time. */
  stop(): void;
}

export function createClockDriver(
  mode: ClockMode,
  scheduler: Scheduler,
  afterAdvance: () => void,
  realTime: RealTimeSource = SYSTEM_TIME,
): ClockDriver {
  switch (mode.kind) {
    case 'manual':
      return {
        mode,
        advanceMs(ms: number): void {
          if (!(ms >= 0) || !Number.isFinite(ms)) throw new SimBugError(`advanceMs(${ms})`);
          scheduler.runUntil(scheduler.nowUs + Math.round(ms * 1000));
          afterAdvance();
        },
        sync(): void {},
        stop(): void {},
      };
    case 'realtime':
      return createRealtimeDriver(mode, scheduler, afterAdvance, realTime);
    default: {
      const never: never = mode;
      throw new SimBugError(`clock mode ${JSON.stringify(never)}`);
    }
  }
}

function createRealtimeDriver(
  mode: { readonly kind: 'realtime'; readonly timeScale: number; readonly tickMs?: number },
  scheduler: Scheduler,
  afterAdvance: () => void,
  realTime: RealTimeSource,
): ClockDriver {
  if (!(mode.timeScale > 0) || !Number.isFinite(mode.timeScale)) throw new SimBugError(`timeScale ${mode.timeScale}`);
  const baseDeviceUs = scheduler.nowUs;
  const baseRealMs = realTime.nowMs();
  let isRunning = true;
  const sync = (): void => {
    if (!isRunning) return;
    const elapsedRealMs = realTime.nowMs() - baseRealMs;
    scheduler.runUntil(baseDeviceUs + Math.floor(elapsedRealMs * 1000 * mode.timeScale));
    afterAdvance();
  };
  const timer = realTime.every(mode.tickMs ?? 2, sync);
  return {
    mode,
    advanceMs(): void {
      throw new SimBugError('advanceMs is for the manual clock; this simulator runs in real time');
    },
    sync,
    stop(): void {
      isRunning = false;
      timer.cancel();
    },
  };
}
