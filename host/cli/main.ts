/**
 * The `proprio` command line: one entry for clinic staff, technicians and QA. A composition
 * root: it may wire the simulator in (STYLE.md §2). The process entry is proprio.ts.
 */
import { runSimCli } from '../../hardware-sim/index.ts';
import { discoverPorts } from '../../native-bridge/index.ts';
import { CALIBRATE_USAGE, runCalibrate } from './calibrate.ts';
import { DB_USAGE, parseDbArgs } from './db-args.ts';
import { runDb } from './db.ts';
import { inProcessSims } from './in-process-sims.ts';
import { METRICS_USAGE, nodeMetricsIo, parseMetricsArgs, runMetrics } from './metrics.ts';
import { MONITOR_USAGE, parseMonitorArgs, runMonitor } from './monitor.ts';
import { START_USAGE, parseStartArgs, runStart } from './start.ts';
import { RUN_DECOMPRESSION_USAGE, parseRunDecompressionArgs } from './run-decompression-args.ts';
import { runDecompression } from './run-decompression.ts';
import { parseReportArgs, REPORT_USAGE, runReport } from './report.ts';
import { terminalIo } from './terminal-io.ts';
import { WEB_USAGE, parseWebArgs, runWeb } from './web.ts';

const USAGE = `usage: proprio <command> [options]
commands:
  start [--simulate]     start Proprio (the built-in simulator with --simulate)
  web [options]          browser mode: serve Proprio on 127.0.0.1; prints the URL to open
  sim [options]          run the hardware simulator standalone; prints where to connect
  monitor PORT [options] terminal view of one device (identity, rate, COP or tension, errors)
  metrics FILE [options] sway metrics of a CSV/TSV of COP samples, as JSON
  ports                  list serial ports, and the simulated ones
  calibrate plate|table  run a calibration headless (QA) against a port or the simulator
  run-decompression --port SPEC --program MODE  run a decompression program headless (QA); prints timeline and alarms
  db check|export|backup|restore  the clinic database: integrity check, session export, backup, restore
  report SESSION --out FILE.pdf    a session's printable report as PDF (needs Chromium)
  help                   this text; \`proprio <command> --help\` for a command's options`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const wantsHelp = rest.includes('--help') || rest.includes('-h');
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    case 'sim':
      return runSimCli(rest);
    case 'monitor': {
      if (wantsHelp) return usage(MONITOR_USAGE);
      const options = parseMonitorArgs(rest);
      if (!options.ok) return fail('monitor', options.error, MONITOR_USAGE);
      const sims = inProcessSims({ seed: 1, timeScale: 1 });
      try {
        return await runMonitor(options.value, terminalIo(), sims.connector);
      } finally {
        await sims.close();
      }
    }
    case 'start': {
      if (wantsHelp) return usage(START_USAGE);
      const options = parseStartArgs(rest);
      if (!options.ok) return fail('start', options.error, START_USAGE);
      return runStart(options.value, terminalIo());
    }
    case 'web': {
      if (wantsHelp) return usage(WEB_USAGE);
      const options = parseWebArgs(rest);
      if (!options.ok) return fail('web', options.error, WEB_USAGE);
      return runWeb(options.value, terminalIo());
    }
    case 'metrics': {
      if (wantsHelp) return usage(METRICS_USAGE);
      const options = parseMetricsArgs(rest);
      if (!options.ok) return fail('metrics', options.error, METRICS_USAGE);
      const done = runMetrics(options.value, nodeMetricsIo);
      return done.ok ? 0 : fail('metrics', done.error, METRICS_USAGE);
    }
    case 'calibrate':
      if (wantsHelp) return usage(CALIBRATE_USAGE);
      return runCalibrate(rest, { write: (text) => process.stdout.write(text), writeError: (text) => process.stderr.write(text) });
    case 'db': {
      if (wantsHelp) return usage(DB_USAGE);
      const command = parseDbArgs(rest);
      if (!command.ok) return fail('db', command.error, DB_USAGE);
      return runDb(command.value, { out: (line) => console.log(line), error: (line) => console.error(line) });
    }
    case 'report': {
      if (wantsHelp) return usage(REPORT_USAGE);
      const options = parseReportArgs(rest);
      if (!options.ok) return fail('report', options.error, REPORT_USAGE);
      return runReport(options.value, { out: (line) => console.log(line), error: (line) => console.error(line) }, 'Proprio (proprio report)');
    }
    case 'run-decompression': {
      if (wantsHelp) return usage(RUN_DECOMPRESSION_USAGE);
      const options = parseRunDecompressionArgs(rest);
      if (!options.ok) return fail('run-decompression', options.error, RUN_DECOMPRESSION_USAGE);
      const sims = inProcessSims({ seed: 1, timeScale: options.value.timeScale });
      const io = { write: (text: string) => void process.stdout.write(text), writeError: (text: string) => void process.stderr.write(text) };
      try {
        return await runDecompression(options.value, { ...io, onInterrupt: (listener) => void process.on('SIGINT', listener) }, sims);
      } finally {
        await sims.close();
      }
    }
    case 'ports': {
      const discovery = await discoverPorts([], ['sim:plate', 'sim:table']);
      for (const port of discovery.ports) console.log(`${port.spec.padEnd(24)} ${port.label}`);
      if (discovery.serialListError !== undefined) console.error(`serial ports could not be listed: ${discovery.serialListError}`);
      return 0;
    }
    default:
      return fail('', `unknown command "${command}"`, USAGE);
  }
}

function usage(text: string): number {
  console.log(text);
  return 0;
}

function fail(command: string, message: string, text: string): number {
  console.error(`proprio${command === '' ? '' : ` ${command}`}: ${message}\n${text}`);
  return 2;
}

