/** The contract's report methods: a session's report as PDF, audited under the signed-in operator. */
import { apiError, type ApiHandlers } from '../../api/index.ts';
import { ok } from '../../core/index.ts';
import { htmlToPdf, sessionReport } from '../report/index.ts';
import { appendAudit, type Storage } from '../storage/index.ts';
import type { OperatorSession } from './operator-session.ts';
import { storageRefusal } from './storage-refusal.ts';

export function reportHandlers(storage: Storage, session: OperatorSession, footer: string): Pick<ApiHandlers, 'reports.session'> {
  return {
    'reports.session': async ({ sessionId }) => {
      const report = sessionReport(storage, sessionId, footer);
      if (!report.ok) return storageRefusal(report.error);
      const pdf = await htmlToPdf(report.value.html);
      if (!pdf.ok) return apiError('refused', `The report could not be saved as PDF: ${pdf.error}.`);
      appendAudit(storage, { operatorId: session.operatorId, action: 'report-exported', entity: 'session', entityId: sessionId, detail: { fileName: report.value.fileName, bytes: pdf.value.length } });
      return ok({ fileName: report.value.fileName, pdfBase64: pdf.value.toString('base64') });
    },
  };
}
