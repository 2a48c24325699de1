/**
 * CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, not reflected, xorout 0), docs/protocols/link.md §2.
 * Computed over the UTF-16 code units of a line string: the protocol is ASCII-only, and a code unit
 * above 0x7F can never belong to a valid line, so the frame checker rejects it independently.
 */
export const CRC16_TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let crc = n << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    table[n] = crc;
  }
  return table;
}

/** CRC of `text.slice(0, end)`, without allocating the slice. */
export function crc16OfPrefix(text: string, end: number): number {
  let crc = 0xffff;
  for (let i = 0; i < end; i++) {
    crc = ((crc << 8) ^ (CRC16_TABLE[((crc >>> 8) ^ text.charCodeAt(i)) & 0xff] as number)) & 0xffff;
  }
  return crc;
}

const HEX_DIGITS = '0123456789ABCDEF';

/** Four upper-case hex digits, as the wire writes a CRC or a schema hash. */
export function formatHex4(value: number): string {
  return (
    HEX_DIGITS.charAt((value >>> 12) & 0xf) +
    HEX_DIGITS.charAt((value >>> 8) & 0xf) +
    HEX_DIGITS.charAt((value >>> 4) & 0xf) +
    HEX_DIGITS.charAt(value & 0xf)
  );
}

/** Appends `*CRC` and the LF terminator to a line body. */
export function sealLine(body: string): string {
  return `${body}*${formatHex4(crc16OfPrefix(body, body.length))}\n`;
}
