import { describe, it, expect } from 'vitest';
import { calibrationStatus, dueAtMs, isCalibrationInForce } from './calibration-status.ts';

const at = (iso: string): number => Date.parse(iso);

describe('calibration due dates and status', () => {
  it('is due 12 months later by default, clamped to the end of a short month', () => {
    expect(dueAtMs(at('2026-03-15T10:00:00Z'))).toBe(at('2027-03-15T10:00:00Z'));
    expect(dueAtMs(at('2027-01-31T08:00:00Z'), 1)).toBe(at('2027-02-28T08:00:00Z'));
    expect(dueAtMs(at('2027-11-30T00:00:00Z'), 3)).toBe(at('2028-02-29T00:00:00Z'));
  });

  it('uncalibrated, failed, overdue and ok, and only ok is in force', () => {
    const calibratedAtMs = at('2026-01-10T09:00:00Z');
    const passed = { isPassed: true, calibratedAtMs, dueAtMs: dueAtMs(calibratedAtMs) };
    const cases = [
      [undefined, at('2026-02-01T00:00:00Z'), 'uncalibrated'],
      [{ ...passed, isPassed: false }, at('2026-02-01T00:00:00Z'), 'failed'],
      [passed, at('2027-01-10T09:00:00Z'), 'overdue'],
      [passed, at('2027-01-10T08:59:59Z'), 'ok'],
    ] as const;
    for (const [latest, nowMs, kind] of cases) {
      const status = calibrationStatus(latest, nowMs);
      expect(status.kind).toBe(kind);
      expect(isCalibrationInForce(status)).toBe(kind === 'ok');
    }
  });
});
