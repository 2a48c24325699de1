import { describe, it, expect } from 'vitest';
import { Prng } from '../random/prng.ts';
import { decodePlateDeviceLine, encodePlateDeviceLine } from '../spec-codec/plate-codec.ts';
import { createFaultCounters } from './fault-counters.ts';
import { LinkFaultInjector, NO_LINK_FAULTS } from './link-faults.ts';

const line = (seq: number): string =>
  encodePlateDeviceLine(seq, { kind: 'sample', tUs: 1000 * seq, counts: [1, -2, 300000, 4], flags: 0 });

function injector(over: Partial<typeof NO_LINK_FAULTS>) {
  const counters = createFaultCounters();
  const faults = new LinkFaultInjector(new Prng(5), counters);
  faults.settings = { ...NO_LINK_FAULTS, ...over };
  return { faults, counters };
}

describe('LinkFaultInjector', () => {
  it('garbles exactly one byte into another printable byte, keeps the length, and the line always fails its CRC', () => {
    const { faults, counters } = injector({ garbleFrac: 1 });
    for (let seq = 0; seq < 2000; seq++) {
      const original = line(seq);
      const wire = faults.outgoing(original) ?? '';
      expect(wire.endsWith('\n')).toBe(true);
      expect(wire.indexOf('\n')).toBe(wire.length - 1);
      const garbled = wire.slice(0, -1);
      expect(garbled.length).toBe(original.length);
      const differing = [...garbled].filter((ch, i) => ch !== original[i]);
      expect(differing.length).toBe(1);
      expect(/^[\x20-\x7e]+$/.test(garbled)).toBe(true);
      const decoded = decodePlateDeviceLine(garbled);
      expect(decoded.ok ? 'valid' : decoded.error.kind).toBe('crc');
    }
    expect(counters.garbled).toBe(2000);
  });

  it('gives a bad CRC to a correct body', () => {
    const { faults, counters } = injector({ badCrcFrac: 1 });
    const original = line(7);
    const wire = (faults.outgoing(original) ?? '').slice(0, -1);
    expect(wire.slice(0, -4)).toBe(original.slice(0, -4));
    expect(wire.slice(-4)).not.toBe(original.slice(-4));
    const decoded = decodePlateDeviceLine(wire);
    expect(decoded.ok ? 'valid' : decoded.error.kind).toBe('crc');
    expect(counters.badCrc).toBe(1);
  });

  it('inserts garbage as its own LF-terminated line that is always a crc error, leaving the next line intact', () => {
    const { faults, counters } = injector({ garbageFrac: 1 });
    for (let seq = 0; seq < 500; seq++) {
      const wire = faults.outgoing(line(seq)) ?? '';
      const parts = wire.split('\n');
      expect(parts.length).toBe(3);
      const [garbage, good] = parts;
      expect(good).toBe(line(seq));
      expect(garbage?.includes('*')).toBe(false);
      expect((garbage ?? '').length).toBeGreaterThan(0);
      const decoded = decodePlateDeviceLine(garbage ?? '');
      expect(decoded.ok ? 'valid' : decoded.error.kind).toBe('crc');
    }
    expect(counters.garbageBursts).toBe(500);
  });

  it('each fault hits its requested fraction by its own draw; a line hit by several is dropped, else garbled, else bad-CRC', () => {
    const { faults, counters } = injector({ dropFrac: 0.1, garbleFrac: 0.1, badCrcFrac: 0.1 });
    const n = 20_000;
    for (let seq = 0; seq < n; seq++) faults.outgoing(line(seq));
    for (const [count, expected] of [[counters.dropped, 0.1], [counters.garbled, 0.09], [counters.badCrc, 0.081]] as const) {
      expect(count / n).toBeGreaterThan(expected - 0.01);
      expect(count / n).toBeLessThan(expected + 0.01);
    }
  });

  it('enabling one fault does not change which lines another hits (one derived stream per fault)', () => {
    const hits = (over: Partial<typeof NO_LINK_FAULTS>) => {
      const { faults } = injector(over);
      const garbled = new Map<number, string>();
      const dropped = new Set<number>();
      for (let seq = 0; seq < 3000; seq++) {
        faults.shouldNakBusy();
        faults.incoming(`$STATUS ${seq} 1*0000`);
        const wire = faults.outgoing(line(seq));
        if (wire === null) dropped.add(seq);
        else if (wire !== `${line(seq)}\n`) garbled.set(seq, wire);
      }
      return { garbled, dropped };
    };
    const alone = hits({ garbleFrac: 0.05 });
    expect(alone.garbled.size).toBeGreaterThan(100);
    // Other faults on: the same lines are garbled, the same way, except those now dropped.
    const crowded = hits({ garbleFrac: 0.05, dropFrac: 0.05, nakBusyFrac: 0.3, inputDropFrac: 0.2, inputGarbleFrac: 0.2 });
    expect(crowded.dropped.size).toBeGreaterThan(100);
    expect([...crowded.garbled]).toEqual([...alone.garbled].filter(([seq]) => !crowded.dropped.has(seq)));
  });

  it('injects nothing and draws no randomness when all faults are off', () => {
    const { faults, counters } = injector({});
    expect(faults.outgoing('x*0000')).toBe('x*0000\n');
    expect(faults.incoming('y')).toBe('y');
    expect(faults.shouldNakBusy()).toBe(false);
    expect(faults.latencyBurstUntil(1_000_000)).toBe(null);
    expect(Object.values(counters).every((v) => v === 0)).toBe(true);
  });

  it('starts latency bursts as a Poisson process in device time', () => {
    const { faults, counters } = injector({ latencyBurstPerS: 2, latencyBurstMs: 150 });
    let until: number | null = null;
    for (let tUs = 0; tUs < 100_000_000; tUs += 1000) {
      const burst = faults.latencyBurstUntil(tUs);
      if (burst !== null) until = burst;
    }
    expect(counters.latencyBursts).toBeGreaterThan(160);
    expect(counters.latencyBursts).toBeLessThan(240);
    expect(until).not.toBe(null);
  });
});
