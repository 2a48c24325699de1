/** Driver state and counters as the contract shows them (api DeviceSnapshot), shared by both device slots. */
import type { DeviceConnection, DeviceStats } from '../../api/index.ts';
import { assertNever } from '../../core/index.ts';
import { meanReplyLatencyMs, totalBadLines, type DriverState, type LinkStats, type PlateStreamStats } from '../../native-bridge/index.ts';

export function connectionView(state: DriverState): DeviceConnection {
  switch (state.kind) {
    case 'stopped':
      return { kind: 'disconnected' };
    case 'connecting':
      return { kind: 'connecting', attempt: state.attempt };
    case 'handshaking':
      return { kind: 'handshaking' };
    case 'ready':
      return { kind: 'ready' };
    case 'closing':
      return { kind: 'closing', reason: state.reason };
    case 'waiting':
      return { kind: 'reconnecting', attempt: state.attempt, retryInMs: state.retryInMs, lastError: state.lastError };
    default:
      return assertNever(state);
  }
}

const NO_STREAM: PlateStreamStats = { samples: 0, lostSamples: 0, gaps: 0 };

export function statsView(link: LinkStats, stream: PlateStreamStats | undefined, measuredRateHz: number | null): DeviceStats {
  const s = stream ?? NO_STREAM;
  return {
    linesOk: link.linesOk,
    badLines: totalBadLines(link),
    seqGaps: link.seqGaps,
    lostLines: link.lostLines,
    reconnects: link.reconnects,
    linkLosses: link.linkLosses,
    timeouts: link.timeouts,
    naks: link.naks,
    retransmissions: link.retransmissions,
    meanReplyLatencyMs: meanReplyLatencyMs(link) ?? null,
    samples: s.samples,
    lostSamples: s.lostSamples,
    gaps: s.gaps,
    measuredRateHz,
  };
}

/** Counts arrivals and turns them into a rate each time it is read. */
export class RateMeter {
  private arrivals = 0;
  private sinceMonoMs: number;
  private lastHz: number | null = null;

  constructor(nowMonoMs: number) {
    this.sinceMonoMs = nowMonoMs;
  }

  add(count: number): void {
    this.arrivals += count;
  }

  /** The rate since the previous read; the previous figure if less than 100 ms have passed. */
  read(nowMonoMs: number): number | null {
    const elapsedMs = nowMonoMs - this.sinceMonoMs;
    if (elapsedMs >= 100) {
      this.lastHz = (this.arrivals * 1000) / elapsedMs;
      this.arrivals = 0;
      this.sinceMonoMs = nowMonoMs;
    }
    return this.lastHz;
  }
}
