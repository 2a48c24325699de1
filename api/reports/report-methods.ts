/** Printable reports as PDF (issue 7 session report): made by the host, every one written to the audit log. */
import { z } from 'zod';
import { method } from '../method-spec.ts';

export interface PdfFile {
  readonly fileName: string;
  /** The PDF, base64: the screen saves it as a download. */
  readonly pdfBase64: string;
}

export const REPORT_METHODS = {
  'reports.session': method<PdfFile>()(z.strictObject({ sessionId: z.number().int().positive() })),
  /** A calibration's certificate (issue 8). */
  'reports.calibration': method<PdfFile>()(z.strictObject({ calibrationId: z.number().int().positive() })),
};
