/** history.sessions through the contract: a decompression session's title states its tension in the clinic's units. */
import { describe, expect, it } from 'vitest';
import type { HistorySession } from '../../api/index.ts';
import { createSession } from '../../host/storage/index.ts';
import { adminHarnessPerTest } from '../support/app-harness.ts';

const newHarness = adminHarnessPerTest();

describe('history', () => {
  it("names a decompression session's maximum tension in kgf, or in lbf once the clinic works in pounds", async () => {
    const h = await newHarness();
    const patient = await h.call<{ id: number }>('patients.create', { clinicId: 'H-1', familyName: 'Hist', givenName: 'Hana', dateOfBirth: '1975-03-04', heightMm: null, bodyMassKg: 70, notes: '' });
    const status = await h.call<{ operator: { id: number } }>('auth.status');
    const notes = JSON.stringify({ maxN: 445, region: 'lumbar', program: 'static' });
    expect(createSession(h.storage, { patientId: patient.id, operatorId: status.operator.id, kind: 'decompression', notes }).ok).toBe(true);
    const titles = async () => (await h.call<HistorySession[]>('history.sessions', { patientId: patient.id, includeSimulated: false })).map((s) => s.title);
    expect(await titles()).toEqual(['Decompression, lumbar static to 45.4 kgf']);
    await h.call('settings.update', { massUnit: 'lb' });
    expect(await titles()).toEqual(['Decompression, lumbar static to 100 lbf']);
  });
});
