/**
 * Drivers that decide how fast device time runs.
 *
 * - manual: device time moves only when a test calls `advanceMs`; everything due runs at once,
 *   deterministically, and no real timer exists. Unit tests use this and never sleep.
 * - realtime: device time = real elapsed time × `timeScale`. One interval timer ticks every few
 *   milliseconds and catches up in a batch (at 2 kHz that is several samples per tick; there is
 *   never one timer per sample). Input from the host calls `sync()` first, so a command is
 *   stamped with the device time at which it really arrived.
 *   One step runs at most `MAX_STEP_US` (50 ms) of device time; if more is due it yields to the
 *   event loop (`setImmediate`) and goes on from there. Trade-off: after an event-loop stall (a
 *   loaded 2-core machine can stall ~400 ms) device time lags real time for a few loop turns
 *   instead of jumping ahead in one batch, and host lines that queued up during the stall are read
 *   between the steps — stamped up to the backlog earlier than their real arrival, i.e. close to
 *   when they were sent. The alternative, one batch, let device time run past the table's 500 ms
 *   watchdog before the heartbeats sent during the stall were even read: spurious reason-1
 *   releases. Device time still never goes backwards and the schedule stays exact.
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
  /** Runs `run` on a later turn of the event loop, after pending I/O (setImmediate). */
  soon(run: () => void): void;
}

export const SYSTEM_TIME: RealTimeSource = {
  nowMs: () => performance.now(),
  every(intervalMs, run) {
    const timer = setInterval(run, intervalMs);
    return { cancel: () => clearInterval(timer) };
  },
  soon(run) {
    setImmediate(run);
  },
};

/** Most device time one real-time step runs before it yields to the event loop (see the header). */
export const MAX_STEP_US = 50_000;

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
  let isContinuationQueued = false;
  const sync = (): void => {
    if (!isRunning) return;
    const elapsedRealMs = realTime.nowMs() - baseRealMs;
    const dueUs = baseDeviceUs + Math.floor(elapsedRealMs * 1000 * mode.timeScale);
    const stepToUs = Math.min(dueUs, scheduler.nowUs + MAX_STEP_US);
    scheduler.runUntil(stepToUs);
    afterAdvance();
    if (stepToUs < dueUs && !isContinuationQueued) {
      isContinuationQueued = true;
      realTime.soon(() => {
        isContinuationQueued = false;
        sync();
      });
    }
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
