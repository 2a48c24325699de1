/**
 * End to end: the receiver (a host probe with the simulator's own decoder) counts exactly what
 * the fault counters say was injected.
 */
import { describe, it, expect } from 'vitest';
import { plateKit } from '../plate/plate-test-kit.ts';
import type { PlateKit } from '../plate/plate-test-kit.ts';
import type { FaultCounters } from './fault-counters.ts';

async function streaming(): Promise<PlateKit> {
  const kit = await plateKit({ seed: 21 });
  await kit.hello();
  await kit.command({ kind: 'start', id: 2 });
  kit.host.clear();
  return kit;
}

async function runWithHeartbeats(kit: PlateKit, ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 500) {
    kit.host.send({ kind: 'heartbeat' });
    await kit.advance(Math.min(500, left));
  }
}

function delta(after: FaultCounters, before: FaultCounters): FaultCounters {
  const result = { ...after };
  for (const key of Object.keys(after) as (keyof FaultCounters)[]) result[key] = after[key] - before[key];
  return result;
}

describe('fault counters are exact at the receiver', () => {
  it('garbled, bad-CRC, dropped and garbage lines', async () => {
    const kit = await streaming();
    const before = kit.sim.faultCounters();
    kit.sim.setFaults({ garbleFrac: 0.03, badCrcFrac: 0.02, dropFrac: 0.04, garbageFrac: 0.01 });
    await runWithHeartbeats(kit, 5000);
    kit.sim.setFaults({ garbleFrac: 0, badCrcFrac: 0, dropFrac: 0, garbageFrac: 0 });
    const d = delta(kit.sim.faultCounters(), before);
    await kit.advance(50);
    expect(d.garbled).toBeGreaterThan(50);
    expect(d.badCrc).toBeGreaterThan(30);
    expect(d.dropped).toBeGreaterThan(80);
    expect(d.garbageBursts).toBeGreaterThan(10);
    const afterFaults = kit.sim.faultCounters().linesSent - before.linesSent - d.linesSent;
    expect(kit.host.bad).toEqual({ overflow: 0, crc: d.garbled + d.badCrc + d.garbageBursts, format: 0, range: 0, unknown: 0 });
    expect(kit.host.valid.length).toBe(d.linesSent + afterFaults - d.dropped - d.garbled - d.badCrc);
    let seqGap = 0;
    kit.host.valid.forEach((v, i) => {
      if (i > 0) seqGap += v.seq - (kit.host.valid[i - 1]?.seq ?? 0) - 1;
    });
    expect(seqGap).toBe(d.dropped + d.garbled + d.badCrc);
    await kit.sim.close();
  });

  it('busy NAKs: every injected one reaches the host, and a retransmission is then executed', async () => {
    const kit = await streaming();
    kit.sim.setFaults({ nakBusyFrac: 0.5 });
    const before = kit.sim.faultCounters().naks;
    let busy = 0;
    for (let id = 10; id < 60; id++) {
      const [reply] = await kit.command({ kind: 'status', id });
      if (reply?.kind === 'nak') {
        expect(reply.code).toBe(8);
        busy++;
      }
    }
    expect(busy).toBe(kit.sim.faultCounters().naks - before);
    expect(busy).toBeGreaterThan(10);
    kit.sim.setFaults({ nakBusyFrac: 0 });
    await kit.command({ kind: 'stop', id: 70 });
    // id 71 answered busy first, then retransmitted byte for byte: executed, not replayed.
    kit.sim.setFaults({ nakBusyFrac: 1 });
    expect(await kit.command({ kind: 'rate', id: 71, rateHz: 250 })).toEqual([{ kind: 'nak', id: 71, code: 8, details: [] }]);
    kit.sim.setFaults({ nakBusyFrac: 0 });
    expect((await kit.command({ kind: 'rate', id: 71, rateHz: 250 })).at(-1)).toEqual({ kind: 'ack', id: 71, details: [['hz', '250']] });
    await kit.sim.close();
  });

  it('input faults: garbled host lines count as rxBad, lost ones (and garbled ones) as rxGap', async () => {
    const kit = await streaming();
    kit.sim.setFaults({ inputGarbleFrac: 0.2, inputDropFrac: 0.2 });
    for (let i = 0; i < 200; i++) {
      kit.host.send({ kind: 'heartbeat' });
      await kit.advance(5);
    }
    kit.sim.setFaults({ inputGarbleFrac: 0, inputDropFrac: 0 });
    const counters = kit.sim.faultCounters();
    kit.host.send({ kind: 'heartbeat' }); // a final good line closes any gap at the end
    await kit.advance(5);
    const state = kit.sim.state();
    expect(counters.inputGarbled).toBeGreaterThan(20);
    expect(counters.inputDropped).toBeGreaterThan(20);
    expect(state.rxBad).toBe(counters.inputGarbled);
    expect(state.rxBadByClass.crc).toBe(counters.inputGarbled);
    expect(state.rxGap).toBe(counters.inputGarbled + counters.inputDropped);
    await kit.sim.close();
  });

  it('latency bursts hold the output back and then deliver all of it at once', async () => {
    const kit = await streaming();
    kit.sim.setFaults({ latencyBurstPerS: 1, latencyBurstMs: 200 });
    let silentSteps = 0;
    let longestSilenceMs = 0;
    for (let step = 0; step < 500; step++) {
      if (step % 50 === 0) kit.host.send({ kind: 'heartbeat' });
      const bytes = kit.host.bytesReceived;
      await kit.advance(10);
      silentSteps = kit.host.bytesReceived === bytes ? silentSteps + 1 : 0;
      longestSilenceMs = Math.max(longestSilenceMs, silentSteps * 10);
    }
    kit.sim.setFaults({ latencyBurstPerS: 0 });
    await kit.advance(300);
    const counters = kit.sim.faultCounters();
    expect(counters.latencyBursts).toBeGreaterThan(0);
    expect(longestSilenceMs).toBeGreaterThanOrEqual(190);
    const samples = kit.host.ofKind('sample');
    samples.forEach((s, i) => i > 0 && expect(s.seq).toBe((samples[i - 1]?.seq ?? 0) + 1));
    expect(kit.host.bad.crc).toBe(0);
    await kit.sim.close();
  });
});
