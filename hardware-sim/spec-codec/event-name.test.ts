/**
 * Event names on the wire (link.md §2): any 1–16 upper-case letters decode, so a device may add
 * events without a new protocol version; a receiver ignores and counts the ones it does not know.
 */
import { describe, it, expect } from 'vitest';
import { crc16OfText, formatCrc } from './crc16.ts';
import { decodePlateDeviceLine } from './plate-codec.ts';
import { decodeTableDeviceLine, encodeTableDeviceLine } from './table-codec.ts';

const withCrc = (body: string): string => `${body}*${formatCrc(crc16OfText(body, 0, body.length))}`;

describe('event names', () => {
  it('decodes an !EV whose name this spec does not define, with its details', () => {
    const line = withCrc('!EV 7 123000 OVERTEMP degC=71');
    for (const decode of [decodeTableDeviceLine, decodePlateDeviceLine]) {
      expect(decode(line)).toEqual({
        ok: true,
        value: { seq: 7, message: { kind: 'event', tUs: 123000, name: 'OVERTEMP', details: [['degC', '71']] } },
      });
    }
    const sixteen = 'ABCDEFGHIJKLMNOP';
    expect(decodeTableDeviceLine(withCrc(`!EV 1 0 ${sixteen}`))).toMatchObject({ ok: true, value: { message: { name: sixteen } } });
  });

  it('a name that is not 1–16 upper-case letters is a format error', () => {
    for (const name of ['boot', 'ABCDEFGHIJKLMNOPQ', 'PSW2', 'P-SW']) {
      const decoded = decodeTableDeviceLine(withCrc(`!EV 1 0 ${name}`));
      expect(decoded.ok ? 'valid' : decoded.error.kind).toBe('format');
    }
  });

  it('the encoder still refuses a name that is not a word (a simulator bug)', () => {
    expect(() => encodeTableDeviceLine(0, { kind: 'event', tUs: 0, name: 'bad name', details: [] })).toThrow();
    expect(encodeTableDeviceLine(0, { kind: 'event', tUs: 0, name: 'RELEASE', details: [] })).toMatch(/^!EV 0 0 RELEASE\*/);
  });
});
