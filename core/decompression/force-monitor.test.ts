import { describe, expect, it } from 'vitest';
import { FRESH_FORCE_MONITOR, observeForce, type ForceFinding, type ForceSample } from './force-monitor.ts';

const LIMITS = { capN: 200, floorN: 15, noiseN: 1.5 };

/** Feeds 50 Hz samples made by `at(tMs)` for `durationMs`; returns each finding with its time. */
function feed(durationMs: number, at: (tMs: number) => Omit<ForceSample, 'tMs'>): { tMs: number; finding: ForceFinding }[] {
  let state = FRESH_FORCE_MONITOR;
  const found: { tMs: number; finding: ForceFinding }[] = [];
  for (let tMs = 0; tMs <= durationMs; tMs += 20) {
    const result = observeForce(state, { tMs, ...at(tMs) }, LIMITS);
    state = result.state;
    if (result.finding !== undefined) found.push({ tMs, finding: result.finding });
  }
  return found;
}

const steady = (measuredN: number, setpointN = measuredN, positionMm = 30, velocityMmS = 0) => ({ measuredN, setpointN, positionMm, velocityMmS });

describe('force monitor', () => {
  it('finds nothing while the table tracks a ramp and a hold within tolerance', () => {
    expect(feed(10_000, (t) => steady(Math.min(190, t / 25) + 3 * Math.sin(t), Math.min(190, t / 25)))).toEqual([]);
  });

  it('over-tension: above max + tolerance for 200 ms, not for 180 ms', () => {
    // Tolerance at 200 N is 20 N: 221 N is over.
    expect(feed(1000, (t) => steady(t >= 500 && t < 680 ? 221 : 190))).toEqual([]);
    expect(feed(1000, (t) => steady(t >= 500 ? 221 : 190, 200))[0]).toEqual({ tMs: 700, finding: 'over-tension' });
  });

  it('runaway: force rising past the set-point while the set-point holds and the actuator pulls', () => {
    const found = feed(2000, (t) => (t < 1000 ? steady(100) : steady(100 + (t - 1000) / 10, 100, 30 + (t - 1000) / 100, 10)));
    // 10 N above a 100 N set-point is reached at 1100 ms; 200 ms later it trips.
    expect(found[0]).toEqual({ tMs: 1320, finding: 'runaway' });
  });

  it('frozen load cell: 2 mm of travel within 500 ms while the reading stays put', () => {
    const found = feed(3000, (t) => (t < 1000 ? steady(120) : steady(120, 120 + (t - 1000) / 100, 30 + (t - 1000) / 200, 5)));
    expect(found[0]?.finding).toBe('load-cell-frozen');
    expect(found[0]?.tMs).toBeGreaterThanOrEqual(1400);
    expect(found[0]?.tMs).toBeLessThanOrEqual(1520);
  });

  it('does not call a slow creep (actuator taking up slack at constant force) a frozen cell', () => {
    expect(feed(5000, (t) => steady(150 + Math.sin(t) * 2, 150, 40 + t / 1000, 1))).toEqual([]);
  });

  it('tracking: Medium after 2 s out of tolerance, ignoring the first second of a ramp, cleared when back', () => {
    // Set-point ramps from 1000 ms to 150 N (tolerance 15 N); the reading lags by 20 N until 5000 ms.
    const found = feed(6000, (t) => {
      const setN = t < 1000 ? 50 : Math.min(150, 50 + (t - 1000) / 20);
      return steady(t >= 1000 && t < 5000 ? setN - 20 : setN, setN);
    });
    expect(found).toEqual([
      { tMs: 4020, finding: 'tracking' }, // the ramp is seen moving at 1020 ms: grace to 2020, alarm 2 s later
      { tMs: 5000, finding: 'tracking-cleared' },
    ]);
  });

  it('tracking escalates beyond 2× tolerance for 2 s, or after 10 s', () => {
    expect(feed(3000, (t) => steady(t >= 500 ? 70 : 100, 100))[0]).toEqual({ tMs: 2500, finding: 'tracking-escalated' });
    const found = feed(12_000, (t) => steady(t >= 500 ? 85 : 100, 100));
    expect(found[0]).toEqual({ tMs: 2500, finding: 'tracking' });
    expect(found[1]).toEqual({ tMs: 10_500, finding: 'tracking-escalated' });
  });
});
