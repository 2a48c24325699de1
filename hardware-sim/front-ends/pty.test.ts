/**
 * The PTY front end for real: socat, a serial port opened by the test as the app would, valid
 * lines both ways, and unplug/replug (the path disappears and comes back at the same place).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { describe, it, expect } from 'vitest';
import { createPlateSim } from '../plate/plate-sim.ts';
import { decodePlateDeviceLine, encodePlateHostLine } from '../spec-codec/plate-codec.ts';
import type { PlateDeviceMessage, PlateHostMessage } from '../spec-codec/plate-codec.ts';
import { PLATE_SCHEMA_HASH } from '../spec-codec/schema-hash.ts';
import { HostProbe } from '../testing/host-probe.ts';
import { waitFor } from '../testing/wait-for.ts';
import { FrontEndRetiredError } from './front-end-host.ts';

const processes = (): string[] => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n');
/** A socat (or its guard) still running for `path`. */
const isSocatRunningFor = (path: string): boolean => processes().some((args) => args.includes(path));
/** socat processes themselves (not their guards) serving `path`. */
const socatsFor = (path: string): number => processes().filter((args) => /^\S*socat /.test(args) && args.includes(`link=${path}`)).length;

async function openPort(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 1_500_000, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  return port;
}

function probe(port: SerialPort): HostProbe<PlateHostMessage, PlateDeviceMessage> {
  return new HostProbe(port, { encodeHost: encodePlateHostLine, decodeDevice: decodePlateDeviceLine });
}

async function helloAndStart(host: HostProbe<PlateHostMessage, PlateDeviceMessage>, firstId: number): Promise<void> {
  host.send({ kind: 'command', command: { kind: 'hello', id: firstId, proto: 1, hash: PLATE_SCHEMA_HASH } });
  await waitFor(() => host.replies(firstId).length > 0, 3000, 'HELLO ACK');
  host.setSeq(0);
  host.send({ kind: 'command', command: { kind: 'start', id: firstId + 1 } });
  await waitFor(() => host.ofKind('sample').length >= 200, 3000, 'samples');
}

describe('PTY front end', () => {
  it('serves valid lines on a PTY, disappears on unplug and comes back at the same path on replug', async () => {
    const sim = createPlateSim({ seed: 3, subjectPresent: true });
    const endpoint = await sim.servePty();
    try {
      expect(existsSync(endpoint.path)).toBe(true);
      const port = await openPort(endpoint.path);
      const host = probe(port);
      await helloAndStart(host, 1);
      expect(host.bad).toEqual({ overflow: 0, crc: 0, format: 0, range: 0, unknown: 0 });
      expect(host.replies(1)[0]).toMatchObject({ kind: 'ack' });

      await sim.unplug();
      await waitFor(() => host.isClosed || !existsSync(endpoint.path), 3000, 'port gone');
      expect(existsSync(endpoint.path)).toBe(false);
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));

      await sim.replug();
      expect(existsSync(endpoint.path)).toBe(true);
      const again = probe(await openPort(endpoint.path));
      await helloAndStart(again, 10);
      // Device time ran on through the outage: the new samples are later than the old ones.
      const lastBefore = host.ofKind('sample').at(-1)?.message.tUs ?? Infinity;
      expect(again.ofKind('sample')[0]?.message.tUs ?? 0).toBeGreaterThan(lastBefore);
      await new Promise<void>((resolve) => (again.stream as SerialPort).close(() => resolve()));
    } finally {
      await endpoint.close();
      await sim.close();
    }
    expect(existsSync(endpoint.path)).toBe(false);
  });

  it('sim.close() while servePty() is still opening: the late PTY is closed at once, servePty rejects, no socat is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proprio-pty-test-'));
    try {
      const sim = createPlateSim({ seed: 3 });
      const pending = sim.servePty({ dir, name: 'late' }).catch((error: unknown) => error);
      await sim.close();
      expect(await pending).toBeInstanceOf(FrontEndRetiredError);
      expect(existsSync(join(dir, 'late'))).toBe(false);
      await waitFor(() => !isSocatRunningFor(join(dir, 'late')), 3000, 'socat to exit');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a second servePty() while the first is opening: the first is closed when it opens, the second serves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proprio-pty-test-'));
    const sim = createPlateSim({ seed: 3, subjectPresent: true });
    try {
      const first = sim.servePty({ dir, name: 'first' }).catch((error: unknown) => error);
      const second = await sim.servePty({ dir, name: 'second' });
      expect(await first).toBeInstanceOf(FrontEndRetiredError);
      await waitFor(() => !isSocatRunningFor(join(dir, 'first')), 3000, 'the first socat to exit');
      expect(existsSync(join(dir, 'first'))).toBe(false);
      // The late first one did not take the port: the second still talks to the device.
      const port = await openPort(second.path);
      const host = probe(port);
      await helloAndStart(host, 1);
      await new Promise<void>((resolve) => port.close(() => resolve()));
    } finally {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two concurrent replugs start one socat, and close() during a replug leaves none', async () => {
    const sim = createPlateSim({ seed: 3 });
    const endpoint = await sim.servePty();
    try {
      await sim.unplug();
      await Promise.all([sim.replug(), sim.replug()]);
      expect(existsSync(endpoint.path)).toBe(true);
      expect(socatsFor(endpoint.path)).toBe(1);
      await sim.unplug();
      const replugging = sim.replug();
      await sim.close();
      await replugging;
      await waitFor(() => !isSocatRunningFor(endpoint.path), 3000, 'socat to exit');
      expect(existsSync(endpoint.path)).toBe(false);
    } finally {
      await sim.close();
    }
  });
});
