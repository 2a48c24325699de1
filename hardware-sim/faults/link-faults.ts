/**
 * Seeded fault injection on the line streams of one device.
 *
 * Output (device → host), decided per line when it is sent: dropped, garbled (ONE byte of the
 * line before its LF replaced by a different printable byte, so the line is always detectably bad
 * by its CRC — CRC-16 catches every single-byte change — and lines never merge), or given a wrong
 * CRC; independently, a burst of 1–40 garbage bytes with its own LF may precede it (the garbage
 * holds no `*` and no LF, so the receiver classifies it as one `crc` line and the next line is
 * untouched); latency bursts hold the output for `latencyBurstMs` and then flush it at once.
 * Input (host → device): host lines dropped or garbled before the device's decoder sees them.
 * NAKs: a fraction of commands is answered busy (link.md §4.3 code 8).
 * Every fault draws from its own stream, derived by name from the injector's, and draws for every
 * line whatever the other faults do, so enabling one fault never changes which lines another hits
 * (the same seed reproduces a garble pattern with or without drops). A line hit by several output
 * faults is dropped, else garbled, else given a bad CRC (a host line: dropped, else garbled).
 * Every action is counted in `FaultCounters`.
 */
import type { Prng } from '../random/prng.ts';
import { crc16OfText, formatCrc } from '../spec-codec/crc16.ts';
import type { FaultCounters } from './fault-counters.ts';

export interface LinkFaults {
  /** Fraction of device lines garbled (0–1). */
  readonly garbleFrac: number;
  /** Fraction of device lines sent with a wrong CRC. */
  readonly badCrcFrac: number;
  /** Fraction of device lines dropped. */
  readonly dropFrac: number;
  /** Probability, per device line, of a garbage burst before it. */
  readonly garbageFrac: number;
  /** Mean number of latency bursts per second of device time. */
  readonly latencyBurstPerS: number;
  /** How long each latency burst holds the output back. */
  readonly latencyBurstMs: number;
  /** Fraction of commands answered `-NAK … 8` (busy). */
  readonly nakBusyFrac: number;
  /** Fraction of host lines garbled on their way in. */
  readonly inputGarbleFrac: number;
  /** Fraction of host lines dropped on their way in. */
  readonly inputDropFrac: number;
}

export const NO_LINK_FAULTS: LinkFaults = {
  garbleFrac: 0,
  badCrcFrac: 0,
  dropFrac: 0,
  garbageFrac: 0,
  latencyBurstPerS: 0,
  latencyBurstMs: 200,
  nakBusyFrac: 0,
  inputGarbleFrac: 0,
  inputDropFrac: 0,
};

/** The link-fault part of a device's fault settings. */
export function pickLinkFaults(f: LinkFaults): LinkFaults {
  return {
    garbleFrac: f.garbleFrac,
    badCrcFrac: f.badCrcFrac,
    dropFrac: f.dropFrac,
    garbageFrac: f.garbageFrac,
    latencyBurstPerS: f.latencyBurstPerS,
    latencyBurstMs: f.latencyBurstMs,
    nakBusyFrac: f.nakBusyFrac,
    inputGarbleFrac: f.inputGarbleFrac,
    inputDropFrac: f.inputDropFrac,
  };
}

const LF = '\n';

interface FaultStreams {
  readonly garbage: Prng;
  readonly drop: Prng;
  readonly garble: Prng;
  readonly badCrc: Prng;
  readonly latency: Prng;
  readonly nak: Prng;
  readonly inputDrop: Prng;
  readonly inputGarble: Prng;
}

export class LinkFaultInjector {
  settings: LinkFaults = NO_LINK_FAULTS;
  private lastBurstCheckUs = 0;
  private readonly streams: FaultStreams;

  constructor(
    prng: Prng,
    private readonly counters: FaultCounters,
  ) {
    this.streams = {
      garbage: prng.derive('garbage'),
      drop: prng.derive('drop'),
      garble: prng.derive('garble'),
      badCrc: prng.derive('bad-crc'),
      latency: prng.derive('latency'),
      nak: prng.derive('nak'),
      inputDrop: prng.derive('input-drop'),
      inputGarble: prng.derive('input-garble'),
    };
  }

  /** The wire text (LF-terminated, possibly with a garbage line first) for one device line, or null if dropped. */
  outgoing(line: string): string | null {
    const s = this.settings;
    const r = this.streams;
    let prefix = '';
    if (r.garbage.chance(s.garbageFrac)) {
      this.counters.garbageBursts++;
      prefix = this.garbage() + LF;
    }
    // Every fault decides (and draws what it needs) on its own stream before any is applied.
    const isDropped = r.drop.chance(s.dropFrac);
    const garbled = r.garble.chance(s.garbleFrac) ? this.garble(line, r.garble) : null;
    const badCrc = r.badCrc.chance(s.badCrcFrac) ? this.withBadCrc(line) : null;
    if (isDropped) {
      this.counters.dropped++;
      return prefix.length > 0 ? prefix : null;
    }
    if (garbled !== null) {
      this.counters.garbled++;
      return prefix + garbled + LF;
    }
    if (badCrc !== null) {
      this.counters.badCrc++;
      return prefix + badCrc + LF;
    }
    return prefix + line + LF;
  }

  /** A host line after input faults, or null if it is lost. */
  incoming(line: string): string | null {
    const s = this.settings;
    const r = this.streams;
    const isDropped = r.inputDrop.chance(s.inputDropFrac);
    const garbled = r.inputGarble.chance(s.inputGarbleFrac) && line.length > 0 ? this.garble(line, r.inputGarble) : null;
    if (isDropped) {
      this.counters.inputDropped++;
      return null;
    }
    if (garbled !== null) {
      this.counters.inputGarbled++;
      return garbled;
    }
    return line;
  }

  /** Whether to answer this command busy instead of executing it. */
  shouldNakBusy(): boolean {
    if (!this.streams.nak.chance(this.settings.nakBusyFrac)) return false;
    this.counters.naks++;
    return true;
  }

  /**
   * Device time until which output is held, when a latency burst starts now; null otherwise.
   * Bursts form a Poisson process of `latencyBurstPerS` in device time.
   */
  latencyBurstUntil(nowUs: number): number | null {
    const elapsedS = (nowUs - this.lastBurstCheckUs) / 1e6;
    this.lastBurstCheckUs = nowUs;
    const rate = this.settings.latencyBurstPerS;
    if (rate <= 0 || elapsedS <= 0) return null;
    if (!this.streams.latency.chance(1 - Math.exp(-rate * elapsedS))) return null;
    this.counters.latencyBursts++;
    return nowUs + Math.round(this.settings.latencyBurstMs * 1000);
  }

  /** Replaces one byte with a different printable byte (0x20–0x7E), drawing from `prng`. */
  private garble(line: string, prng: Prng): string {
    const at = prng.nextInt(line.length);
    const original = line.charCodeAt(at);
    let replacement = 0x20 + prng.nextInt(94); // 95 printable bytes, minus the original
    if (replacement >= original && original >= 0x20 && original <= 0x7e) replacement++;
    return line.slice(0, at) + String.fromCharCode(replacement) + line.slice(at + 1);
  }

  private withBadCrc(line: string): string {
    const star = line.lastIndexOf('*');
    const good = crc16OfText(line, 0, star);
    const bad = good ^ (1 + this.streams.badCrc.nextInt(0xffff));
    return `${line.slice(0, star + 1)}${formatCrc(bad)}`;
  }

  private garbage(): string {
    const garbage = this.streams.garbage;
    const length = 1 + garbage.nextInt(40);
    let text = '';
    while (text.length < length) {
      const byte = garbage.nextInt(256);
      if (byte !== 0x0a && byte !== 0x2a) text += String.fromCharCode(byte);
    }
    return text;
  }
}
