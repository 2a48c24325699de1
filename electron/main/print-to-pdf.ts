/**
 * Session reports as PDF. Chromium's own `printToPDF` lays out the page the clinician sees (the
 * report view's print CSS decides what is on paper), so no PDF library is needed.
 */
import { writeFile } from 'node:fs/promises';
import { dialog, type BrowserWindow, type WebContents } from 'electron';

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
