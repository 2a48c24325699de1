import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCalibration, upsertDevice, writeSettings } from '../storage/index.ts';
import { clinicFixture, expectOk, FIXTURE_NOW_MS, PLATE_IDENTITY, type ClinicFixture } from '../storage/testing/clinic-fixture.ts';
import { calibrationCertificate } from './calibration-certificate.ts';
import { sessionReport } from './session-report.ts';

let fixture: ClinicFixture;
beforeEach(() => {
  fixture = clinicFixture();
});
afterEach(() => fixture.dispose());

function pages(): string[] {
  const deviceId = upsertDevice(fixture.storage, 'plate', PLATE_IDENTITY);
  const calibration = expectOk(
    addCalibration(fixture.storage, {
      deviceId,
      operatorId: fixture.operatorId,
      performedAtMs: FIXTURE_NOW_MS,
      dueAtMs: FIXTURE_NOW_MS + 86_400_000,
      coefficients: { gainNPerCount: [0.0002, 0.0002, 0.0002, 0.0002] },
      rawReadings: {},
      verification: {},
      passed: true,
    }),
  );
  return [expectOk(sessionReport(fixture.storage, fixture.sessionId, 'footer')).html, expectOk(calibrationCertificate(fixture.storage, calibration.id, 'footer')).html];
}

describe('the clinic name on reports and certificates', () => {
  it('heads both, escaped, once the admin has given one', () => {
    expectOk(writeSettings(fixture.storage, { clinicName: 'Physio <Nord> & Co' }, fixture.operatorId));
    for (const html of pages()) expect(html).toMatch(/<body><p class="clinic">Physio &lt;Nord&gt; &amp; Co<\/p>\s*<h1>/);
  });

  it('is left out while the clinic has none', () => {
    for (const html of pages()) {
      expect(html).not.toContain('class="clinic"');
      expect(html).toMatch(/<body>\s*<h1>/);
    }
  });
});
