/**
 * The plate end to end: counts on the wire against the ground truth the simulator exposes.
 */
import { describe, it, expect } from 'vitest';
import { CELL_POSITIONS_MM, COUNTS_PER_N } from './plate-constants.ts';
import { GRAVITY_MPS2 } from './subject-model.ts';
import { plateKit } from './plate-test-kit.ts';
import type { PlateKit } from './plate-test-kit.ts';

function copOf(forcesN: readonly number[]): { forceN: number; xMm: number; yMm: number } {
  let forceN = 0;
  let mx = 0;
  let my = 0;
  forcesN.forEach((f, i) => {
    const [x, y] = CELL_POSITIONS_MM[i] ?? [0, 0];
    forceN += f;
    mx += f * x;
    my += f * y;
  });
  return { forceN, xMm: mx / forceN, yMm: my / forceN };
}

async function stream(kit: PlateKit, rateHz = 1000): Promise<void> {
  await kit.hello();
  await kit.command({ kind: 'rate', id: 2, rateHz });
  await kit.command({ kind: 'start', id: 3 });
}

describe('PF-600 simulator: counts against ground truth', () => {
  it('with ideal cells, the COP from the counts on the wire is the true COP', async () => {
    const kit = await plateKit({ idealCells: true, cellNoiseN: 0, subjectPresent: true, subject: { bodyMassKg: 75 } });
    await stream(kit);
    await kit.advance(2000);
    const truthBySeq = new Map(kit.sim.state().recentSamples.map((s) => [s.seq, s]));
    const samples = kit.host.ofKind('sample');
    expect(samples.length).toBeGreaterThan(1900);
    for (const sample of samples) {
      const truth = truthBySeq.get(sample.seq);
      expect(truth?.counts).toEqual(sample.message.counts);
      const cop = copOf(sample.message.counts.map((c) => c / COUNTS_PER_N));
      expect(cop.xMm).toBeCloseTo(truth?.truth.copXMm ?? NaN, 2);
      expect(cop.yMm).toBeCloseTo(truth?.truth.copYMm ?? NaN, 2);
      expect(cop.forceN).toBeCloseTo(truth?.truth.forceN ?? NaN, 2);
    }
    await kit.sim.close();
  });

  it('with seeded calibration, the exposed offsets and gains turn counts back into the true forces', async () => {
    const kit = await plateKit({ seed: 11, subjectPresent: true });
    await stream(kit, 500);
    await kit.advance(500);
    const { calibration, recentSamples } = kit.sim.state();
    let worst = 0;
    for (const s of recentSamples) {
      s.counts.forEach((counts, i) => {
        const cal = calibration[i];
        if (cal === undefined) throw new Error('no calibration');
        const forceN = (counts - cal.offsetCounts) / (cal.gain * COUNTS_PER_N);
        worst = Math.max(worst, Math.abs(forceN - (s.cellForcesN[i] ?? 0)));
      });
    }
    // 0.2 N RMS noise plus at most 0.1 % FS (1.5 N) of non-linearity.
    expect(worst).toBeLessThan(2.8);
    await kit.sim.close();
  });

  it('shows step on and step off in the summed cell forces', async () => {
    const kit = await plateKit({ idealCells: true, subject: { bodyMassKg: 60 } });
    await stream(kit, 100);
    await kit.advance(300);
    const emptyN = copOf(kit.host.ofKind('sample').at(-1)?.message.counts.map((c) => c / COUNTS_PER_N) ?? []).forceN;
    expect(Math.abs(emptyN)).toBeLessThan(3);
    kit.sim.stepOn();
    await kit.advance(1000);
    kit.host.send({ kind: 'heartbeat' }); // stay within the plate's 2000 ms silence limit
    await kit.advance(1000);
    const total = (): number => copOf(kit.host.ofKind('sample').at(-1)?.message.counts.map((c) => c / COUNTS_PER_N) ?? []).forceN;
    expect(total() / (60 * GRAVITY_MPS2)).toBeCloseTo(1, 1);
    expect(kit.sim.state().subject.phase).toBe('standing');
    kit.host.send({ kind: 'heartbeat' });
    kit.sim.stepOff();
    await kit.advance(600);
    expect(kit.sim.state().firmware).toBe('streaming');
    expect(Math.abs(total())).toBeLessThan(3);
    await kit.sim.close();
  });

  it('sends ADCFAULT when an ADC fault begins and flags the samples', async () => {
    const kit = await plateKit();
    await stream(kit);
    kit.sim.setFaults({ adcFaultCell: 2 });
    await kit.advance(20);
    const event = kit.host.ofKind('event').find((e) => e.message.name === 'ADCFAULT');
    expect(event?.message.details).toEqual([['cell', '2']]);
    expect((kit.host.ofKind('sample').at(-1)?.message.flags ?? 0) & 0x02).toBe(0x02);
    await kit.sim.close();
  });
});
