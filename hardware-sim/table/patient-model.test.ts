import { describe, it, expect } from 'vitest';
import { PatientModel } from './patient-model.ts';
import { PatientSwitch } from './patient-switch.ts';

describe('patient in the harness (decompression.md §6.1)', () => {
  it('is slack up to the slack position, then about 5 N/mm, stiffening', () => {
    const patient = new PatientModel();
    expect(patient.tensionN(4)).toBe(0);
    expect(patient.tensionN(6)).toBeCloseTo(5.15, 2);
    expect(patient.stiffnessAt(6)).toBeCloseTo(5.3, 5);
    expect(patient.stiffnessAt(45)).toBeGreaterThan(15);
  });

  it('relaxes at a fixed position (so a static hold needs re-tensioning) and recovers when unloaded', () => {
    const patient = new PatientModel();
    const start = patient.tensionN(45);
    for (let i = 0; i < 30_000; i++) patient.step(0.001, 45);
    const held = patient.tensionN(45);
    expect(held / start).toBeLessThan(0.92);
    expect(held / start).toBeGreaterThan(0.75);
    for (let i = 0; i < 60_000; i++) patient.step(0.001, 0);
    expect(patient.creep).toBeLessThan(0.1);
  });
});

describe('patient switch debounce (table.md §6.1)', () => {
  it('detects the pressed pattern after 10 ms, and unplugged or shorted as a fault after 20 ms, never as a press', () => {
    const sw = new PatientSwitch();
    sw.set('pressed', 1000);
    expect(sw.levels(10_999).isPressDetected).toBe(false);
    expect(sw.levels(11_000)).toMatchObject({ isPressDetected: true, isGenuinePress: true, isFaultDetected: false });
    sw.set('unplugged', 12_000); // A==B: no longer a press; the fault timer starts
    expect(sw.levels(12_000).isPressDetected).toBe(false);
    expect(sw.levels(31_999).isFaultDetected).toBe(false);
    expect(sw.levels(32_000).isFaultDetected).toBe(true);
    sw.set('ready', 40_000);
    expect(sw.levels(40_000)).toMatchObject({ isPressDetected: false, isFaultDetected: false, isReady: false });
    expect(sw.levels(50_000).isReady).toBe(true);
    expect(sw.channels).toEqual({ a: true, b: false });
    sw.set('shorted', 60_000);
    expect(sw.levels(75_000)).toMatchObject({ isPressDetected: false, isFaultDetected: false });
    expect(sw.levels(80_000)).toMatchObject({ isPressDetected: false, isFaultDetected: true });
  });

  it('times a press from the first channel change: break-before-make (A opens 3 ms before B closes) is not slower', () => {
    const sw = new PatientSwitch();
    sw.set('unplugged', 1000); // A opened, B not closed yet
    sw.set('pressed', 4000);
    expect(sw.levels(10_999).isPressDetected).toBe(false);
    expect(sw.levels(11_000).isPressDetected).toBe(true);
  });
});
