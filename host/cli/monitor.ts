/**
 * `proprio monitor PORT`: a terminal view of one device for technicians and a first look without
 * the UI — identity, rate, live (nominal) COP or tension, and every error counter. Redraws in
 * place on a terminal; prints a plain line block per refresh otherwise (logs, pipes).
 */
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../../core/index.ts';
import {
  PlateDriver,
  TableDriver,
  parsePortSpec,
  transportFor,
  type InProcessConnector,
  type PlateGap,
  type TransportFactory,
} from '../../native-bridge/index.ts';
import { renderPlate, renderTable, type PlateSnapshot, type TableSnapshot } from './monitor-view.ts';
import { integerIn, numberIn } from './cli-numbers.ts';

export interface MonitorOptions {
  readonly port: string;
  readonly device: 'plate' | 'table';
  readonly rateHz: number;
  readonly refreshMs: number;
  /** Stop after this long; run until SIGINT when undefined. */
  readonly durationMs: number | undefined;
  /** Print a final JSON summary (for scripts and QA). */
  readonly json: boolean;
}

export const MONITOR_USAGE = `usage: proprio monitor PORT [--device plate|table] [--rate HZ] [--refresh MS] [--duration S] [--json]
  PORT      a serial device (/dev/ttyUSB0), a serial server (tcp://host:port) or sim:plate / sim:table
  --device  which protocol to speak; implied by sim:plate / sim:table, required otherwise
  --rate    plate sample rate, 100-2000 Hz (default 1000)
  --refresh screen refresh in ms, 50-10000 (default 500)
  --duration stop after S seconds (default: until Ctrl-C)
  --json    print a JSON summary when stopping`;

export function parseMonitorArgs(argv: readonly string[]): Result<MonitorOptions, string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        device: { type: 'string' },
        rate: { type: 'string', default: '1000' },
        refresh: { type: 'string', default: '500' },
        duration: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return err(positionals.length === 0 ? 'no PORT given' : `one PORT expected, got ${positionals.length}`);
  const port = positionals[0] as string;
  const spec = parsePortSpec(port);
  if (!spec.ok) return spec;
  const implied = spec.value.kind === 'sim' ? spec.value.device : undefined;
  const device = values.device ?? implied;
  if (device !== 'plate' && device !== 'table') {
    return err(device === undefined ? `--device plate|table is required for ${port}` : `--device must be plate or table, not "${device}"`);
  }
  if (implied !== undefined && implied !== device) return err(`${port} is a ${implied}, not a ${device}`);
  const rateHz = integerIn(values.rate, 100, 2000, '--rate');
  const refreshMs = integerIn(values.refresh, 50, 10000, '--refresh');
  const durationS = values.duration === undefined ? ok(undefined) : numberIn(values.duration, 0.1, 86400, '--duration');
  if (!rateHz.ok) return rateHz;
  if (!refreshMs.ok) return refreshMs;
  if (!durationS.ok) return durationS;
  return ok({
    port,
    device,
    rateHz: rateHz.value,
    refreshMs: refreshMs.value,
    durationMs: durationS.value === undefined ? undefined : durationS.value * 1000,
    json: values.json,
  });
}

export interface MonitorIo {
  readonly write: (text: string) => void;
  readonly writeError: (text: string) => void;
  readonly isTty: boolean;
  /** Resolves when the user asks to stop (Ctrl-C). */
  readonly interrupted: Promise<void>;
}

/** Runs the monitor; resolves with the process exit code. */
export async function runMonitor(options: MonitorOptions, io: MonitorIo, inProcess?: InProcessConnector): Promise<number> {
  const spec = parsePortSpec(options.port);
  const transport = spec.ok ? transportFor(spec.value, inProcess) : spec;
  if (!transport.ok) {
    io.writeError(`proprio monitor: ${transport.error}\n`);
    return 2;
  }
  const view = createDeviceView(options.device, transport.value, options.port, options.rateHz);
  await showViews([view], io, options.refreshMs, options.durationMs);
  if (options.json) io.write(`${JSON.stringify(view.summary())}\n`);
  return 0;
}

/**
 * Starts the views, redraws them every `refreshMs` (in place on a terminal, as blocks otherwise)
 * until `durationMs` passes or the user stops, draws a last time and stops them.
 */
export async function showViews(views: readonly DeviceView[], io: MonitorIo, refreshMs: number, durationMs: number | undefined): Promise<void> {
  for (const view of views) view.start();
  const draw = (): void => {
    const text = views.map((view) => view.render().join('\n')).join('\n\n');
    io.write(io.isTty ? `\x1b[H\x1b[J${text}\n` : `${text}\n\n`);
  };
  const timer = setInterval(draw, refreshMs);
  await untilStopped(durationMs, io.interrupted);
  clearInterval(timer);
  draw();
  await Promise.all(views.map((view) => view.stop()));
}

/** Resolves after `durationMs` (never, when undefined) or at the interrupt, leaving no timer behind. */
async function untilStopped(durationMs: number | undefined, interrupted: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => {
    if (durationMs !== undefined) timer = setTimeout(resolve, durationMs);
  });
  await Promise.race([elapsed, interrupted]);
  clearTimeout(timer);
}

/** One device on screen: its driver, its text view and a JSON summary. */
export interface DeviceView {
  start(): void;
  stop(): Promise<void>;
  render(): string[];
  summary(): unknown;
}

export function createDeviceView(device: 'plate' | 'table', transport: TransportFactory, port: string, rateHz: number): DeviceView {
  return device === 'plate' ? plateView(transport, port, rateHz) : tableView(transport, port);
}

function plateView(transport: TransportFactory, port: string, rateHz: number): DeviceView {
  const driver = new PlateDriver({ transport, rateHz });
  let lastCellCounts: number[] | undefined;
  let lastGap: PlateGap | undefined;
  let windowSamples = 0;
  let windowStartMs = performance.now();
  let measuredRateHz: number | undefined;
  driver.events.on('samples', (block) => {
    windowSamples += block.count;
    const last = (block.count - 1) * 4;
    lastCellCounts = Array.from(block.cellCounts.subarray(last, last + 4));
  });
  driver.events.on('gap', (gap) => (lastGap = gap));
  const snapshot = (): PlateSnapshot => ({
    port,
    state: driver.state,
    identity: driver.connected?.identity,
    capabilities: driver.connected?.capabilities,
    rateHz,
    measuredRateHz,
    lastCellCounts,
    lastGap,
    link: driver.linkStats(),
    stream: driver.streamStats(),
  });
  return {
    start: () => driver.start(),
    stop: () => driver.stop(),
    render() {
      const nowMs = performance.now();
      if (nowMs > windowStartMs) measuredRateHz = (windowSamples * 1000) / (nowMs - windowStartMs);
      windowSamples = 0;
      windowStartMs = nowMs;
      return renderPlate(snapshot());
    },
    summary: () => ({ device: 'plate', ...snapshot() }),
  };
}

const RECENT_EVENTS = 5;

function tableView(transport: TransportFactory, port: string): DeviceView {
  const driver = new TableDriver({ transport });
  const recentEvents: string[] = [];
  driver.events.on('deviceEvent', (event) => {
    const detail = Object.entries(event.detail).map(([key, value]) => `${key}=${value}`);
    recentEvents.push([event.name, ...detail].join(' '));
    if (recentEvents.length > RECENT_EVENTS) recentEvents.shift();
  });
  const snapshot = (): TableSnapshot => ({
    port,
    state: driver.state,
    identity: driver.connected?.identity,
    telemetry: driver.lastTelemetry,
    recentEvents,
    link: driver.linkStats(),
  });
  return {
    start: () => driver.start(),
    stop: () => driver.stop(),
    render: () => renderTable(snapshot()),
    summary: () => ({ device: 'table', ...snapshot() }),
  };
}
