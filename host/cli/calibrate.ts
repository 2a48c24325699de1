/**
 * `proprio calibrate plate|table`: checks the arguments, opens the database when asked, picks the
 * transport (an in-process simulator for sim: ports, which then places the loads and reads the
 * gauge itself), and runs the device's procedure.
 */
import { createTableSim, type TableSim } from '../../hardware-sim/index.ts';
import { parsePortSpec, realTimers, transportFor, type InProcessConnector, type TransportFactory } from '../../native-bridge/index.ts';
import { storageCalibrationStore, type CalibrationStore } from '../calibration/index.ts';
import { openStorage, readSettings } from '../storage/index.ts';
import { CALIBRATE_USAGE, parseCalibrateArgs, withInterval, type CalibrateOptions } from './calibrate-args.ts';
import { promptGauge, promptPlacer, simulatedGauge, simulatedPlacer } from './calibrate-placers.ts';
import { runCalibratePlate, type CalibrateIo } from './calibrate-plate.ts';
import { runCalibrateTable } from './calibrate-table.ts';
import { inProcessSims } from './in-process-sims.ts';

export { CALIBRATE_USAGE };

/**
 * Simulated devices run faster than real time (the procedures' waits are device time). The
 * table's watchdog (500 ms) must still see the 100 ms host heartbeat: 3× leaves 200 ms spare.
 */
const PLATE_SIM_TIME_SCALE = 5;
const TABLE_SIM_TIME_SCALE = 3;

/** The database given with --db: where the result goes, and the clinic's calibration interval. */
type Opened = { readonly store: CalibrationStore; readonly intervalMonths: number; close(): void };

export async function runCalibrate(argv: readonly string[], io: CalibrateIo): Promise<number> {
  const args = parseCalibrateArgs(argv);
  if (!args.ok) {
    io.writeError(`proprio calibrate: ${args.error}\n${CALIBRATE_USAGE}\n`);
    return 2;
  }
  let opened: Opened | undefined;
  if (args.value.dbPath !== undefined) {
    const result = openStorage({ path: args.value.dbPath });
    if (!result.ok) {
      io.writeError(`proprio calibrate: cannot open the database ${args.value.dbPath}: ${result.error.message}\nnothing was stored\n`);
      return 2;
    }
    const { storage } = result.value;
    opened = { store: storageCalibrationStore(storage), intervalMonths: readSettings(storage).calibrationIntervalMonths, close: () => storage.close() };
  }
  const options = withInterval(args.value, opened?.intervalMonths);
  try {
    return await (options.device === 'plate' ? calibratePlate(options, opened, io) : calibrateTable(options, opened, io));
  } finally {
    opened?.close();
  }
}

async function calibratePlate(options: CalibrateOptions, opened: Opened | undefined, io: CalibrateIo): Promise<number> {
  const isSim = parsePortSpec(options.port).ok && options.port.startsWith('sim:');
  const sims = isSim ? inProcessSims({ seed: 1, timeScale: PLATE_SIM_TIME_SCALE }) : undefined;
  try {
    const transport = transportOf(options.port, sims?.connector);
    if (typeof transport === 'string') return refuse(io, transport);
    const placer = sims === undefined ? promptPlacer(process.stdin, process.stdout) : simulatedPlacer(sims.plate());
    return await runCalibratePlate(options, { transport, placer, store: opened?.store, nowMs: Date.now, timers: realTimers }, io);
  } finally {
    await sims?.close();
  }
}

async function calibrateTable(options: CalibrateOptions, opened: Opened | undefined, io: CalibrateIo): Promise<number> {
  const isSim = parsePortSpec(options.port).ok && options.port.startsWith('sim:');
  // An uncalibrated simulated cell (seeded span error) so the procedure has something to correct.
  const sim: TableSim | undefined = isSim ? createTableSim({ seed: 2, clock: 'realtime', timeScale: TABLE_SIM_TIME_SCALE, loadCellSpanError: true }) : undefined;
  try {
    const transport = transportOf(options.port, sim === undefined ? undefined : () => () => sim.connectInProcess());
    if (typeof transport === 'string') return refuse(io, transport);
    const gauge = sim === undefined ? promptGauge(process.stdin, process.stdout) : simulatedGauge(sim);
    return await runCalibrateTable(options, { transport, gauge, store: opened?.store, nowMs: Date.now, timers: realTimers }, io);
  } finally {
    await sim?.close();
  }
}

/** The transport for a port spec, or why there is none. */
function transportOf(port: string, connector: InProcessConnector | undefined): TransportFactory | string {
  const spec = parsePortSpec(port);
  const transport = spec.ok ? transportFor(spec.value, connector) : spec;
  return transport.ok ? transport.value : transport.error;
}

function refuse(io: CalibrateIo, message: string): number {
  io.writeError(`proprio calibrate: ${message}\nnothing was stored\n`);
  return 2;
}
