import { describe, expect, it } from 'vitest';
import { releaseReasonText, tableStateText } from './device-text.ts';

describe('table raw channels in words', () => {
  it('names the state first and keeps the wire token for the technician; an unknown token shows as sent', () => {
    expect(tableStateText('RELD')).toBe('released, latched until reset (RELD)');
    expect(tableStateText('RUN')).toBe('running (RUN)');
    expect(tableStateText('WARP')).toBe('WARP');
  });

  it('names every release reason of table.md §6.1 with its code, and says none for 0', () => {
    expect(releaseReasonText(0)).toBe('none');
    expect(releaseReasonText(8)).toBe('released by the app (code 8)');
    for (let code = 1; code <= 9; code++) expect(releaseReasonText(code)).not.toMatch(/unknown/);
    expect(releaseReasonText(42)).toBe('unknown reason (code 42)');
  });
});
