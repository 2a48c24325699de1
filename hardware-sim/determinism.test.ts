/**
 * Same seed and same inputs → byte-identical output, faults included; another seed → other bytes.
 */
import { describe, it, expect } from 'vitest';
import { plateKit } from './plate/plate-test-kit.ts';
import { decodePlateDeviceLine } from './spec-codec/plate-codec.ts';
import { tableKit } from './table/table-test-kit.ts';

async function plateBytes(seed: number): Promise<string> {
  const kit = await plateKit({
    seed,
    subjectPresent: true,
    faults: { garbleFrac: 0.01, dropFrac: 0.01, badCrcFrac: 0.01, garbageFrac: 0.01, latencyBurstPerS: 0.5, nakBusyFrac: 0.2 },
  });
  const bytes: Buffer[] = [];
  kit.host.stream.on('data', (chunk: Buffer) => bytes.push(chunk));
  await kit.hello();
  await kit.command({ kind: 'rate', id: 2, rateHz: 2000 });
  await kit.command({ kind: 'start', id: 3 });
  kit.sim.stepOff();
  await kit.advance(1000);
  kit.host.send({ kind: 'heartbeat' });
  kit.sim.stepOn();
  await kit.advance(1500);
  await kit.command({ kind: 'status', id: 4 });
  await kit.sim.close();
  return Buffer.concat(bytes).toString('latin1');
}

async function tableBytes(seed: number): Promise<string> {
  const kit = await tableKit({ seed });
  const bytes: Buffer[] = [];
  kit.host.stream.on('data', (chunk: Buffer) => bytes.push(chunk));
  await kit.armed({ selfTest: true });
  kit.sim.setFaults({ garbleFrac: 0.02, dropFrac: 0.02, garbageFrac: 0.02 });
  await kit.command({ kind: 'set', id: kit.nextId(), targetN: 300, rateNps: 40 });
  await kit.advance(3000);
  kit.sim.pressSwitch();
  await kit.advance(2500);
  await kit.sim.close();
  return Buffer.concat(bytes).toString('latin1');
}

/** Raw lines the host could not decode while the plate streamed with `faults` on. */
async function plateBadLines(faults: { garbleFrac: number; dropFrac?: number; nakBusyFrac?: number }): Promise<string[]> {
  const kit = await plateKit({ seed: 9, subjectPresent: true });
  await kit.hello();
  await kit.command({ kind: 'start', id: 2 });
  kit.sim.setFaults(faults);
  for (let i = 0; i < 8; i++) {
    kit.host.send({ kind: 'heartbeat' });
    await kit.advance(500);
  }
  await kit.sim.close();
  return kit.host.raw.filter((text) => !decodePlateDeviceLine(text).ok);
}

describe('determinism', () => {
  it('turning another link fault on does not move the garbled lines: each fault has its own stream', async () => {
    const alone = await plateBadLines({ garbleFrac: 0.02 });
    const withDrops = await plateBadLines({ garbleFrac: 0.02, dropFrac: 0.05, nakBusyFrac: 0.5 });
    expect(alone.length).toBeGreaterThan(60);
    expect(withDrops.length).toBeGreaterThan(alone.length * 0.8);
    expect(withDrops.length).toBeLessThan(alone.length);
    const aloneSet = new Set(alone);
    // Every line garbled with drops on is garbled identically with them off (only the dropped are missing).
    expect(withDrops.filter((text) => !aloneSet.has(text))).toEqual([]);
  });

  it('the plate sends the same bytes for the same seed', async () => {
    const [a, b, c] = [await plateBytes(5), await plateBytes(5), await plateBytes(6)];
    expect(a.length).toBeGreaterThan(100_000);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('the table sends the same bytes for the same seed', async () => {
    const [a, b, c] = [await tableBytes(5), await tableBytes(5), await tableBytes(6)];
    expect(a.length).toBeGreaterThan(10_000);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});
