/**
 * Same seed and same inputs → byte-identical output, faults included; another seed → other bytes.
 */
import { describe, it, expect } from 'vitest';
import { plateKit } from './plate/plate-test-kit.ts';
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

describe('determinism', () => {
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
