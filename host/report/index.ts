/** Printable reports: a session's, as HTML and as PDF (headless Chromium). */
export { htmlToPdf, chromiumPath, type HtmlToPdf } from './html-to-pdf.ts';
export { sessionReport, type SessionReport } from './session-report.ts';
export { calibrationCertificate, type Certificate } from './calibration-certificate.ts';
