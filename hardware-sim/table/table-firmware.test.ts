/**
 * The DT-9 on the wire: telemetry, handshake, flags and link behaviour (table.md §3, §5, §7,
 * link.md §4–§5).
 */
import { describe, it, expect } from 'vitest';
import { TABLE_SCHEMA_HASH } from '../spec-codec/schema-hash.ts';
import { TABLE_FLAG } from '../spec-codec/table-codec.ts';
import { tableKit } from './table-test-kit.ts';

describe('DT-9 telemetry (§5)', () => {
  it('sends BOOT first, then #T every 20 ms from power-up without any host', async () => {
    const kit = await tableKit();
    kit.isFeedingWatchdog = false;
    await kit.advance(1000);
    expect(kit.host.valid[0]).toEqual({ seq: 0, message: { kind: 'event', tUs: 1000, name: 'BOOT', details: [['fw', '2.1.4']] } });
    const frames = kit.host.ofKind('telemetry');
    expect(frames.map((f) => f.message.tUs)).toEqual(Array.from({ length: 50 }, (_, i) => (i + 1) * 20_000));
    expect(frames[0]?.message).toMatchObject({ state: 'idle', setN: 0, posMm: 0, velMmS: 0, region: null, limitN: 0, fault: 0 });
    // Ready switch: A closed, B open; nothing else set before a host ever spoke.
    expect(frames[0]?.message.flags).toBe(TABLE_FLAG.switchA);
    expect(Math.abs(frames[0]?.message.measN ?? 99)).toBeLessThan(8); // untared offset and noise
    expect(kit.host.ofKind('heartbeat')).toEqual([]); // telemetry keeps the line busy
    await kit.sim.close();
  });

  it('reports HOST_OK, ZEROED, MOTOR_ON, the region and its limit while armed', async () => {
    const kit = await tableKit();
    await kit.armed({ region: 'cervical', selfTest: true });
    await kit.advance(40);
    const t = kit.host.ofKind('telemetry').at(-1)?.message;
    expect(t).toMatchObject({ state: 'armed', region: 'cervical', limitN: 266.9 });
    const expected = TABLE_FLAG.motorOn | TABLE_FLAG.switchA | TABLE_FLAG.hostOk | TABLE_FLAG.zeroed | TABLE_FLAG.switchTested;
    expect(t?.flags).toBe(expected);
    await kit.sim.close();
  });
});

describe('DT-9 link behaviour', () => {
  it('refuses commands before $HELLO with 5, except $RELEASE, which is never refused', async () => {
    const kit = await tableKit();
    expect(await kit.reply({ kind: 'arm', id: 1, region: 'lumbar' })).toEqual({ kind: 'nak', id: 1, code: 5, details: [] });
    expect(await kit.reply({ kind: 'status', id: 2 })).toMatchObject({ code: 5 });
    expect(await kit.reply({ kind: 'release', id: 3 })).toEqual({ kind: 'ack', id: 3, details: [] });
    await kit.sim.close();
  });

  it('answers $HELLO with its identity and keeps its physical state across a new handshake', async () => {
    const kit = await tableKit({ serial: 'DT9-00007' });
    await kit.armed();
    expect(Object.fromEntries(kit.host.ofKind('ack')[0]?.message.details ?? [])).toEqual({
      model: 'DT-9', serial: 'DT9-00007', fw: '2.1.4', proto: '1', hash: TABLE_SCHEMA_HASH,
    });
    await kit.reply({ kind: 'set', id: kit.nextId(), targetN: 100, rateNps: 40 });
    await kit.advance(3500);
    await kit.hello();
    await kit.advance(100);
    const s = kit.sim.state();
    expect(s.state).toBe('run');
    expect(s.region).toBe('lumbar');
    expect(s.measuredN).toBeGreaterThan(85);
    await kit.sim.close();
  });

  it('answers every command within 20 ms of its LF; a $RELEASE is answered within 1 ms even behind a queued command', async () => {
    const kit = await tableKit();
    await kit.armed();
    kit.host.clear();
    const sentAtUs = kit.sim.nowUs();
    kit.host.send({ kind: 'command', command: { kind: 'status', id: 500 } });
    kit.host.send({ kind: 'command', command: { kind: 'release', id: 501 } });
    // Step the device clock 0.5 ms at a time and note when each reply has reached the host.
    const answeredAfterUs = new Map<number, number>();
    while (answeredAfterUs.size < 2 && kit.sim.nowUs() - sentAtUs < 30_000) {
      kit.sim.advanceMs(0.5);
      await kit.advance(0);
      for (const id of [500, 501]) {
        if (!answeredAfterUs.has(id) && kit.host.replies(id).length > 0) answeredAfterUs.set(id, kit.sim.nowUs() - sentAtUs);
      }
    }
    expect(answeredAfterUs.get(501)).toBeLessThanOrEqual(1_000);
    expect(answeredAfterUs.get(500)).toBeLessThanOrEqual(20_000);
    // The command the host sent first is executed first (at the same instant): replies in order.
    expect(kit.host.valid.filter((v) => v.message.kind === 'ack').map((v) => (v.message as { id: number }).id)).toEqual([500, 501]);
    expect(kit.sim.state().state).not.toBe('armed');
    await kit.sim.close();
  });

  it('a $STOP is never overtaken by a $SET sent before it: the stop is the last word', async () => {
    const kit = await tableKit();
    await kit.armed();
    await kit.reply({ kind: 'set', id: kit.nextId(), targetN: 100, rateNps: 40 });
    await kit.advance(3500);
    kit.host.send({ kind: 'command', command: { kind: 'set', id: 700, targetN: 400, rateNps: 40 } });
    kit.host.send({ kind: 'command', command: { kind: 'stop', id: 701, rateNps: 40 } });
    await kit.advance(20);
    expect(kit.host.replies(700)).toEqual([{ kind: 'ack', id: 700, details: [] }]);
    expect(kit.host.replies(701)).toEqual([{ kind: 'ack', id: 701, details: [] }]);
    expect(kit.sim.state().control).toMatchObject({ kind: 'run', targetN: 15, isStopping: true });
    let maxSetN = 0;
    for (let ms = 0; ms < 4000; ms += 20) {
      await kit.advance(20);
      maxSetN = Math.max(maxSetN, kit.sim.state().setN);
    }
    expect(maxSetN).toBeLessThan(101);
    expect(kit.sim.state().state).toBe('armed');
    await kit.sim.close();
  });

  it('a $RELEASE wins over whatever the host sent before it ($RESET, $ARM back to back, then $RELEASE)', async () => {
    const kit = await tableKit();
    await kit.armed();
    await kit.reply({ kind: 'release', id: kit.nextId() });
    await kit.advance(500);
    expect(kit.sim.state().state).toBe('released');
    kit.host.send({ kind: 'command', command: { kind: 'reset', id: 800 } });
    kit.host.send({ kind: 'command', command: { kind: 'arm', id: 801, region: 'lumbar' } });
    kit.host.send({ kind: 'command', command: { kind: 'release', id: 802 } });
    await kit.advance(500);
    expect([800, 801, 802].map((id) => kit.host.replies(id)[0]?.kind)).toEqual(['ack', 'ack', 'ack']);
    expect(kit.sim.state()).toMatchObject({ state: 'released', isMotorOn: false, faultCode: 8 });
    await kit.sim.close();
  });

  it('a $RELEASE with a reused id still releases (never refused with 7); an exact repeat gets the same ACK', async () => {
    const kit = await tableKit();
    await kit.armed();
    await kit.reply({ kind: 'set', id: 40, targetN: 100, rateNps: 40 });
    await kit.advance(3000);
    expect(kit.sim.state().state).toBe('run');
    // Id 40 is remembered with other fields: any other command would get -NAK 7 here.
    const replies = await kit.command({ kind: 'release', id: 40 });
    expect(replies).toHaveLength(2); // the $SET's ACK and the $RELEASE's
    expect(replies[1]).toEqual({ kind: 'ack', id: 40, details: [] });
    expect(kit.sim.state().control).toMatchObject({ kind: 'releasing', reason: 8 });
    // A retransmission of that $RELEASE: the remembered ACK again, and the release goes on.
    expect((await kit.command({ kind: 'release', id: 40 })).slice(2)).toEqual([{ kind: 'ack', id: 40, details: [] }]);
    expect(kit.sim.state().state).toBe('releasing');
    await kit.sim.close();
  });

  it('a $HELLO whose id matches a remembered command is accepted, never refused with 7', async () => {
    const kit = await tableKit();
    await kit.hello();
    await kit.reply({ kind: 'status', id: 60 });
    kit.host.clear();
    const replies = await kit.command({ kind: 'hello', id: 60, proto: 1, hash: TABLE_SCHEMA_HASH });
    expect(replies).toEqual([{ kind: 'ack', id: 60, details: expect.arrayContaining([['model', 'DT-9']]) as unknown }]);
    expect(kit.host.valid.find((v) => v.message.kind === 'ack')?.seq).toBe(0);
    // And a retransmitted $HELLO is accepted again (it is never remembered).
    kit.host.setSeq(0);
    expect((await kit.command({ kind: 'hello', id: 60, proto: 1, hash: TABLE_SCHEMA_HASH })).at(-1)).toMatchObject({
      kind: 'ack', id: 60, details: expect.arrayContaining([['model', 'DT-9']]) as unknown,
    });
    await kit.sim.close();
  });

  it('counts bad host lines and seq gaps in $STATUS', async () => {
    const kit = await tableKit();
    await kit.hello();
    kit.host.sendRaw('$SET 4 5 450 40.0*0000\n');
    kit.host.sendRaw('$RATE 1 2 500*ABCD\n');
    kit.host.setSeq(kit.host.nextSeq + 3);
    const status = await kit.reply({ kind: 'status', id: 900 });
    const keys = Object.fromEntries(status.details);
    expect(keys.rxBad).toBe('2');
    expect(Number(keys.rxGap)).toBe(3);
    await kit.sim.close();
  });
});
