/**
 * Per-device link statistics (counted, never swallowed: STYLE.md §6), shown by `proprio monitor`
 * and the diagnostics screen.
 */
import type { LineErrorClass } from '../codecs/line/line-error.ts';

export interface LinkStats {
  /** Valid lines received. */
  linesOk: number;
  /** Bad lines received, by class (link.md §2.2). */
  badLines: Record<LineErrorClass, number>;
  /** Discontinuities in the device's sequence numbers, and the lines they skipped. */
  seqGaps: number;
  lostLines: number;
  /** Lines whose sequence number went backwards (out of order, or renumbered without a handshake). */
  seqRewinds: number;
  /** Samples, telemetry or events that arrived before the handshake on a new link, dropped as stale. */
  staleLines: number;
  /** Events with a name the device's spec does not list, ignored (link.md §2). */
  unknownEvents: number;
  /** Listeners that threw while handling driver output; the link went on (the first is kept). */
  listenerErrors: number;
  lastListenerError: string | undefined;
  /** Unfinished lines dropped because the link closed under them. */
  truncatedLines: number;
  /** Successful reconnects after a link loss. */
  reconnects: number;
  linkLosses: number;
  commandsSent: number;
  retransmissions: number;
  timeouts: number;
  naks: number;
  /** Replies that arrived for a command no longer waiting (late, or a duplicate). */
  strayReplies: number;
  /** Command round trip, first transmission to reply. */
  lastReplyLatencyMs: number | undefined;
  maxReplyLatencyMs: number;
  sumReplyLatencyMs: number;
  replies: number;
}

export function emptyLinkStats(): LinkStats {
  return {
    linesOk: 0,
    badLines: { overflow: 0, crc: 0, format: 0, range: 0, unknown: 0 },
    seqGaps: 0,
    lostLines: 0,
    seqRewinds: 0,
    staleLines: 0,
    unknownEvents: 0,
    listenerErrors: 0,
    lastListenerError: undefined,
    truncatedLines: 0,
    reconnects: 0,
    linkLosses: 0,
    commandsSent: 0,
    retransmissions: 0,
    timeouts: 0,
    naks: 0,
    strayReplies: 0,
    lastReplyLatencyMs: undefined,
    maxReplyLatencyMs: 0,
    sumReplyLatencyMs: 0,
    replies: 0,
  };
}

export function totalBadLines(stats: LinkStats): number {
  const bad = stats.badLines;
  return bad.overflow + bad.crc + bad.format + bad.range + bad.unknown;
}

export function meanReplyLatencyMs(stats: LinkStats): number | undefined {
  return stats.replies === 0 ? undefined : stats.sumReplyLatencyMs / stats.replies;
}
