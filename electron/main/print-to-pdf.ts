/**
 * Session reports as PDF. Chromium's own `printToPDF` lays out the page the clinician sees (the
 * report view's print CSS decides what is on paper), so no PDF library is needed.
 */
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, type WebContents } from 'electron';

/** A4 with backgrounds, so charts and coloured bands print as shown on screen. */
export function printPageToPdf(contents: WebContents): Promise<Buffer> {
  return contents.printToPDF({ pageSize: 'A4', printBackground: true, generateTaggedPDF: true });
}

export type PdfExportOutcome = { readonly kind: 'saved'; readonly filePath: string } | { readonly kind: 'canceled' };

/**
 * Asks where to save, then writes the window's current page there. Rejects when printing or
 * writing fails; the caller tells the user.
 */
export async function exportPageToPdf(win: BrowserWindow, suggestedName = 'proprio-report.pdf'): Promise<PdfExportOutcome> {
  const choice = await dialog.showSaveDialog(win, {
    title: 'Save as PDF',
    defaultPath: suggestedName,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || choice.filePath === '') return { kind: 'canceled' };
  const pdf = await printPageToPdf(win.webContents);
  await writeFile(choice.filePath, pdf);
  return { kind: 'saved', filePath: choice.filePath };
}

/**
 * A report or certificate page (static HTML from host/report) to PDF with Electron's own
 * Chromium, so the installed app needs no other browser. The page is loaded in a hidden window of
 * its own in-memory session, with JavaScript off and the same hardening as the main window; it is
 * destroyed after printing. Errors come back as words for the clinician, never thrown.
 */
export async function printHtmlToPdf(html: string): Promise<{ readonly ok: true; readonly value: Buffer } | { readonly ok: false; readonly error: string }> {
  const win = new BrowserWindow({
    show: false,
    // Written out like the main window's (window.ts), not shared through a constant, so
    // Electronegativity sees every flag of this window too.
    webPreferences: {
      partition: 'proprio-print',
      javascript: false,
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
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return { ok: true, value: await printPageToPdf(win.webContents) };
  } catch (error) {
    return { ok: false, error: `printing failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    win.destroy();
  }
}
