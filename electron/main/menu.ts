/**
 * The application menu. Kept short: everything clinical happens in the page; the menu carries
 * what the OS expects (quit, edit shortcuts, window control) plus PDF export. Developer tools and
 * reload appear only when running from source, so an installed build cannot be inspected by a
 * patient left alone with it.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Saves the focused window's page as a PDF. */
  readonly exportPdf: () => void;
  /** Shows the name and version. */
  readonly showAbout: () => void;
}

export function installAppMenu(actions: MenuActions): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Save Page as PDF…', accelerator: 'CmdOrCtrl+P', click: actions.exportPdf },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(app.isPackaged
          ? []
          : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'About Proprio', click: actions.showAbout }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
