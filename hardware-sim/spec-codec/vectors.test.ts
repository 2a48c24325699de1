/**
 * Golden vectors (docs/protocols/*.vectors.jsonl) through the simulator's own codec.
 * The simulator receives h2d lines (decode, classify errors) and sends d2h lines (encode exactly);
 * d2h lines are also decoded for the round trip and their errors classified. The vectors use a
 * neutral shape ({type, seq, fields}); the mapping to the codec's types lives only in this test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import type { Reply } from './link-messages.ts';
import type { Details } from './message-codec.ts';
import {
  decodePlateDeviceLine,
  decodePlateHostLine,
  encodePlateDeviceLine,
  encodePlateHostLine,
} from './plate-codec.ts';
import type { PlateDeviceMessage, PlateHostMessage } from './plate-codec.ts';
import {
  decodeTableDeviceLine,
  decodeTableHostLine,
  encodeTableDeviceLine,
  encodeTableHostLine,
} from './table-codec.ts';
import type { Region, TableDeviceMessage, TableHostMessage, TableStateKind } from './table-codec.ts';

type Neutral = { type: string; seq: number; fields: Record<string, unknown> };
type Vector =
  | { dir: 'd2h' | 'h2d'; line: string; msg: Neutral }
  | { dir: 'd2h' | 'h2d'; line: string; error: string };

function loadVectors(name: string): Vector[] {
  const path = fileURLToPath(new URL(`../../docs/protocols/${name}`, import.meta.url));
  return readFileSync(path, 'latin1')
    .split('\n')
    .filter((text) => text.trim().length > 0)
    .map((text) => JSON.parse(text) as Vector);
}

const kvObject = (details: Details): Record<string, string> => Object.fromEntries(details);
const kvPairs = (kv: unknown): Details => Object.entries(kv as Record<string, string>);
const num = (value: unknown): number => value as number;

// ---- neutral <-> codec mapping, shared shapes -------------------------------------------------
function replyToNeutral(m: Reply): Record<string, unknown> {
  return m.kind === 'ack' ? { id: m.id, kv: kvObject(m.details) } : { id: m.id, code: m.code, kv: kvObject(m.details) };
}

function replyFromNeutral(type: string, f: Record<string, unknown>): Reply | null {
  if (type === '+ACK') return { kind: 'ack', id: num(f.id), details: kvPairs(f.kv) };
  if (type === '-NAK') return { kind: 'nak', id: num(f.id), code: num(f.code), details: kvPairs(f.kv) };
  return null;
}

function hostToNeutral(seq: number, m: PlateHostMessage | TableHostMessage): Neutral {
  if (m.kind === 'heartbeat') return { type: '%HB', seq, fields: {} };
  const { kind, ...rest } = m.command;
  const fields: Record<string, unknown> = { ...rest };
  if ('rateHz' in fields) {
    fields.hz = fields.rateHz;
    delete fields.rateHz;
  }
  if ('region' in fields) fields.region = (fields.region as Region) === 'lumbar' ? 'L' : 'C';
  return { type: `$${kind.toUpperCase()}`, seq, fields };
}

// ---- plate ----------------------------------------------------------------------------------------
function plateDeviceToNeutral(seq: number, m: PlateDeviceMessage): Neutral {
  switch (m.kind) {
    case 'sample': {
      const [c0, c1, c2, c3] = m.counts;
      return { type: '#D', seq, fields: { tUs: m.tUs, c0, c1, c2, c3, flags: m.flags } };
    }
    case 'ack':
      return { type: '+ACK', seq, fields: replyToNeutral(m) };
    case 'nak':
      return { type: '-NAK', seq, fields: replyToNeutral(m) };
    case 'event':
      return { type: '!EV', seq, fields: { tUs: m.tUs, name: m.name, kv: kvObject(m.details) } };
    case 'heartbeat':
      return { type: '%HB', seq, fields: { tUs: m.tUs } };
  }
}

function plateDeviceFromNeutral(n: Neutral): PlateDeviceMessage {
  const f = n.fields;
  const reply = replyFromNeutral(n.type, f);
  if (reply !== null) return reply;
  if (n.type === '#D') {
    return { kind: 'sample', tUs: num(f.tUs), counts: [num(f.c0), num(f.c1), num(f.c2), num(f.c3)], flags: num(f.flags) };
  }
  if (n.type === '!EV') return { kind: 'event', tUs: num(f.tUs), name: String(f.name), details: kvPairs(f.kv) };
  return { kind: 'heartbeat', tUs: num(f.tUs) };
}

// ---- table ----------------------------------------------------------------------------------------
const STATE_TOKEN: Record<TableStateKind, string> = {
  idle: 'IDLE', armed: 'ARMED', run: 'RUN', pause: 'PAUSE', releasing: 'RELG', released: 'RELD', fault: 'FAULT',
};
const regionToken = (r: Region | null): string => (r === null ? '-' : r === 'lumbar' ? 'L' : 'C');

function tableDeviceToNeutral(seq: number, m: TableDeviceMessage): Neutral {
  switch (m.kind) {
    case 'telemetry': {
      const { kind: _kind, state, region, ...rest } = m;
      return { type: '#T', seq, fields: { ...rest, state: STATE_TOKEN[state], region: regionToken(region) } };
    }
    case 'ack':
      return { type: '+ACK', seq, fields: replyToNeutral(m) };
    case 'nak':
      return { type: '-NAK', seq, fields: replyToNeutral(m) };
    case 'event':
      return { type: '!EV', seq, fields: { tUs: m.tUs, name: m.name, kv: kvObject(m.details) } };
    case 'heartbeat':
      return { type: '%HB', seq, fields: { tUs: m.tUs } };
  }
}

function tableDeviceFromNeutral(n: Neutral): TableDeviceMessage {
  const f = n.fields;
  const reply = replyFromNeutral(n.type, f);
  if (reply !== null) return reply;
  if (n.type === '#T') {
    const state = (Object.keys(STATE_TOKEN) as TableStateKind[]).find((k) => STATE_TOKEN[k] === f.state);
    if (state === undefined) throw new Error(`vector state ${String(f.state)}`);
    const region = f.region === 'L' ? 'lumbar' : f.region === 'C' ? 'cervical' : null;
    return {
      kind: 'telemetry', tUs: num(f.tUs), state, measN: num(f.measN), setN: num(f.setN), posMm: num(f.posMm),
      velMmS: num(f.velMmS), flags: num(f.flags), region, limitN: num(f.limitN), fault: num(f.fault),
    };
  }
  if (n.type === '!EV') return { kind: 'event', tUs: num(f.tUs), name: String(f.name), details: kvPairs(f.kv) };
  return { kind: 'heartbeat', tUs: num(f.tUs) };
}

// ---- the checks -----------------------------------------------------------------------------------
interface DeviceCodec {
  file: string;
  decodeHost: (line: string) => { ok: true; value: { seq: number; message: PlateHostMessage | TableHostMessage } } | { ok: false; error: { kind: string } };
  encodeHost: (seq: number, line: string) => string | null;
  decodeDevice: (line: string) => { ok: true; value: Neutral } | { ok: false; error: { kind: string } };
  encodeDevice: (n: Neutral) => string;
}

const codecs: DeviceCodec[] = [
  {
    file: 'plate.vectors.jsonl',
    decodeHost: decodePlateHostLine,
    encodeHost: (seq, line) => {
      const d = decodePlateHostLine(line);
      return d.ok ? encodePlateHostLine(seq, d.value.message) : null;
    },
    decodeDevice: (line) => {
      const d = decodePlateDeviceLine(line);
      return d.ok ? { ok: true, value: plateDeviceToNeutral(d.value.seq, d.value.message) } : d;
    },
    encodeDevice: (n) => encodePlateDeviceLine(n.seq, plateDeviceFromNeutral(n)),
  },
  {
    file: 'table.vectors.jsonl',
    decodeHost: decodeTableHostLine,
    encodeHost: (seq, line) => {
      const d = decodeTableHostLine(line);
      return d.ok ? encodeTableHostLine(seq, d.value.message) : null;
    },
    decodeDevice: (line) => {
      const d = decodeTableDeviceLine(line);
      return d.ok ? { ok: true, value: tableDeviceToNeutral(d.value.seq, d.value.message) } : d;
    },
    encodeDevice: (n) => encodeTableDeviceLine(n.seq, tableDeviceFromNeutral(n)),
  },
];

for (const codec of codecs) {
  const vectors = loadVectors(codec.file);

  describe(`golden vectors: ${codec.file}`, () => {
    it('has vectors of every kind', () => {
      expect(vectors.filter((v) => v.dir === 'h2d' && 'msg' in v).length).toBeGreaterThan(5);
      expect(vectors.filter((v) => v.dir === 'h2d' && 'error' in v).length).toBeGreaterThan(5);
      expect(vectors.filter((v) => v.dir === 'd2h' && 'msg' in v).length).toBeGreaterThan(5);
      expect(vectors.filter((v) => v.dir === 'd2h' && 'error' in v).length).toBeGreaterThan(5);
    });

    for (const [index, v] of vectors.entries()) {
      const label = `#${index} ${v.dir} ${JSON.stringify(v.line).slice(0, 70)}`;
      if (v.dir === 'h2d' && 'msg' in v) {
        it(`decodes host line ${label}`, () => {
          const decoded = codec.decodeHost(v.line);
          expect(decoded.ok && hostToNeutral(decoded.value.seq, decoded.value.message)).toEqual(v.msg);
          // Re-encoding (used by tests that play the host) gives the same bytes back.
          expect(codec.encodeHost(v.msg.seq, v.line)).toBe(v.line);
        });
      } else if (v.dir === 'h2d' && 'error' in v) {
        it(`classifies bad host line ${label} as ${v.error}`, () => {
          const decoded = codec.decodeHost(v.line);
          expect(decoded.ok ? 'valid' : decoded.error.kind).toBe(v.error);
        });
      } else if ('msg' in v) {
        it(`encodes device line ${label}`, () => {
          expect(codec.encodeDevice(v.msg)).toBe(v.line);
          const decoded = codec.decodeDevice(v.line);
          expect(decoded.ok && decoded.value).toEqual(v.msg);
        });
      } else {
        it(`classifies bad device line ${label} as ${v.error}`, () => {
          const decoded = codec.decodeDevice(v.line);
          expect(decoded.ok ? 'valid' : decoded.error.kind).toBe(v.error);
        });
      }
    }
  });
}
