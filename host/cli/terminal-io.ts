/** The real terminal for CLI commands: stdout, TTY detection and Ctrl-C as a promise. */
import type { MonitorIo } from './monitor.ts';

export function terminalIo(): MonitorIo {
  return {
    write: (text) => void process.stdout.write(text),
    isTty: process.stdout.isTTY,
    interrupted: new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  };
}
