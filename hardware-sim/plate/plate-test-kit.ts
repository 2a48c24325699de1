/**
 * Test kit for the plate: a manual-clock simulator with an in-process host probe, and helpers to
 * run a command to its reply. Used by the plate tests only.
 */
import { HostProbe, settle } from '../testing/host-probe.ts';
import { decodePlateDeviceLine, encodePlateHostLine } from '../spec-codec/plate-codec.ts';
import type { PlateCommand, PlateDeviceMessage, PlateHostMessage } from '../spec-codec/plate-codec.ts';
import type { Reply } from '../spec-codec/link-messages.ts';
import { PLATE_SCHEMA_HASH } from '../spec-codec/schema-hash.ts';
import { createPlateSim } from './plate-sim.ts';
import type { PlateSim, PlateSimOptions } from './plate-sim.ts';

export type PlateProbe = HostProbe<PlateHostMessage, PlateDeviceMessage>;

export interface PlateKit {
  readonly sim: PlateSim;
  readonly host: PlateProbe;
  /** Sends a command, lets the device answer (advancing device time by `ms`), returns its replies. */
  readonly command: (command: PlateCommand, ms?: number) => Promise<Reply[]>;
  readonly advance: (ms: number) => Promise<void>;
  readonly hello: (id?: number) => Promise<Reply[]>;
}

export async function plateKit(options: PlateSimOptions = {}): Promise<PlateKit> {
  const sim = createPlateSim({ clock: 'manual', ...options });
  const host: PlateProbe = new HostProbe(sim.connectInProcess(), {
    encodeHost: encodePlateHostLine,
    decodeDevice: decodePlateDeviceLine,
  });
  // Advance in 20 ms steps and let the stream deliver in between, as a host reading continuously
  // would; one huge step would look like a host that stopped reading (and overflow the device).
  const advance = async (ms: number): Promise<void> => {
    await settle();
    for (let left = ms; left > 0; left -= 20) {
      sim.advanceMs(Math.min(20, left));
      await settle();
    }
  };
  const command = async (c: PlateCommand, ms = 25): Promise<Reply[]> => {
    host.send({ kind: 'command', command: c });
    await advance(ms);
    return host.replies(c.id);
  };
  return {
    sim,
    host,
    command,
    advance,
    hello: async (id = 1) => {
      const replies = await command({ kind: 'hello', id, proto: 1, hash: PLATE_SCHEMA_HASH });
      host.setSeq(0); // link.md §5.3: the host's next line after the handshake carries seq 0
      return replies;
    },
  };
}
