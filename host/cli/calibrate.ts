/**
 * `proprio calibrate plate|table`: checks the arguments, picks the transport (the in-process
 * simulator for sim: ports, which then places the loads itself), and runs the device's procedure.
 */
import { parsePortSpec, realTimers, transportFor } from '../../native-bridge/index.ts';
import { storageCalibrationStore, type CalibrationStore } from '../calibration/index.ts';
import { openStorage } from '../storage/index.ts';
import { CALIBRATE_USAGE, parseCalibrateArgs } from './calibrate-args.ts';
import { promptPlacer, simulatedPlacer } from './calibrate-placers.ts';
import { runCalibratePlate, type CalibrateIo } from './calibrate-plate.ts';
import { inProcessSims } from './in-process-sims.ts';

export { CALIBRATE_USAGE };

/** Simulated devices run this many times faster than real time: the procedure's waits are device time. */
const SIM_TIME_SCALE = 5;

export async function runCalibrate(argv: readonly string[], io: CalibrateIo): Promise<number> {
  const options = parseCalibrateArgs(argv);
  if (!options.ok) {
    io.writeError(`proprio calibrate: ${options.error}\n${CALIBRATE_USAGE}\n`);
    return 2;
  }
  const { device, port, dbPath } = options.value;
  if (device === 'table') {
    io.writeError('proprio calibrate table: the table-side service mode is not available yet (issue 8); nothing was stored\n');
    return 2;
  }
  let opened: { readonly store: CalibrationStore; close(): void } | undefined;
  if (dbPath !== undefined) {
    const result = openStorage({ path: dbPath });
    if (!result.ok) {
      io.writeError(`proprio calibrate: cannot open the database ${dbPath}: ${result.error.message}\nnothing was stored\n`);
      return 2;
    }
    const { storage } = result.value;
    opened = { store: storageCalibrationStore(storage), close: () => storage.close() };
  }
  const spec = parsePortSpec(port);
  const sims = spec.ok && spec.value.kind === 'sim' ? inProcessSims({ seed: 1, timeScale: SIM_TIME_SCALE }) : undefined;
  try {
    const transport = spec.ok ? transportFor(spec.value, sims?.connector) : spec;
    if (!transport.ok) {
      io.writeError(`proprio calibrate: ${transport.error}\n`);
      return 2;
    }
    const placer = sims === undefined ? promptPlacer(process.stdin, process.stdout) : simulatedPlacer(sims.plate());
    return await runCalibratePlate(options.value, { transport: transport.value, placer, store: opened?.store, nowMs: Date.now, timers: realTimers }, io);
  } finally {
    opened?.close();
    await sims?.close();
  }
}
