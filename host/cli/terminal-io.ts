/**
 * The real terminal for CLI commands: stdout, TTY detection, and Ctrl-C (or a closed pipe, as
 * with `proprio monitor … | head`) as a request to stop cleanly.
 */
import type { MonitorIo } from './monitor.ts';

export function terminalIo(): MonitorIo {
  let stopRequested: () => void = () => undefined;
  const interrupted = new Promise<void>((resolve) => (stopRequested = resolve));
  process.once('SIGINT', () => stopRequested());
  process.once('SIGTERM', () => stopRequested());
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
    stopRequested();
  });
  return {
    write: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    writeError: (text) => void process.stderr.write(text),
    isTty: process.stdout.isTTY,
    interrupted,
  };
}
