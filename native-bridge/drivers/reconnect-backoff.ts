/** Reopen delays after a link loss, docs/protocols/link.md §7: 100, 200, 400, 800, then 1000 ms. */
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 1000;

/** Delay before reconnect attempt `attempt` (0-based). */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempt, 10));
}
