/**
 * Test kit for the table: a manual-clock simulator with an in-process host probe that keeps the
 * watchdog fed (a `%HB` every 100 ms, as link.md §6 asks) unless told otherwise.
 */
import { HostProbe, settle } from '../testing/host-probe.ts';
import type { Reply } from '../spec-codec/link-messages.ts';
import { TABLE_SCHEMA_HASH } from '../spec-codec/schema-hash.ts';
import { decodeTableDeviceLine, encodeTableHostLine } from '../spec-codec/table-codec.ts';
import type { TableCommand, TableDeviceMessage, TableHostMessage } from '../spec-codec/table-codec.ts';
import { createTableSim } from './table-sim.ts';
import type { TableSim, TableSimOptions } from './table-sim.ts';

export type TableProbe = HostProbe<TableHostMessage, TableDeviceMessage>;

export interface TableKit {
  readonly sim: TableSim;
  readonly host: TableProbe;
  /** Heartbeats every 100 ms of device time while advancing (default true). */
  isFeedingWatchdog: boolean;
  readonly advance: (ms: number) => Promise<void>;
  /** Sends a command and advances `ms` (default 25) so it is answered; returns its replies. */
  readonly command: (command: TableCommand, ms?: number) => Promise<Reply[]>;
  /** The one reply to a new command (throws unless exactly one). */
  readonly reply: (command: TableCommand, ms?: number) => Promise<Reply>;
  readonly hello: () => Promise<void>;
  /** Handshake, tare, arm lumbar (or `region`), and optionally pass the switch self-test. */
  readonly armed: (options?: { region?: 'lumbar' | 'cervical'; selfTest?: boolean }) => Promise<void>;
  readonly nextId: () => number;
}

/** `!EV` lines of one name the host received. */
export function wireEvents(kit: TableKit, name: string) {
  return kit.host.ofKind('event').filter((e) => e.message.name === name).map((e) => e.message);
}

/** `$SET` (must be accepted), then advances until the ramp is done and settled (within 10 N). */
export async function rampTo(kit: TableKit, targetN: number, rateNps = 44.5): Promise<void> {
  const reply = await kit.reply({ kind: 'set', id: kit.nextId(), targetN, rateNps });
  if (reply.kind !== 'ack') throw new Error(`$SET ${targetN} refused: ${JSON.stringify(reply)}`);
  await kit.advance(Math.ceil((targetN / rateNps) * 1000) + 1500);
  const measuredN = kit.sim.state().measuredN;
  if (Math.abs(measuredN - targetN) >= 10) throw new Error(`ramp to ${targetN} N ended at ${measuredN} N`);
}

/** Advances in 10 ms steps until the table is released, or `maxMs` has passed. */
export async function untilReleased(kit: TableKit, maxMs: number): Promise<void> {
  for (let ms = 0; ms < maxMs && kit.sim.state().state !== 'released'; ms += 10) await kit.advance(10);
}

export async function tableKit(options: TableSimOptions = {}): Promise<TableKit> {
  const sim = createTableSim({ clock: 'manual', ...options });
  const host: TableProbe = new HostProbe(sim.connectInProcess(), {
    encodeHost: encodeTableHostLine,
    decodeDevice: decodeTableDeviceLine,
  });
  let id = 100;
  let msSinceHeartbeat = 0;
  const kit: TableKit = {
    sim,
    host,
    isFeedingWatchdog: true,
    advance: async (ms) => {
      await settle();
      for (let left = ms; left > 0; ) {
        const step = Math.min(10, left);
        sim.advanceMs(step);
        left -= step;
        msSinceHeartbeat += step;
        if (kit.isFeedingWatchdog && msSinceHeartbeat >= 100) {
          msSinceHeartbeat = 0;
          host.send({ kind: 'heartbeat' });
        }
        await settle();
      }
    },
    command: async (command, ms = 25) => {
      host.send({ kind: 'command', command });
      await kit.advance(ms);
      return host.replies(command.id);
    },
    reply: async (command, ms = 25) => {
      const replies = await kit.command(command, ms);
      if (replies.length !== 1) throw new Error(`expected one reply to ${command.kind}, got ${JSON.stringify(replies)}`);
      return replies[0] as Reply;
    },
    hello: async () => {
      await kit.command({ kind: 'hello', id: kit.nextId(), proto: 1, hash: TABLE_SCHEMA_HASH });
      host.setSeq(0);
    },
    armed: async (o = {}) => {
      await kit.hello();
      await kit.command({ kind: 'zero', id: kit.nextId() });
      const reply = await kit.reply({ kind: 'arm', id: kit.nextId(), region: o.region ?? 'lumbar' });
      if (reply.kind !== 'ack') throw new Error(`arm refused: ${JSON.stringify(reply)}`);
      if (o.selfTest === true) {
        sim.pressSwitch();
        await kit.advance(30);
        sim.releaseSwitch();
        await kit.advance(30);
      }
    },
    nextId: () => ++id,
  };
  return kit;
}
