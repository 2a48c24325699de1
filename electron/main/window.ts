/**
 * Creates the main window with the hardening every Proprio window must have (STYLE.md §8) and
 * restores/saves its bounds (window-state.ts).
 */
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './renderer-path.ts';
import { isReachable, loadWindowState, MIN_HEIGHT_PX, MIN_WIDTH_PX, saveWindowState } from './window-state.ts';

/**
 * Fixed, not configurable per window. Each line closes a path from page content to the OS:
 * `sandbox` puts the renderer in Chromium's OS sandbox and leaves the preload only a small Electron
 * subset; `contextIsolation` keeps the page out of the preload's JavaScript world; no Node in the
 * page, its workers or sub-frames; `webSecurity` keeps the same-origin policy; no webviews.
 */
export interface MainWindowOptions {
  /** Absolute path of the bundled preload script. */
  readonly preloadPath: string;
  /** Absolute path of the window-state file in userData. */
  readonly stateFilePath: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = loadWindowState(options.stateFilePath);
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  // A saved size is always fine; a saved position only if it is on a display that still exists.
  const bounds = saved && isReachable(saved.bounds, workAreas) ? saved.bounds : undefined;

  const win = new BrowserWindow({
    title: 'Proprio',
    width: saved?.bounds.width ?? 1280,
    height: saved?.bounds.height ?? 800,
    ...(bounds ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: MIN_WIDTH_PX,
    minHeight: MIN_HEIGHT_PX,
    show: false,
    backgroundColor: '#ffffff',
    // Written out here, not built elsewhere, so static checkers (Electronegativity) see each flag.
    webPreferences: {
      // Reviewed, as Electronegativity's PRELOAD_JS_CHECK asks (a manual-review check that flags any
      // preload; eng-disable is its own mark for a reviewed line): the one preload
      // (electron/preload/index.ts) uses only contextBridge and ipcRenderer and exposes one narrow
      // window.proprio, call and on, over two fixed channels (STYLE.md §8); the dependency rule
      // `electron-preload` keeps its imports to those, and main checks the sender frame of every
      // call (electron/main/ipc.ts).
      preload: options.preloadPath, /* eng-disable PRELOAD_JS_CHECK */
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // A middle click would otherwise open a link in a new window before our handlers see it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (saved?.isMaximized) win.maximize();
  // Shown once painted, so the clinician never sees a blank white frame flash.
  win.once('ready-to-show', () => win.show());

  win.on('close', () => {
    try {
      // getNormalBounds: the size to come back to, not the maximised size.
      saveWindowState(options.stateFilePath, { bounds: win.getNormalBounds(), isMaximized: win.isMaximized() });
    } catch (error) {
      console.warn('window: could not save window state', error);
    }
  });

  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`window: could not load ${APP_ENTRY_URL}`, error);
  });
  return win;
}
