/**
 * The link life cycle against a scripted fake table over an in-memory stream, on a manual clock:
 * handshake sequencing, stale lines, busy devices, contained listener errors, back-off, stop/start.
 */
import type { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { duplexPair } from '../../test/support/duplex-pair.ts';
import { ManualTimers } from '../../test/support/manual-timers.ts';
import { sealLine } from '../codecs/line/crc16.ts';
import { TABLE_SCHEMA_HASH } from '../codecs/table/table-codec.ts';
import { duplexTransport } from '../transport/duplex-transport.ts';
import type { TransportFactory } from '../transport/transport.ts';
import { TableDriver } from './table-driver.ts';

const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

const INFO_PAGES = [
  'lumbarLimitN=980.7 cervicalLimitN=266.9 lumbarRateNps=44.5 cervicalRateNps=11.1',
  'lumbarReleaseNps=245.0 cervicalReleaseNps=66.7 watchdogMs=500 telemetryHz=50',
  'floorN=15.0 strokeMm=89.0 fsN=1500 last=1',
];
const telemetry = (seq: number): string => sealLine(`#T ${seq} ${1000 + seq} IDLE 0.0 0.0 0.0 0.0 0082 - 0.0 0`);

interface FakeOptions {
  readonly leftover?: string;
  readonly afterHelloAck?: ((seq: number) => string)[];
}

/** A DT-9 that answers per link.md; `busy` commands get `-NAK … 8` forever. */
class FakeTable {
  seq = 0;
  readonly received: string[] = [];
  busy = new Set<string>();
  /** Lines written right after the HELLO ACK, in the same chunk. */
  private readonly afterHelloAck: readonly ((seq: number) => string)[];

  constructor(
    private readonly end: Duplex,
    options: FakeOptions,
  ) {
    this.afterHelloAck = options.afterHelloAck ?? [];
    // What a PTY still holds from before the host opened it.
    if (options.leftover !== undefined) end.write(options.leftover);
    let buffer = '';
    end.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let lf;
      while ((lf = buffer.indexOf('\n')) >= 0) {
        this.onLine(buffer.slice(0, lf));
        buffer = buffer.slice(lf + 1);
      }
    });
  }

  send(text: string): void {
    this.end.write(text);
  }

  private onLine(line: string): void {
    this.received.push(line);
    const [type, , id, arg] = line.replace(/\*[0-9A-F]{4}$/, '').split(' ');
    if (type === undefined || !type.startsWith('$') || id === undefined) return;
    if (this.busy.has(type)) {
      this.send(sealLine(`-NAK ${this.seq++} ${id} 8`));
      return;
    }
    if (type === '$HELLO') {
      this.seq = 0;
      let out = sealLine(`+ACK ${this.seq++} ${id} model=DT-9 serial=DT9-00001 fw=2.1.4 proto=1 hash=${TABLE_SCHEMA_HASH}`);
      for (const line of this.afterHelloAck) out += line(this.seq++);
      this.send(out);
    } else if (type === '$INFO') this.send(sealLine(`+ACK ${this.seq++} ${id} ${INFO_PAGES[Number(arg)] ?? ''}`));
    else this.send(sealLine(`+ACK ${this.seq++} ${id}`));
  }
}

function rig(options: FakeOptions = {}): { driver: TableDriver; timers: ManualTimers; table: () => FakeTable; opens: () => number } {
  const timers = new ManualTimers();
  let table: FakeTable | undefined;
  let opens = 0;
  const transport: TransportFactory = duplexTransport('fake:table', () => {
    const [host, device] = duplexPair();
    table = new FakeTable(device, options);
    opens++;
    return host;
  });
  const driver = new TableDriver({ transport, timers });
  return {
    driver,
    timers,
    table: () => {
      if (table === undefined) throw new Error('not connected yet');
      return table;
    },
    opens: () => opens,
  };
}

describe('DeviceDriver life cycle (TableDriver on a fake table)', () => {
  it('restarts sequence numbering at the HELLO ACK even when telemetry follows in the same chunk', async () => {
    const r = rig({ afterHelloAck: [telemetry] });
    const frames: number[] = [];
    r.driver.events.on('telemetry', (t) => frames.push(t.seq));
    r.driver.start();
    for (let i = 0; i < 6; i++) await settle();
    expect(r.driver.state.kind).toBe('ready');
    r.table().send(telemetry(r.table().seq++));
    await settle();
    expect(frames).toEqual([1, 5]);
    const stats = r.driver.linkStats();
    expect(stats.seqGaps).toBe(0);
    expect(stats.staleLines).toBe(0);
    await r.driver.stop();
  });

  it('drops lines left over from before the handshake as stale, without counting their numbers as gaps', async () => {
    const r = rig({ leftover: telemetry(900) + sealLine('!EV 901 5000 WDOG silentMs=500') });
    const events: string[] = [];
    r.driver.events.on('deviceEvent', (e) => events.push(e.name));
    r.driver.start();
    for (let i = 0; i < 6; i++) await settle();
    expect(r.driver.state.kind).toBe('ready');
    const stats = r.driver.linkStats();
    expect(stats.staleLines).toBe(2);
    expect(stats.seqGaps + stats.seqRewinds).toBe(0);
    expect(events).toEqual([]);
    expect(r.driver.lastTelemetry).toBeUndefined();
    await r.driver.stop();
  });

  it('counts and ignores events the spec does not list', async () => {
    const r = rig();
    const events: string[] = [];
    r.driver.events.on('deviceEvent', (e) => events.push(e.name));
    r.driver.start();
    for (let i = 0; i < 6; i++) await settle();
    const t = r.table();
    t.send(sealLine(`!EV ${t.seq++} 6000 FROBNICATE`) + sealLine(`!EV ${t.seq++} 6001 PSW`));
    await settle();
    expect(events).toEqual(['PSW']);
    expect(r.driver.linkStats().unknownEvents).toBe(1);
    await r.driver.stop();
  });

  it('keeps the link when a listener throws, and counts the error', async () => {
    const r = rig();
    r.driver.events.on('telemetry', () => {
      throw new Error('consumer bug');
    });
    const seen: number[] = [];
    r.driver.events.on('deviceEvent', (e) => seen.push(e.tUs));
    r.driver.start();
    for (let i = 0; i < 6; i++) await settle();
    const t = r.table();
    t.send(telemetry(t.seq++) + sealLine(`!EV ${t.seq++} 7000 PSW`));
    await settle();
    expect(seen).toEqual([7000]);
    expect(r.driver.state.kind).toBe('ready');
    expect(r.driver.linkStats().listenerErrors).toBe(1);
    expect(r.driver.linkStats().lastListenerError).toMatch(/consumer bug/);
    await r.driver.stop();
  });

  it('settles a command answered busy on every attempt as a busy NAK, and keeps the link', async () => {
    const r = rig();
    r.driver.start();
    for (let i = 0; i < 6; i++) await settle();
    r.table().busy.add('$ZERO');
    const result = r.driver.zero();
    await settle();
    r.timers.advance(100);
    await settle();
    r.timers.advance(100);
    await settle();
    r.timers.advance(100);
    expect(await result).toEqual({ ok: false, error: { kind: 'nak', code: 8, name: 'busy', detail: {} } });
    expect(r.driver.state.kind).toBe('ready');
    expect(r.driver.linkStats().timeouts).toBe(0);
    await r.driver.stop();
  });

  it('refuses arguments the wire cannot carry without sending anything', async () => {
    const r = rig();
    r.driver.start();
    for (let i = 0; i < 6; i++) await settle();
    const before = r.table().received.length;
    expect(await r.driver.setTension(Number.NaN, 10)).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
    expect(await r.driver.setTension(1e21, 10)).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
    expect(await r.driver.stopProgram(0)).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
    await settle();
    expect(r.table().received.slice(before).filter((line) => line.startsWith('$'))).toEqual([]);
    await r.driver.stop();
  });

  it('backs off 100, 200, 400, 800 then 1000 ms while the port cannot be opened, and stops at once', async () => {
    const timers = new ManualTimers();
    const delays: number[] = [];
    const driver = new TableDriver({ transport: { description: 'gone', open: () => Promise.resolve({ ok: false, error: { code: 'not-found', message: 'no such port' } }) }, timers });
    driver.events.on('state', (s) => s.kind === 'waiting' && delays.push(s.retryInMs));
    driver.start();
    for (let i = 0; i < 6; i++) {
      await settle();
      timers.advance(1000);
    }
    await settle();
    expect(delays.slice(0, 6)).toEqual([100, 200, 400, 800, 1000, 1000]);
    await driver.stop();
    expect(driver.state.kind).toBe('stopped');
  });

  it('starts again when start() follows stop() without waiting for it', async () => {
    const r = rig();
    r.driver.start();
    for (let i = 0; i < 6; i++) await settle();
    void r.driver.stop();
    r.driver.start();
    for (let i = 0; i < 10; i++) await settle();
    expect(r.driver.state.kind).toBe('ready');
    expect(r.opens()).toBe(2);
    await r.driver.stop();
  });
});
