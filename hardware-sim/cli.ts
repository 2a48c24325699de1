/**
 * `proprio sim`: runs the plate and/or table simulator in real time until SIGINT/SIGTERM.
 *
 * Prints one line per device saying where to connect, e.g.
 *   plate PF-600 serial PF6-00001 at /tmp/proprio-sim-abc/plate (pty)
 *   table DT-9 serial DT9-00001 at tcp://127.0.0.1:41234 (tcp)
 * Bad arguments: one line on stderr and exit code 2; a failure to start (no socat, port taken):
 * one line and exit code 1. Everything started is cleaned up on the way out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSimArgs, SIM_USAGE } from './cli-args.ts';
import type { SimCliOptions } from './cli-args.ts';
import { createPlateSim } from './plate/plate-sim.ts';
import { createTableSim } from './table/table-sim.ts';

export interface SimCliIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the simulator should stop; default: the first SIGINT or SIGTERM. */
  untilStopped?: Promise<void>;
}

interface RunningDevice {
  close(): Promise<void>;
}

const DEFAULT_IO: SimCliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** `argv` excludes `sim`. Returns the exit code. */
export async function runSimCli(argv: string[], io: SimCliIo = DEFAULT_IO): Promise<number> {
  const parsed = parseSimArgs(argv);
  if (!parsed.ok) {
    io.err(`proprio sim: ${parsed.error} (see --help)`);
    return 2;
  }
  const options = parsed.value;
  if (options.isHelp) {
    io.out(SIM_USAGE.trimEnd());
    return 0;
  }
  const stopped = io.untilStopped ?? signalled();
  const running: RunningDevice[] = [];
  // Both PTYs in one directory: /tmp/proprio-sim-XXXX/plate and …/table. It is temporary: the
  // socat guards remove it (once empty) even if this process is killed outright.
  const ptyDir = options.transport.kind === 'pty' ? mkdtempSync(join(tmpdir(), 'proprio-sim-')) : null;
  const cleanUp = async (): Promise<void> => {
    await Promise.allSettled(running.map((r) => r.close()));
    if (ptyDir !== null) rmSync(ptyDir, { recursive: true, force: true });
  };
  try {
    for (const [index, device] of options.devices.entries()) running.push(await start(device, index, options, ptyDir, io));
  } catch (error) {
    io.err(`proprio sim: could not start: ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp();
    return 1;
  }
  await stopped;
  await cleanUp();
  return 0;
}

async function start(
  device: 'plate' | 'table',
  index: number,
  o: SimCliOptions,
  ptyDir: string | null,
  io: SimCliIo,
): Promise<RunningDevice> {
  const port = o.transport.kind === 'tcp' && o.transport.port !== 0 ? o.transport.port + index : 0;
  const sim =
    device === 'plate'
      ? createPlateSim({
          seed: o.seed,
          timeScale: o.timeScale,
          subjectPresent: o.isSubjectOn,
          subject: { bodyMassKg: o.bodyMassKg, eyes: o.eyes, surface: o.surface },
          faults: o.plateFaults,
          ...(o.rateHz === null ? {} : { rateHz: o.rateHz }),
        })
      : createTableSim({ seed: o.seed, timeScale: o.timeScale, faults: o.tableFaults });
  try {
    const where =
      ptyDir !== null ? `${(await sim.servePty({ dir: ptyDir, isTemporaryDir: true })).path} (pty)` : `${(await sim.serveTcp({ port })).url} (tcp)`;
    io.out(`${device} ${sim.model} serial ${sim.serial} at ${where}`);
  } catch (error) {
    await sim.close();
    throw error;
  }
  return { close: () => sim.close() };
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
