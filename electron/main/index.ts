/**
 * Electron main process entry: lifecycle only (STYLE.md §2, "thin shell"). It wires together the
 * hardening (security.ts), the `app://` renderer protocol, the window, the menu and the IPC
 * binding; clinical logic lives in host/ and core/.
 *
 * Bundled to CommonJS by electron/build.js (out/electron/main.cjs, beside preload.cjs), which is
 * why paths are taken from `__dirname`: it is that output folder, inside app.asar when packaged.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createAppService, createRpcHost, defaultDatabasePath, openStorage, parseShellDeviceOptions, webSimulator } from '../../host/index.ts';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { bindIpc } from './ipc.ts';
import { installAppMenu } from './menu.ts';
import { exportPageToPdf, printHtmlToPdf } from './print-to-pdf.ts';
import { hardenAllWebContents, hardenSession } from './security.ts';
import { createMainWindow } from './window.ts';

const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

// Before `ready`: sandbox every renderer even if some window forgot to ask, and give our scheme
// its privileges (Chromium reads them only at startup).
app.enableSandbox();
registerAppScheme();

// One instance per workstation: two copies would fight over the serial ports and the database.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  hardenAllWebContents();
  // Quit with the last window on every platform, macOS included: leaving a device-connected
  // process running without a window would hide its state from the clinician.
  app.on('window-all-closed', () => app.quit());

  const showAbout = (): void => {
    void dialog.showMessageBox({ type: 'info', title: 'About Proprio', message: `Proprio ${app.getVersion()}` });
  };
  const exportPdf = (): void => {
    const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
    if (!win) return;
    exportPageToPdf(win).catch((error: unknown) => {
      dialog.showErrorBox('Could not save the PDF', error instanceof Error ? error.message : String(error));
    });
  };

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      serveRenderer(session.defaultSession, RENDERER_DIR);
      // The same host and options as browser mode (`proprio start` passes --simulate, --db, --seed;
      // the _electron E2E adds --time-scale, allowed with simulated devices only).
      const options = parseShellDeviceOptions(process.argv.slice(1));
      if (!options.ok) {
        dialog.showErrorBox('Proprio cannot start', options.error);
        app.exit(2);
        return;
      }
      const { dbPath, simulate, timeScale, seed } = options.value;
      const databasePath = dbPath ?? defaultDatabasePath(app.getPath('userData'));
      mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
      const opened = openStorage({ path: databasePath });
      if (!opened.ok) {
        dialog.showErrorBox('Proprio cannot open its database', opened.error.message);
        app.quit();
        return;
      }
      const storage = opened.value.storage;
      const host = createAppService({
        storage,
        appInfo: { name: 'Proprio', version: app.getVersion() },
        simulator: webSimulator({ seed, timeScale }),
        // Reports print with the window's own Chromium: an installed app has no other browser.
        htmlToPdf: printHtmlToPdf,
      });
      bindIpc(createRpcHost(host));
      app.on('will-quit', () => void host.close().then(() => storage.close()));
      if (simulate) {
        void host.devices.connect('plate', 'sim:plate');
        void host.devices.connect('table', 'sim:table');
      }
      installAppMenu({ exportPdf, showAbout });
      mainWindow = createMainWindow({
        preloadPath: PRELOAD_PATH,
        stateFilePath: path.join(app.getPath('userData'), 'window-state.json'),
      });
      mainWindow.on('closed', () => {
        mainWindow = undefined;
      });
    })
    .catch((error: unknown) => {
      // Startup failed before a window existed: say so and exit non-zero rather than linger.
      console.error('proprio: startup failed', error);
      dialog.showErrorBox('Proprio could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
