/**
 * `proprio start`: the clinic app. The Electron window needs its binary, which cannot be had
 * offline, and the React UI arrives with the clinic-app issue (#7); until then start says so in
 * one line and runs what does run: a live terminal dashboard of the simulated plate and table.
 */
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../../core/index.ts';
import { duplexTransport } from '../../native-bridge/index.ts';
import { findElectronBinary } from './electron-binary.ts';
import { inProcessSims } from './in-process-sims.ts';
import { createDeviceView, showViews, type MonitorIo } from './monitor.ts';
import { integerIn, numberIn } from './cli-numbers.ts';

export interface StartOptions {
  readonly simulate: boolean;
  readonly durationMs: number | undefined;
  readonly refreshMs: number;
  readonly seed: number;
}

export const START_USAGE = `usage: proprio start [--simulate] [--duration S] [--seed N] [--refresh MS]
  --simulate  use the built-in simulated plate and table (the only devices this fallback shows)
  --duration  stop after S seconds, 0.1-86400 (default: until Ctrl-C)
  --seed      simulator seed, a whole number 0-4294967295 (default 1)
  --refresh   screen refresh in ms, 50-10000 (default 500)`;

export function parseStartArgs(argv: readonly string[]): Result<StartOptions, string> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        simulate: { type: 'boolean', default: false },
        duration: { type: 'string' },
        seed: { type: 'string', default: '1' },
        refresh: { type: 'string', default: '500' },
      },
    }));
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
  const durationS = values.duration === undefined ? ok(undefined) : numberIn(values.duration, 0.1, 86400, '--duration');
  const seed = integerIn(values.seed, 0, 4294967295, '--seed');
  const refreshMs = integerIn(values.refresh, 50, 10000, '--refresh');
  if (!durationS.ok) return durationS;
  if (!seed.ok) return seed;
  if (!refreshMs.ok) return refreshMs;
  return ok({
    simulate: values.simulate,
    durationMs: durationS.value === undefined ? undefined : durationS.value * 1000,
    refreshMs: refreshMs.value,
    seed: seed.value,
  });
}

export async function runStart(options: StartOptions, io: MonitorIo): Promise<number> {
  const electron = findElectronBinary();
  io.write(
    electron.found
      ? 'Proprio: the Electron window arrives with the clinic-app issue (#7); showing the terminal dashboard meanwhile.\n'
      : `Proprio: Electron cannot start here: ${electron.reason}. Showing the terminal dashboard instead.\n`,
  );
  if (!options.simulate) {
    io.write('Proprio: no devices configured yet; run `proprio start --simulate` for the built-in simulator, or `proprio monitor PORT`.\n');
    return 2;
  }
  const sims = inProcessSims({ seed: options.seed, timeScale: 1 });
  const views = [
    createDeviceView('plate', duplexTransport('sim:plate', () => sims.plate().connectInProcess()), 'sim:plate', 1000),
    createDeviceView('table', duplexTransport('sim:table', () => sims.table().connectInProcess()), 'sim:table', 1000),
  ];
  await showViews(views, io, options.refreshMs, options.durationMs);
  await sims.close();
  return 0;
}
