/** Asks the host for a calibration's certificate and saves it as a PDF download; the response tells the screen how it went. */
import type { ApiClient, ApiResponse, PdfFile } from '../../../api/index.ts';
import { savePdf } from '../../app/save-pdf.ts';

export async function saveCertificate(client: ApiClient, calibrationId: number): Promise<ApiResponse<PdfFile>> {
  const pdf = await client.call('reports.calibration', { calibrationId });
  if (pdf.ok) savePdf(pdf.value);
  return pdf;
}
