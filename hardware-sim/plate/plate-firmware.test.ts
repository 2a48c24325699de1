import { describe, it, expect } from 'vitest';
import { PLATE_FLAG } from '../spec-codec/plate-codec.ts';
import { PLATE_SCHEMA_HASH } from '../spec-codec/schema-hash.ts';
import { settle } from '../testing/host-probe.ts';
import { plateKit } from './plate-test-kit.ts';

const details = (r: { details: readonly (readonly [string, string])[] } | undefined): Record<string, string> =>
  Object.fromEntries(r?.details ?? []);

describe('PF-600 firmware: power-up and handshake', () => {
  it('sends BOOT as the first line after power-up, then %HB after 250 ms of silence', async () => {
    const { sim, host, advance } = await plateKit();
    await advance(600);
    expect(host.bad).toEqual({ overflow: 0, crc: 0, format: 0, range: 0, unknown: 0 });
    const [boot, hb1, hb2] = host.valid;
    expect(boot).toEqual({ seq: 0, message: { kind: 'event', tUs: 1000, name: 'BOOT', details: [['fw', '1.3.0']] } });
    expect(hb1).toEqual({ seq: 1, message: { kind: 'heartbeat', tUs: 251_000 } });
    expect(hb2).toEqual({ seq: 2, message: { kind: 'heartbeat', tUs: 501_000 } });
    await sim.close();
  });

  it('refuses every command before $HELLO with code 5', async () => {
    const { sim, command } = await plateKit();
    for (const [id, c] of [
      [2, { kind: 'status', id: 2 }],
      [3, { kind: 'rate', id: 3, rateHz: 500 }],
      [4, { kind: 'start', id: 4 }],
      [5, { kind: 'info', id: 5, page: 0 }],
    ] as const) {
      expect(await command(c)).toEqual([{ kind: 'nak', id, code: 5, details: [] }]);
    }
    expect(sim.state().firmware).toBe('idle');
    await sim.close();
  });

  it('refuses a wrong version or hash with code 6 and its own proto and hash', async () => {
    const { sim, command } = await plateKit();
    expect(await command({ kind: 'hello', id: 1, proto: 1, hash: '1A13' })).toEqual([
      { kind: 'nak', id: 1, code: 6, details: [['proto', '1'], ['hash', PLATE_SCHEMA_HASH]] },
    ]);
    expect(await command({ kind: 'hello', id: 2, proto: 2, hash: PLATE_SCHEMA_HASH })).toMatchObject([{ kind: 'nak', code: 6 }]);
    expect(sim.state().hasHandshake).toBe(false);
    await sim.close();
  });

  it('answers $HELLO with its identity on seq 0, and restarts seq there', async () => {
    const { sim, host, hello, command } = await plateKit({ serial: 'PF6-00042' });
    await hello(1);
    const ack = host.valid.find((v) => v.message.kind === 'ack');
    expect(ack?.seq).toBe(0);
    expect(details(host.replies(1)[0])).toEqual({ model: 'PF-600', serial: 'PF6-00042', fw: '1.3.0', proto: '1', hash: 'A571' });
    await command({ kind: 'status', id: 2 });
    expect(host.valid.at(-1)?.seq).toBe(1);
    await sim.close();
  });
});

describe('PF-600 firmware: commands', () => {
  it('serves the three $INFO pages and refuses page 3 with code 3', async () => {
    const { sim, hello, command } = await plateKit();
    await hello();
    expect(details((await command({ kind: 'info', id: 2, page: 0 }))[0])).toEqual({
      rateMinHz: '100', rateMaxHz: '2000', widthMm: '600.0', depthMm: '400.0', countsPerN: '5000', fsN: '1500',
    });
    expect(details((await command({ kind: 'info', id: 3, page: 1 }))[0])).toEqual({ c0Mm: '-270.0,170.0', c1Mm: '270.0,170.0' });
    expect(details((await command({ kind: 'info', id: 4, page: 2 }))[0])).toEqual({
      c2Mm: '270.0,-170.0', c3Mm: '-270.0,-170.0', last: '1',
    });
    expect(await command({ kind: 'info', id: 5, page: 3 })).toEqual([{ kind: 'nak', id: 5, code: 3, details: [] }]);
    await sim.close();
  });

  it('streams at t0 + floor(n·1e6/f) with RESYNC on the first sample only', async () => {
    const { sim, host, hello, command, advance } = await plateKit();
    await hello();
    expect(await command({ kind: 'rate', id: 2, rateHz: 300 })).toEqual([{ kind: 'ack', id: 2, details: [['hz', '300']] }]);
    host.clear();
    const startReplies = await command({ kind: 'start', id: 3 }, 0);
    expect(startReplies).toEqual([]);
    await advance(100);
    expect(host.replies(3)).toEqual([{ kind: 'ack', id: 3, details: [['hz', '300']] }]);
    const samples = host.ofKind('sample');
    expect(samples.length).toBeGreaterThan(25);
    const t0 = samples[0]?.message.tUs ?? 0;
    samples.forEach((s, n) => {
      expect(s.message.tUs).toBe(t0 + Math.floor((n * 1e6) / 300));
      expect(s.message.flags & PLATE_FLAG.resync).toBe(n === 0 ? PLATE_FLAG.resync : 0);
    });
    // The ACK precedes the first sample, and every line takes the next seq.
    const ackIndex = host.valid.findIndex((v) => v.message.kind === 'ack');
    expect(host.valid[ackIndex + 1]?.message.kind).toBe('sample');
    host.valid.forEach((v, i) => i > 0 && expect(v.seq).toBe((host.valid[i - 1]?.seq ?? 0) + 1));
    await sim.close();
  });

  it('treats a repeated $START as a no-op and refuses $RATE while streaming (code 4)', async () => {
    const { sim, host, hello, command, advance } = await plateKit();
    await hello();
    await command({ kind: 'start', id: 2 });
    const before = host.ofKind('sample').length;
    expect(await command({ kind: 'start', id: 3 })).toEqual([{ kind: 'ack', id: 3, details: [['hz', '1000']] }]);
    expect(await command({ kind: 'rate', id: 4, rateHz: 500 })).toEqual([{ kind: 'nak', id: 4, code: 4, details: [] }]);
    await advance(10);
    const samples = host.ofKind('sample');
    expect(samples.slice(before).every((s) => (s.message.flags & PLATE_FLAG.resync) === 0)).toBe(true);
    const t0 = samples[0]?.message.tUs ?? 0;
    samples.forEach((s, n) => expect(s.message.tUs).toBe(t0 + n * 1000));
    expect(sim.state().rateHz).toBe(1000);
    await sim.close();
  });

  it('stops on $STOP and on $HELLO, and reports $STATUS', async () => {
    const { sim, host, hello, command, advance } = await plateKit();
    await hello();
    await command({ kind: 'start', id: 2 });
    expect(details((await command({ kind: 'status', id: 3 }))[0])).toEqual({ state: 'STREAMING', hz: '1000', rxBad: '0', rxGap: '0' });
    expect(await command({ kind: 'stop', id: 4 })).toEqual([{ kind: 'ack', id: 4, details: [] }]);
    const count = host.ofKind('sample').length;
    await advance(50);
    expect(host.ofKind('sample').length).toBe(count);
    expect(details((await command({ kind: 'status', id: 5 }))[0])).toMatchObject({ state: 'IDLE' });
    await command({ kind: 'start', id: 6 });
    await hello(7);
    const afterHello = host.ofKind('sample').length;
    await advance(50);
    expect(host.ofKind('sample').length).toBe(afterHello);
    expect(sim.state().firmware).toBe('idle');
    await sim.close();
  });

  it('stops streaming after 2000 ms of host silence, and %HB takes over', async () => {
    const { sim, host, hello, command, advance } = await plateKit();
    await hello();
    await command({ kind: 'start', id: 2 }, 0);
    const startedAtUs = sim.nowUs();
    host.clear();
    await advance(2400);
    const samples = host.ofKind('sample');
    const lastUs = samples.at(-1)?.message.tUs ?? 0;
    expect(lastUs - startedAtUs).toBeGreaterThan(1_990_000);
    expect(lastUs - startedAtUs).toBeLessThanOrEqual(2_000_000);
    expect(sim.state().firmware).toBe('idle');
    expect(host.ofKind('heartbeat').map((h) => h.message.tUs)).toEqual([lastUs + 250_000]);
    await sim.close();
  });

  it('keeps streaming while the host sends %HB', async () => {
    const { sim, host, hello, command, advance } = await plateKit();
    await hello();
    await command({ kind: 'start', id: 2 });
    for (let i = 0; i < 6; i++) {
      host.send({ kind: 'heartbeat' });
      await advance(1000);
    }
    expect(sim.state().firmware).toBe('streaming');
    await sim.close();
  });
});

describe('PF-600 firmware: never twice, seq and counters', () => {
  it('replays the remembered reply for a retransmission, refuses a reused id (7), forgets on $HELLO', async () => {
    const { sim, host, hello, command } = await plateKit();
    await hello();
    expect(await command({ kind: 'rate', id: 3, rateHz: 500 })).toEqual([{ kind: 'ack', id: 3, details: [['hz', '500']] }]);
    await command({ kind: 'start', id: 4 });
    // Same id, same fields, new seq: not executed again (it would be refused with 4 now), replayed.
    expect(await command({ kind: 'rate', id: 3, rateHz: 500 })).toEqual([
      { kind: 'ack', id: 3, details: [['hz', '500']] },
      { kind: 'ack', id: 3, details: [['hz', '500']] },
    ]);
    const [first, second] = host.valid.filter((v) => v.message.kind === 'ack' && v.message.id === 3);
    expect(second?.seq).toBeGreaterThan(first?.seq ?? Infinity);
    // Same id, different fields: refused with 7 and not executed.
    expect((await command({ kind: 'rate', id: 3, rateHz: 600 })).at(-1)).toEqual({ kind: 'nak', id: 3, code: 7, details: [] });
    expect((await command({ kind: 'stop', id: 4 })).at(-1)).toEqual({ kind: 'nak', id: 4, code: 7, details: [] });
    expect(sim.state().firmware).toBe('streaming');
    await hello(9);
    expect((await command({ kind: 'rate', id: 3, rateHz: 600 })).at(-1)).toEqual({ kind: 'ack', id: 3, details: [['hz', '600']] });
    await sim.close();
  });

  it('remembers only 16 commands', async () => {
    const { sim, hello, command } = await plateKit();
    await hello();
    await command({ kind: 'rate', id: 2, rateHz: 200 });
    for (let id = 3; id <= 18; id++) await command({ kind: 'status', id });
    // Id 2 has fallen out of the memory: the command is executed again.
    await command({ kind: 'start', id: 19 });
    expect((await command({ kind: 'rate', id: 2, rateHz: 200 })).at(-1)).toEqual({ kind: 'nak', id: 2, code: 4, details: [] });
    await sim.close();
  });

  it('counts host seq gaps after the handshake and bad host lines by class', async () => {
    const { sim, host, hello, command } = await plateKit();
    host.setSeq(77); // before the handshake any seq is fine
    await hello();
    await command({ kind: 'status', id: 2 });
    host.setSeq(5); // 4 lines "lost"
    host.sendRaw('$STATUS 1 3*0000\n'); // bad CRC
    host.sendRaw(`${'x'.repeat(130)}\n`); // overflow
    host.sendRaw('$FLY 1 3*2042\n'); // well-formed, unknown type
    const reply = await command({ kind: 'status', id: 3 });
    const status = details(reply[0]);
    expect(status.rxGap).toBe('4');
    expect(Number(status.rxBad)).toBe(3);
    expect(sim.state().rxBadByClass).toMatchObject({ crc: 1, overflow: 1, unknown: 1 });
    await sim.close();
  });

  it('counts a host line more than 2^31 behind the expected seq as out of order, not a gap, and follows it', async () => {
    const { sim, host, hello, command } = await plateKit();
    await hello();
    host.setSeq(4_000_000_000); // a gap of 4 billion would be absurd: the host renumbered
    await command({ kind: 'status', id: 2 });
    expect(sim.state()).toMatchObject({ rxGap: 0, rxOutOfOrder: 1 });
    host.setSeq(2_000_000_000); // 2 billion behind: out of order once more, then followed
    await command({ kind: 'status', id: 3 });
    await command({ kind: 'status', id: 4 });
    expect(sim.state()).toMatchObject({ rxGap: 0, rxOutOfOrder: 2 });
    host.setSeq(host.nextSeq + 1); // one line missing after the followed seq: a gap of 1
    const status = details((await command({ kind: 'status', id: 5 }))[0]);
    expect(status.rxGap).toBe('1');
    expect(sim.state().rxOutOfOrder).toBe(2);
    await hello(9);
    expect(sim.state()).toMatchObject({ rxGap: 0, rxOutOfOrder: 0 });
    await sim.close();
  });

  it('flags DEVICE_OVERFLOW on the first sample after samples were discarded', async () => {
    const { sim, host, hello, command, advance } = await plateKit({ txCapacityBytes: 2048 });
    await hello();
    await command({ kind: 'rate', id: 2, rateHz: 2000 });
    await command({ kind: 'start', id: 3 });
    host.stream.pause(); // the host stops reading: buffers fill, the device must discard
    for (let i = 0; i < 6; i++) {
      host.send({ kind: 'heartbeat' });
      await advance(500);
    }
    host.stream.resume();
    await advance(100);
    await settle();
    const discarded = sim.faultCounters().overflowDiscards;
    expect(discarded).toBeGreaterThan(0);
    const samples = host.ofKind('sample');
    const flagged = samples.filter((s) => (s.message.flags & PLATE_FLAG.deviceOverflow) !== 0);
    expect(flagged.length).toBeGreaterThan(0);
    // Every discarded sample shows up as a time gap before a flagged sample, and nowhere else.
    let missing = 0;
    for (let i = 1; i < samples.length; i++) {
      const lost = Math.round(((samples[i]?.message.tUs ?? 0) - (samples[i - 1]?.message.tUs ?? 0)) * 2000 / 1e6) - 1;
      if (lost > 0) expect((samples[i]?.message.flags ?? 0) & PLATE_FLAG.deviceOverflow).toBe(PLATE_FLAG.deviceOverflow);
      missing += lost;
    }
    expect(missing).toBe(discarded);
    // No seq gap: discarded samples never got a seq (while it discarded, the plate sent %HB).
    const sinceHello = host.valid.slice(host.valid.findIndex((v) => v.message.kind === 'ack'));
    sinceHello.forEach((v, i) => expect(v.seq).toBe(i));
    expect(host.ofKind('heartbeat').length).toBeGreaterThan(0);
    await sim.close();
  });
});
