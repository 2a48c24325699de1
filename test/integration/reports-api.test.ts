/**
 * reports.session through the contract with the shell's own printer (Electron passes its
 * printToPDF as `htmlToPdf`): the page it is given, the file that comes back, the audit entry,
 * and a printer failure answered in words with nothing audited.
 */
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../core/index.ts';
import { addTrial, createSession, listAudit } from '../../host/storage/index.ts';
import { adminHarnessPerTest } from '../support/app-harness.ts';

const newHarness = adminHarnessPerTest();

describe('reports through the shell printer', () => {
  it('prints the session page with the given printer, returns its bytes and audits the export; a failing printer is refused in words', async () => {
    const pages: string[] = [];
    let isPrinterBroken = false;
    const h = await newHarness({
      htmlToPdf: (html) => {
        pages.push(html);
        return Promise.resolve(isPrinterBroken ? err('printing failed: out of paper') : ok(Buffer.from('%PDF-1.7 test')));
      },
    });
    const patient = await h.call<{ id: number }>('patients.create', { clinicId: 'R-9', familyName: 'Report', givenName: 'Rae', dateOfBirth: '1980-01-02', heightMm: null, bodyMassKg: null, notes: '' });
    const admin = await h.call<{ operator: { id: number } }>('auth.status');
    const session = createSession(h.storage, { patientId: patient.id, operatorId: admin.operator.id, kind: 'balance' });
    if (!session.ok) throw new Error('no session');
    // A trial stored before Proprio kept the plate's stream: its results, and a line instead of a plot.
    const trial = addTrial(h.storage, { sessionId: session.value.id, protocol: 'romberg', condition: 'eo', startedAtMs: 1, endedAtMs: 2, metrics: { outcome: 'completed' }, algorithmVersion: 'sway-1' }, admin.operator.id);
    if (!trial.ok) throw new Error('no trial');

    const file = await h.call<{ fileName: string; pdfBase64: string }>('reports.session', { sessionId: session.value.id });
    expect(Buffer.from(file.pdfBase64, 'base64').toString('latin1')).toBe('%PDF-1.7 test');
    expect(file.fileName).toMatch(new RegExp(`^proprio-session-${session.value.id}-R-9-\\d{4}-\\d\\d-\\d\\d\\.pdf$`));
    expect(pages[0]).toContain('Report, Rae');
    expect(pages[0]).toContain('No raw samples were recorded for this trial');
    expect(pages[0]).not.toContain('<svg');
    const exported = () => listAudit(h.storage, 50).filter((row) => row.action === 'report-exported');
    expect(exported()).toHaveLength(1);

    isPrinterBroken = true;
    await expect(h.call('reports.session', { sessionId: session.value.id })).rejects.toThrow(/refused: The document could not be saved as PDF: printing failed: out of paper/);
    expect(exported()).toHaveLength(1);
  });
});
