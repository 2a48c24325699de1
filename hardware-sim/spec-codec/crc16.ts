/**
 * CRC-16/CCITT-FALSE for the line checksum and the schema hash.
 *
 * Spec: docs/protocols/link.md §2 (poly 0x1021, init 0xFFFF, not reflected, xorout 0x0000,
 * check value CRC("123456789") = 0x29B1) and §5.1 (schema hash).
 * Input is a latin1 string (one char = one byte; the wire is ASCII, and bytes above 0x7F must
 * still be checksummed byte for byte so a corrupted line fails its CRC) or raw bytes.
 * Table-driven because the plate produces 2000 lines/s and the bench generates many more.
 */

const TABLE: Uint16Array = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    table[byte] = crc;
  }
  return table;
}

/** CRC of the latin1 string `text` from `start` (inclusive) to `end` (exclusive). */
export function crc16OfText(text: string, start = 0, end = text.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) {
    const byte = text.charCodeAt(i) & 0xff;
    crc = ((crc << 8) & 0xffff) ^ (TABLE[((crc >> 8) ^ byte) & 0xff] ?? 0);
  }
  return crc;
}

/** CRC of raw bytes. */
export function crc16OfBytes(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc = ((crc << 8) & 0xffff) ^ (TABLE[((crc >> 8) ^ byte) & 0xff] ?? 0);
  }
  return crc;
}

/** The 4 upper-case hex digits the wire carries after `*`. */
export function formatCrc(crc: number): string {
  return (crc & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}
