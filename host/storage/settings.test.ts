import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION_INTERVAL_MONTHS } from '../../core/index.ts';
import { listAudit } from './audit.ts';
import { DEFAULT_SETTINGS, readSettings, writeSettings } from './settings.ts';
import { clinicFixture, expectOk, type ClinicFixture } from './testing/clinic-fixture.ts';

let fixture: ClinicFixture;
beforeEach(() => {
  fixture = clinicFixture();
});
afterEach(() => fixture.dispose());

const settingsRows = (): unknown[] => fixture.storage.db.prepare('SELECT * FROM settings ORDER BY key').all();

describe('settings', () => {
  it('reads as the defaults in a new clinic: kg, mm, no clinic name, 0.6 volume, 10 min lock, 12 months', () => {
    expect(readSettings(fixture.storage)).toEqual({
      massUnit: 'kg',
      lengthUnit: 'mm',
      clinicName: '',
      cueVolumeFrac: 0.6,
      idleLockMs: 600_000,
      calibrationIntervalMonths: DEFAULT_CALIBRATION_INTERVAL_MONTHS,
    });
    expect(settingsRows()).toEqual([]);
  });

  it('changes the given fields only, trimmed, and audits each change from its old value to its new one under the operator', () => {
    const changed = expectOk(writeSettings(fixture.storage, { massUnit: 'lb', clinicName: '  Physio Nord ', idleLockMs: 5 * 60_000 }, fixture.operatorId));
    expect(changed).toEqual({ ...DEFAULT_SETTINGS, massUnit: 'lb', clinicName: 'Physio Nord', idleLockMs: 300_000 });
    expect(readSettings(fixture.storage)).toEqual(changed);
    expect(listAudit(fixture.storage, 1)[0]).toMatchObject({
      action: 'settings-changed',
      entity: 'settings',
      operatorId: fixture.operatorId,
      detail: { massUnit: { from: 'kg', to: 'lb' }, clinicName: { from: '', to: 'Physio Nord' }, idleLockMs: { from: 600_000, to: 300_000 } },
    });
    expectOk(writeSettings(fixture.storage, { massUnit: 'kg' }, fixture.operatorId));
    expect(readSettings(fixture.storage)).toMatchObject({ massUnit: 'kg', clinicName: 'Physio Nord' });
  });

  it('writes no audit row for a change that changes nothing', () => {
    const before = listAudit(fixture.storage, 100).length;
    expectOk(writeSettings(fixture.storage, { massUnit: 'kg', cueVolumeFrac: 0.6 }, fixture.operatorId));
    expect(listAudit(fixture.storage, 100)).toHaveLength(before);
  });

  const refused: [string, Record<string, unknown>, RegExp][] = [
    ['massUnit', { massUnit: 'stone' }, /kg or lb/],
    ['lengthUnit', { lengthUnit: 'in' }, /mm or cm/],
    ['clinicName', { clinicName: 'x'.repeat(81) }, /at most 80/],
    ['cueVolumeFrac', { cueVolumeFrac: 1.01 }, /0 to 1/],
    ['cueVolumeFrac', { cueVolumeFrac: -0.1 }, /0 to 1/],
    ['idleLockMs', { idleLockMs: 30_000 }, /whole number of minutes/],
    ['idleLockMs', { idleLockMs: 0 }, /1 to 60 minutes/],
    ['idleLockMs', { idleLockMs: 61 * 60_000 }, /1 to 60 minutes/],
    ['calibrationIntervalMonths', { calibrationIntervalMonths: 0 }, /1 to 24 months/],
    ['calibrationIntervalMonths', { calibrationIntervalMonths: 25 }, /1 to 24 months/],
    ['calibrationIntervalMonths', { calibrationIntervalMonths: 6.5 }, /whole number of months/],
    ['', { theme: 'dark' }, /./],
  ];
  for (const [path, patch, message] of refused) {
    it(`refuses ${JSON.stringify(patch).slice(0, 60)} with a message on "${path}", writing nothing even beside a good field`, () => {
      const audit = listAudit(fixture.storage, 100).length;
      const result = writeSettings(fixture.storage, { massUnit: 'lb', ...patch }, fixture.operatorId);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path, message: expect.stringMatching(message) as unknown }] } });
      expect(readSettings(fixture.storage)).toEqual(DEFAULT_SETTINGS);
      expect(settingsRows()).toEqual([]);
      expect(listAudit(fixture.storage, 100)).toHaveLength(audit);
    });
  }

  it('accepts the bounds themselves', () => {
    const edge = { cueVolumeFrac: 0, idleLockMs: 60_000, calibrationIntervalMonths: 24, clinicName: 'x'.repeat(80) };
    expect(expectOk(writeSettings(fixture.storage, edge, fixture.operatorId))).toMatchObject(edge);
    const other = { cueVolumeFrac: 1, idleLockMs: 3_600_000, calibrationIntervalMonths: 1 };
    expect(expectOk(writeSettings(fixture.storage, other, fixture.operatorId))).toMatchObject(other);
  });

  it('refuses an unknown operator', () => {
    expect(writeSettings(fixture.storage, { massUnit: 'lb' }, 999)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(readSettings(fixture.storage).massUnit).toBe('kg');
  });

  it('reads a stored value that breaks its rule (another tool wrote it) as the default', () => {
    fixture.storage.db.prepare("INSERT INTO settings (key, value_json, updated_at_ms) VALUES ('idleLockMs', '5', 1), ('massUnit', '\"lb\"', 1)").run();
    expect(readSettings(fixture.storage)).toMatchObject({ idleLockMs: 600_000, massUnit: 'lb' });
  });
});
