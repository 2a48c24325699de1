/**
 * The host's application service: owns the device connections and the simulator controls, and
 * implements every API method. Transports (the loopback WebSocket, Electron IPC) bind it through
 * host/rpc; they add nothing but the wire.
 *
 * Adding a feature's methods: write `<feature>Handlers(...)` returning `Pick<ApiHandlers, …>` for
 * its methods (as simulator-handlers.ts does) and spread it into `handlers` below.
 */
import type { Access, ApiError, ApiHandlers, AppInfo, DecompressionView, MethodName, OutgoingEvent } from '../../api/index.ts';
import { realTimers, type Timers } from '../../native-bridge/index.ts';
import { readSettings, type Storage } from '../storage/index.ts';
import { authHandlers } from './auth-handlers.ts';
import { calibrationHandlers } from './calibration-handlers.ts';
import { deviceCalibration } from './calibration-status.ts';
import { balanceHandlers } from './balance-handlers.ts';
import { BalanceRuns } from './balance-run.ts';
import { DecompressionConsole } from './decompression-console.ts';
import { decompressionHandlers } from './decompression-handlers.ts';
import { DeviceHub } from './device-hub.ts';
import { historyHandlers } from './history-handlers.ts';
import { OperatorSession } from './operator-session.ts';
import { PlateCalibrationWizard } from './plate-calibration-wizard.ts';
import { TableCalibrationRun } from './table-calibration-run.ts';
import { patientHandlers } from './patient-handlers.ts';
import { htmlToPdf, type HtmlToPdf } from '../report/index.ts';
import { reportHandlers } from './report-handlers.ts';
import type { SimulatorBackend } from './simulator-backend.ts';
import { simulatorHandlers } from './simulator-handlers.ts';
import { settingsHandlers } from './settings-handlers.ts';

export interface AppServiceOptions {
  /** The clinic database: operators, patients, and everything recorded. The caller opens and closes it. */
  readonly storage: Storage;
  /** Name and version as the shell knows them (Electron's app, or package.json in browser mode). */
  readonly appInfo?: AppInfo;
  readonly simulator?: SimulatorBackend;
  readonly timers?: Timers;
  readonly nowEpochMs?: () => number;
  /** How reports become PDF: the Electron shell passes its printToPDF; the default is a headless Chromium. */
  readonly htmlToPdf?: HtmlToPdf;
}

export interface AppService {
  readonly handlers: ApiHandlers;
  /** Sign-in, lock and role (api/access.ts), asked by the dispatcher before every call. */
  checkAccess(access: Access, method: MethodName): ApiError | undefined;
  readonly devices: DeviceHub;
  /** Every event for every screen; returns the unsubscribe function. */
  onEvent(listener: (event: OutgoingEvent) => void): () => void;
  close(): Promise<void>;
}

/** Epoch milliseconds with sub-millisecond resolution, comparable with a browser's on the same machine. */
export const preciseEpochMs = (): number => performance.timeOrigin + performance.now();

export function createAppService(options: AppServiceOptions): AppService {
  const listeners = new Set<(event: OutgoingEvent) => void>();
  const publish = (event: OutgoingEvent): void => {
    for (const listener of listeners) listener(event);
  };
  const simulator = options.simulator;
  const timers = options.timers ?? realTimers;
  const session = new OperatorSession(
    options.storage,
    timers,
    (status) => publish({ kind: 'json', message: { kind: 'event', name: 'auth.changed', payload: status } }),
    () => readSettings(options.storage).idleLockMs,
  );
  const devices = new DeviceHub({
    timers,
    nowEpochMs: options.nowEpochMs ?? preciseEpochMs,
    publish,
    timeScale: simulator?.timeScale ?? 1,
    calibrationOf: (_role, identity) => {
      const { latest: _, ...status } = deviceCalibration(options.storage, identity, (options.nowEpochMs ?? preciseEpochMs)());
      return status;
    },
    ...(simulator === undefined ? {} : { inProcess: simulator.connector }),
  });
  const balance = new BalanceRuns({
    storage: options.storage,
    devices,
    nowEpochMs: options.nowEpochMs ?? preciseEpochMs,
    publish: (view) => publish({ kind: 'json', message: { kind: 'event', name: 'balance.changed', payload: view } }),
    plateBusy: (): string | undefined => (plateWizard.status() === null ? undefined : 'its calibration wizard is open (finish or cancel it on the Devices screen)'),
  });
  const decompression = new DecompressionConsole({
    storage: options.storage,
    devices,
    nowEpochMs: options.nowEpochMs ?? preciseEpochMs,
    publish: (view) => publish({ kind: 'json', message: { kind: 'event', name: 'decompression.changed', payload: view } }),
    tableBusy: (): string | undefined => (tableCalibration.status() === null ? undefined : 'its load cell is being calibrated'),
  });
  const plateWizard = new PlateCalibrationWizard({
    storage: options.storage,
    devices,
    session,
    timers,
    nowEpochMs: options.nowEpochMs ?? preciseEpochMs,
    publish: (view) => publish({ kind: 'json', message: { kind: 'event', name: 'calibration.changed', payload: view } }),
    plateBusy: () => {
      const run = balance.status();
      return run === null || run.phase === 'ended' ? undefined : `${run.protocol.name} is running on it`;
    },
  });
  const tableCalibration = new TableCalibrationRun({
    storage: options.storage,
    devices,
    session,
    simulator,
    timers,
    nowEpochMs: options.nowEpochMs ?? preciseEpochMs,
    publish: (view) => publish({ kind: 'json', message: { kind: 'event', name: 'calibration.tableChanged', payload: view } }),
    tableBusy: (): string | undefined => {
      const view: DecompressionView | null = decompression.status();
      return view === null || view.isOver ? undefined : 'a decompression session is under way on it';
    },
  });
  const appInfo = options.appInfo ?? { name: 'Proprio', version: 'unknown' };
  const handlers: ApiHandlers = {
    'app.info': () => ({ ok: true, value: appInfo }),
    ...authHandlers(session, options.storage),
    ...patientHandlers(session, options.storage),
    ...balanceHandlers(balance, session, options.storage),
    ...decompressionHandlers(decompression, session),
    ...historyHandlers(options.storage),
    ...reportHandlers(options.storage, session, `${appInfo.name} ${appInfo.version}`, options.htmlToPdf ?? ((html) => htmlToPdf(html))),
    ...calibrationHandlers(options.storage, devices, session, options.nowEpochMs ?? preciseEpochMs, plateWizard, tableCalibration),
    'devices.list': () => ({ ok: true, value: devices.list() }),
    'devices.connect': ({ role, port }) => devices.connect(role, port),
    'devices.disconnect': ({ role }) => devices.disconnect(role),
    ...settingsHandlers(options.storage, session, (settings, before) => {
      publish({ kind: 'json', message: { kind: 'event', name: 'settings.changed', payload: settings } });
      if (settings.idleLockMs !== before.idleLockMs) session.idleLockChanged();
    }),
    ...simulatorHandlers(simulator, devices, (status) => publish({ kind: 'json', message: { kind: 'event', name: 'sim.changed', payload: status } })),
  };
  return {
    handlers,
    checkAccess: (access, method) => session.checkAccess(access, method),
    devices,
    onEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      session.dispose();
      balance.dispose();
      decompression.dispose();
      plateWizard.dispose();
      tableCalibration.dispose();
      await devices.close();
      await simulator?.close();
      listeners.clear();
    },
  };
}
