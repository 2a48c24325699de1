/** Saves a PDF the host made as a download (browser mode and the Electron window alike). */
import type { PdfFile } from '../../api/index.ts';

export function savePdf(file: PdfFile): void {
  const bytes = Uint8Array.from(atob(file.pdfBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // The click has handed the file over; the object URL can go once the event loop turns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
