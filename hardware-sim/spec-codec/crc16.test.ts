import { describe, it, expect } from 'vitest';
import { crc16OfBytes, crc16OfText, formatCrc } from './crc16.ts';

/** Bit-by-bit reference, straight from the parameters in link.md §2. */
function crcBitwise(text: string): number {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= (text.charCodeAt(i) & 0xff) << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

describe('crc16 (CCITT-FALSE)', () => {
  it('matches the check value of link.md §2', () => {
    expect(crc16OfText('123456789')).toBe(0x29b1);
    expect(crc16OfBytes(new TextEncoder().encode('123456789'))).toBe(0x29b1);
  });

  it('agrees with a bitwise implementation, including bytes above 0x7F', () => {
    const samples = ['', '#D 0 1000000 52711 51104 50382 49876 08', '\u00ff\u0001*\u0080 x'];
    for (const text of samples) expect(crc16OfText(text)).toBe(crcBitwise(text));
  });

  it('checksums a sub-range of a string', () => {
    expect(crc16OfText('xx123456789yy', 2, 11)).toBe(0x29b1);
  });

  it('formats as 4 upper-case hex digits', () => {
    expect(formatCrc(0x29b1)).toBe('29B1');
    expect(formatCrc(0x000a)).toBe('000A');
  });
});
