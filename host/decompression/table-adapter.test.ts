import { describe, expect, it } from 'vitest';
import { TABLE_FLAG, type TableTelemetry } from '../../native-bridge/index.ts';
import { noticeOf, readingOf } from './table-adapter.ts';
import { scaledTimers } from './scaled-timers.ts';
import { ManualTimers } from '../../test/support/manual-timers.ts';

const frame = (flags: number, state: TableTelemetry['state'] = 'RUN'): TableTelemetry => ({
  kind: 'telemetry',
  seq: 1,
  tUs: 1000,
  state,
  measuredN: 100,
  setpointN: 101,
  positionMm: 30,
  velocityMmS: 0.5,
  flags,
  region: 'lumbar',
  limitN: 980.7,
  fault: 0,
});

describe('table adapter', () => {
  it('decodes the two patient switch channels (A normally closed, B normally open, table.md §5)', () => {
    const { patientSwitchA: a, patientSwitchB: b } = TABLE_FLAG;
    expect([a, b, 0, a | b].map((flags) => readingOf(frame(flags)).patientSwitch)).toEqual(['ready', 'pressed', 'unplugged', 'shorted']);
  });

  it('maps wire states and flags', () => {
    const r = readingOf(frame(TABLE_FLAG.estop | TABLE_FLAG.zeroed | TABLE_FLAG.switchTested | TABLE_FLAG.loadCellFault, 'RELG'));
    expect(r).toMatchObject({ mode: 'releasing', isEstop: true, isZeroed: true, isSwitchTested: true, isLoadCellFault: true, measuredN: 100, setpointN: 101 });
  });

  it('turns table events into notices, and ignores the ones shown in readings', () => {
    const event = (name: string, detail: Record<string, string> = {}) => ({ kind: 'event' as const, seq: 1, tUs: 0, name, detail });
    expect(noticeOf(event('RELEASE', { reason: '2', fromN: '412.3' }))).toEqual({ kind: 'release-started', reason: 2 });
    expect(noticeOf(event('PSW'))).toEqual({ kind: 'patient-switch' });
    expect(noticeOf(event('BOOT', { fw: '1.0.0' }))).toBeUndefined();
  });
});

describe('scaled timers', () => {
  it('runs host time K times faster than the base clock', () => {
    const base = new ManualTimers();
    const timers = scaledTimers(10, base);
    let fired = false;
    timers.after(500, () => (fired = true));
    base.advance(49);
    expect(fired).toBe(false);
    base.advance(1);
    expect(fired).toBe(true);
    expect(timers.nowMonoMs()).toBe(500);
  });
});
