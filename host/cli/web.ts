/**
 * `proprio web`: browser mode. Serves the clinic app to a browser on this machine from a
 * loopback-only host guarded by a per-launch token (host/web). The first line of output is always
 * `Proprio running at http://127.0.0.1:PORT/?token=…`, so scripts and tests can read it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ok, type Result } from '../../core/index.ts';
import { createAppService } from '../app/app-service.ts';
import { createRpcHost } from '../rpc/rpc-host.ts';
import { defaultDatabasePath, openStorage } from '../storage/index.ts';
import { defaultUserDataDir } from './db-args.ts';
import { startWebServer } from '../web/web-server.ts';
import { integerIn } from './cli-numbers.ts';
import { checkDeviceOptions, DEVICE_OPTION_SPECS, TIME_SCALE_MAX, type DeviceOptions } from './device-options.ts';
import { parseStrictOptions } from './web-cli-options.ts';
import type { MonitorIo } from './monitor.ts';
import { ensureRendererBuilt, RENDERER_OUT_DIR, REPO_ROOT } from './web-renderer-build.ts';
import { webSimulator } from './web-sims.ts';

export interface WebOptions extends DeviceOptions {
  readonly port: number;
}

export const WEB_USAGE = `usage: proprio web [--port N] [--db PATH] [--simulate] [--time-scale K] [--seed N]
  --port        port on 127.0.0.1, 0-65535 (default 0: a free one); the first output line has the URL
  --db PATH     the database file (default: the app's, <user data>/proprio.sqlite; created if missing)
  --simulate    connect the built-in simulated plate and table at start
  --time-scale  run simulated devices (and programs on them) K times faster, 1-${TIME_SCALE_MAX};
                needs --simulate, and real ports are then refused
  --seed        simulator seed, a whole number 0-4294967295 (default 1)`;

export function parseWebArgs(argv: readonly string[]): Result<WebOptions, string> {
  const parsed = parseStrictOptions(argv, { port: { type: 'string', default: '0' }, ...DEVICE_OPTION_SPECS });
  if (!parsed.ok) return parsed;
  const port = integerIn(parsed.value.port, 0, 65535, '--port');
  if (!port.ok) return port;
  const devices = checkDeviceOptions(parsed.value);
  return devices.ok ? ok({ port: port.value, ...devices.value }) : devices;
}

/** Runs browser mode until interrupted; resolves with the exit code. */
export async function runWeb(options: WebOptions, io: MonitorIo, staticDir = RENDERER_OUT_DIR): Promise<number> {
  const built = await ensureRendererBuilt(io.writeError);
  if (!built.ok) {
    io.writeError(`proprio web: ${built.error}\n`);
    return 1;
  }
  const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  const dbPath = options.dbPath ?? defaultDatabasePath(defaultUserDataDir());
  mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  const opened = openStorage({ path: dbPath });
  if (!opened.ok) {
    io.writeError(`proprio web: ${opened.error.message}\n`);
    return 1;
  }
  const storage = opened.value.storage;
  const app = createAppService({
    storage,
    appInfo: { name: 'Proprio', version },
    simulator: webSimulator({ seed: options.seed, timeScale: options.timeScale }),
  });
  const server = await startWebServer({
    rpc: createRpcHost(app),
    port: options.port,
    staticDir,
  }).catch((error: unknown) => error as Error);
  if (server instanceof Error) {
    io.writeError(`proprio web: could not listen on 127.0.0.1:${options.port}: ${server.message}\n`);
    await app.close();
    storage.close();
    return 1;
  }
  io.write(`Proprio running at ${server.url}\n`);
  if (built.value.built) io.writeError(`Proprio: user interface built in ${(built.value.durationMs / 1000).toFixed(1)} s\n`);
  if (options.simulate) {
    await Promise.all([app.devices.connect('plate', 'sim:plate'), app.devices.connect('table', 'sim:table')]);
  }
  await io.interrupted;
  await server.close();
  await app.close();
  storage.close();
  return 0;
}
