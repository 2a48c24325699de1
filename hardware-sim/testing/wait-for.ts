/**
 * Waiting on real I/O in the few tests that open real ports (PTY, TCP): polls a condition with a
 * deadline instead of sleeping a fixed time. Unit tests use the manual clock and never need this.
 */
export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
