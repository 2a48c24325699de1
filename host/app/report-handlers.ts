/** The contract's report methods: a session's report and a calibration's certificate as PDF, audited under the signed-in operator. */
import { apiError, type ApiHandlers, type ApiResponse, type PdfFile } from '../../api/index.ts';
import { ok, type Result } from '../../core/index.ts';
import { calibrationCertificate, sessionReport, type HtmlToPdf } from '../report/index.ts';
import { appendAudit, type Storage, type StorageError } from '../storage/index.ts';
import type { OperatorSession } from './operator-session.ts';
import { storageRefusal } from './storage-refusal.ts';

/** `toPdf` is the shell's: Electron's own printToPDF in the window, a headless Chromium in browser mode. */
export function reportHandlers(storage: Storage, session: OperatorSession, footer: string, toPdf: HtmlToPdf): Pick<ApiHandlers, 'reports.session' | 'reports.calibration'> {
  /** The page as PDF, audited as `action` on `entity` #id. */
  const printed = async (
    made: Result<{ readonly html: string; readonly fileName: string }, StorageError>,
    action: string,
    entity: 'session' | 'calibration',
    entityId: number,
  ): Promise<ApiResponse<PdfFile>> => {
    if (!made.ok) return storageRefusal(made.error);
    const pdf = await toPdf(made.value.html);
    if (!pdf.ok) return apiError('refused', `The document could not be saved as PDF: ${pdf.error}.`);
    appendAudit(storage, { operatorId: session.operatorId, action, entity, entityId, detail: { fileName: made.value.fileName, bytes: pdf.value.length } });
    return ok({ fileName: made.value.fileName, pdfBase64: pdf.value.toString('base64') });
  };
  return {
    'reports.session': ({ sessionId }) => printed(sessionReport(storage, sessionId, footer), 'report-exported', 'session', sessionId),
    'reports.calibration': ({ calibrationId }) => printed(calibrationCertificate(storage, calibrationId, footer), 'certificate-exported', 'calibration', calibrationId),
  };
}
