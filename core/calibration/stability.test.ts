import { describe, it, expect } from 'vitest';
import { StabilityWindow, type StabilityScale } from './stability.ts';
import { PF600, countsUnder } from './test-plate.ts';

const SCALE: StabilityScale = { cellsMm: PF600.cellsMm, countsPerN: 5000, fullScaleN: 6000 };
const cells = [0, 0, 0, 0].map(() => ({ zeroCounts: 0, countsPerN: 5000 }));

/** Fills a 200-sample window (2 s at 100 Hz) from a load history. */
function windowOf(loadAt: (k: number) => { massKg: number; xMm: number; yMm: number }): StabilityWindow {
  const window = new StabilityWindow(StabilityWindow.capacityFor(100));
  for (let k = 0; k < 250; k++) {
    const load = loadAt(k);
    window.push(countsUnder(cells, load.massKg, load.xMm, load.yMm));
  }
  return window;
}

describe('stability criterion for taking a calibration point', () => {
  it('a steady load with noise of the simulated size is stable, and its mean counts are the reading', () => {
    // About 0.3 N RMS of total-force noise, deterministic.
    const noise = (k: number): number => 0.04 * Math.sin(k * 12.9898);
    const window = windowOf((k) => ({ massKg: 50 + noise(k), xMm: 100, yMm: -40 }));
    const a = window.assess(SCALE);
    expect(a.isFull).toBe(true);
    expect(a.isStable).toBe(true);
    const expected = countsUnder(cells, 50, 100, -40);
    a.meanCounts.forEach((c, i) => expect(Math.abs(c - (expected[i] ?? 0)) / 5000).toBeLessThan(0.5));
  });

  it('a ringing load (4 Hz, 1 % of 100 kg) is not stable', () => {
    const a = windowOf((k) => ({ massKg: 100 * (1 + 0.01 * Math.sin((2 * Math.PI * 4 * k) / 100)), xMm: 0, yMm: 0 })).assess(SCALE);
    expect(a.isStable).toBe(false);
    expect(a.forceSdN).toBeGreaterThan(1.5);
  });

  it('a load creeping by 2 N/s is not stable (drift between half windows)', () => {
    const a = windowOf((k) => ({ massKg: 60 + (k / 100) * (2 / 9.80665), xMm: 0, yMm: 0 })).assess(SCALE);
    expect(a.isStable).toBe(false);
    expect(a.forceDriftN).toBeGreaterThan(1.5);
  });

  it('a mass sliding by 0.8 mm over the window is not stable (COP drift) though its force is steady', () => {
    const a = windowOf((k) => ({ massKg: 60, xMm: 50 + k * 0.004, yMm: 0 })).assess(SCALE);
    expect(a.forceSdN).toBeLessThan(0.01);
    expect(a.isStable).toBe(false);
    expect(a.copDriftMm).toBeGreaterThan(0.25);
  });

  it('is never stable before the window is full, and clear() empties it', () => {
    const window = new StabilityWindow(200);
    for (let k = 0; k < 199; k++) window.push(countsUnder(cells, 50, 0, 0));
    expect(window.assess(SCALE).isStable).toBe(false);
    window.push(countsUnder(cells, 50, 0, 0));
    expect(window.assess(SCALE).isStable).toBe(true);
    window.clear();
    expect(window.assess(SCALE).isFull).toBe(false);
  });
});
