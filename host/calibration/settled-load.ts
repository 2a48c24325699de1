/**
 * Waits, on the live plate stream, for a load that is stable (core StabilityWindow criterion,
 * docs/calibration.md §2) and acceptable to the caller, and returns the window's mean counts.
 *
 * Time is counted in samples on the device clock (the timeout is `settleTimeoutMs` worth of
 * samples at the stream's rate), so a simulated plate running faster than real time needs no
 * wall-clock allowance. The wall clock only watches for silence: no samples for
 * `silenceLimitMs`, or the driver reporting the link lost, ends the wait as `disconnected`.
 * Samples flagged ADC_FAULT or OVERRANGE, and gaps in the stream, restart the window.
 */
import { err, ok, StabilityWindow, type Result, type StabilityAssessment, type StabilityScale } from '../../core/index.ts';
import { PLATE_FLAG, waitOnStream, type PlateDriver, type PlateSampleBlock, type Timers } from '../../native-bridge/index.ts';

export type SettleError =
  | { readonly code: 'neverSettled'; readonly message: string; readonly last: StabilityAssessment | undefined }
  | { readonly code: 'rejected'; readonly message: string; readonly last: StabilityAssessment }
  | { readonly code: 'disconnected'; readonly message: string };

export type PlateSource = Pick<PlateDriver, 'events' | 'connected'>;

export interface SettleOptions {
  readonly scale: StabilityScale;
  readonly rateHz: number;
  readonly settleTimeoutMs: number;
  readonly silenceLimitMs: number;
  readonly timers: Timers;
  /** Undefined if a stable load is acceptable, else why not (the wait goes on until the timeout). */
  readonly judge: (stable: StabilityAssessment) => string | undefined;
  /** Every assessment, for live readings in a wizard. */
  readonly onAssessment?: (assessment: StabilityAssessment) => void;
}

/** Samples that say nothing about the load (plate.md §5). */
export const BAD_SAMPLE = PLATE_FLAG.adcFault | PLATE_FLAG.overrange;

/** Adds a block to a stability window; a faulted or over-range sample empties it (plate.md §5). */
export function pushSamples(window: StabilityWindow, block: PlateSampleBlock): void {
  for (let s = 0; s < block.count; s++) {
    if (((block.flags[s] ?? 0) & BAD_SAMPLE) !== 0) window.clear();
    else window.push(block.cellCounts, s * 4);
  }
}

export function waitForSettledLoad(source: PlateSource, o: SettleOptions): Promise<Result<StabilityAssessment, SettleError>> {
  const window = new StabilityWindow(StabilityWindow.capacityFor(o.rateHz));
  const limitSamples = Math.ceil((o.settleTimeoutMs * o.rateHz) / 1000);
  let seen = 0;
  let last: StabilityAssessment | undefined;
  let lastRejection: string | undefined;
  const silent = (): SettleError => ({ code: 'disconnected', message: `the plate sent no samples for ${o.silenceLimitMs} ms` });
  return waitOnStream<StabilityAssessment, SettleError>(o.timers, o.silenceLimitMs, silent, ({ finish, alive }) => [
    source.events.on('samples', (block) => {
      alive();
      pushSamples(window, block);
      seen += block.count;
      last = window.assess(o.scale);
      o.onAssessment?.(last);
      if (last.isStable) {
        lastRejection = o.judge(last);
        if (lastRejection === undefined) return finish(ok(last));
      }
      if (seen >= limitSamples) {
        const seconds = (o.settleTimeoutMs / 1000).toFixed(0);
        if (lastRejection !== undefined && last.isStable) return finish(err({ code: 'rejected', message: lastRejection, last }));
        finish(err({ code: 'neverSettled', message: neverSettledMessage(seconds, last, o.scale), last }));
      }
    }),
    source.events.on('gap', () => window.clear()),
    source.events.on('linkLost', ({ reason }) => finish(err({ code: 'disconnected', message: `the plate disconnected: ${reason}` }))),
  ]);
}

function neverSettledMessage(seconds: string, last: StabilityAssessment | undefined, scale: StabilityScale): string {
  if (last === undefined || !last.isFull) return `the load did not settle within ${seconds} s (not enough valid samples)`;
  const detail = [
    `force SD ${last.forceSdN.toFixed(2)} N`,
    `drift ${last.forceDriftN.toFixed(2)} N`,
    Number.isNaN(last.copDriftMm) ? undefined : `COP drift ${last.copDriftMm.toFixed(2)} mm`,
  ].filter((part) => part !== undefined);
  return `the load did not settle within ${seconds} s (${detail.join(', ')}; full scale ${scale.fullScaleN} N): is something touching the plate?`;
}
