/**
 * The host codecs (native-bridge) against every golden vector: device lines decode to the
 * vector's message or bad-line class, and host commands encode to the vector's exact bytes.
 */
import { describe, expect, it } from 'vitest';
import {
  PLATE_SCHEMA_HASH,
  TABLE_SCHEMA_HASH,
  decodePlateLine,
  decodeTableLine,
  encodePlateCommand,
  encodeTableCommand,
  encodeHostHeartbeat,
  type PlateCommand,
  type PlateLine,
  type TableCommand,
  type TableLine,
} from '../../native-bridge/index.ts';
import { loadVectors, type NeutralMessage } from '../support/vectors.ts';

type Neutral = NeutralMessage | { readonly error: string };

function neutralOf(decoded: PlateLine | TableLine, sample: NeutralMessage | undefined): Neutral {
  switch (decoded.kind) {
    case 'sample':
      if (sample === undefined) throw new Error('sample decoded without reaching the sink');
      return sample;
    case 'bad':
      return { error: decoded.error };
    case 'ack':
      return { type: '+ACK', seq: decoded.seq, fields: { id: decoded.id, kv: decoded.detail } };
    case 'nak':
      return { type: '-NAK', seq: decoded.seq, fields: { id: decoded.id, code: decoded.code, kv: decoded.detail } };
    case 'event':
      return { type: '!EV', seq: decoded.seq, fields: { tUs: decoded.tUs, name: decoded.name, kv: decoded.detail } };
    case 'heartbeat':
      return { type: '%HB', seq: decoded.seq, fields: { tUs: decoded.tUs } };
    case 'telemetry':
      return {
        type: '#T',
        seq: decoded.seq,
        fields: {
          tUs: decoded.tUs,
          state: decoded.state,
          measN: decoded.measuredN,
          setN: decoded.setpointN,
          posMm: decoded.positionMm,
          velMmS: decoded.velocityMmS,
          flags: decoded.flags,
          region: decoded.region === 'lumbar' ? 'L' : decoded.region === 'cervical' ? 'C' : '-',
          limitN: decoded.limitN,
          fault: decoded.fault,
        },
      };
  }
}

function decodePlateNeutral(line: string): Neutral {
  let sample: NeutralMessage | undefined;
  const decoded = decodePlateLine(Buffer.from(line, 'latin1'), {
    pushSample(seq, tUs, c0, c1, c2, c3, flags) {
      sample = { type: '#D', seq, fields: { tUs, c0, c1, c2, c3, flags } };
    },
  });
  return neutralOf(decoded, sample);
}

/** Reads a field of a vector's message, which the vector file guarantees to be present. */
function fieldsOf(msg: NeutralMessage): (key: string) => number & string {
  return (key) => {
    const value = msg.fields[key];
    if (value === undefined) throw new Error(`vector ${msg.type} lacks field ${key}`);
    return value as number & string;
  };
}

function plateCommandOf(msg: NeutralMessage): PlateCommand {
  const f = fieldsOf(msg);
  switch (msg.type) {
    case '$HELLO':
      return { kind: 'hello', proto: f('proto'), hash: f('hash') };
    case '$INFO':
      return { kind: 'info', page: f('page') };
    case '$RATE':
      return { kind: 'rate', hz: f('hz') };
    case '$START':
      return { kind: 'start' };
    case '$STOP':
      return { kind: 'stop' };
    case '$STATUS':
      return { kind: 'status' };
    default:
      throw new Error(`no plate command for ${msg.type}`);
  }
}

function tableCommandOf(msg: NeutralMessage): TableCommand {
  const f = fieldsOf(msg);
  switch (msg.type) {
    case '$HELLO':
      return { kind: 'hello', proto: f('proto'), hash: f('hash') };
    case '$INFO':
      return { kind: 'info', page: f('page') };
    case '$ZERO':
      return { kind: 'zero' };
    case '$ARM':
      return { kind: 'arm', region: f('region') === 'L' ? 'lumbar' : 'cervical' };
    case '$DISARM':
      return { kind: 'disarm' };
    case '$SET':
      return { kind: 'set', targetN: f('targetN'), rateNps: f('rateNps') };
    case '$PAUSE':
      return { kind: 'pause' };
    case '$STOP':
      return { kind: 'stop', rateNps: f('rateNps') };
    case '$RELEASE':
      return { kind: 'release' };
    case '$RESET':
      return { kind: 'reset' };
    case '$STATUS':
      return { kind: 'status' };
    case '$SVC':
      return { kind: 'service', isOn: f('on') === 1 };
    case '$CAL':
      // The encoder computes the CRC itself; the vector's line carries the reference one.
      return { kind: 'writeCoefficients', offsetN: f('offsetN'), span: f('span') };
    case '$CALGET':
      return { kind: 'readCoefficients' };
    case '$CALUSE':
      return { kind: 'useCoefficients', crc: f('crc') };
    default:
      throw new Error(`no table command for ${msg.type}`);
  }
}

const devices = [
  {
    name: 'plate',
    hash: PLATE_SCHEMA_HASH,
    decode: decodePlateNeutral,
    encode: (msg: NeutralMessage): string =>
      msg.type === '%HB' ? encodeHostHeartbeat(msg.seq) : encodePlateCommand(plateCommandOf(msg), msg.seq, msg.fields['id'] as number),
  },
  {
    name: 'table',
    hash: TABLE_SCHEMA_HASH,
    decode: (line: string): Neutral => neutralOf(decodeTableLine(Buffer.from(line, 'latin1')), undefined),
    encode: (msg: NeutralMessage): string =>
      msg.type === '%HB' ? encodeHostHeartbeat(msg.seq) : encodeTableCommand(tableCommandOf(msg), msg.seq, msg.fields['id'] as number),
  },
] as const;

describe.each(devices)('host $name codec against the golden vectors', ({ name, hash, decode, encode }) => {
  const vectors = loadVectors(name);

  it('has a schema hash equal to the one in the vectors', () => {
    const hello = vectors.find((v) => v.msg?.type === '$HELLO');
    expect(hello?.msg?.fields['hash']).toBe(hash);
  });

  it.each(vectors.filter((v) => v.dir === 'd2h').map((v) => [v.line, v] as const))('decodes %j', (_line, vector) => {
    expect(decode(vector.line)).toEqual(vector.error === undefined ? vector.msg : { error: vector.error });
  });

  it.each(
    vectors.filter((v) => v.dir === 'h2d' && v.msg !== undefined).map((v) => [v.line, v] as const),
  )('encodes %j', (_line, vector) => {
    if (vector.msg === undefined) throw new Error('unreachable');
    expect(encode(vector.msg)).toBe(`${vector.line}\n`);
  });
});
