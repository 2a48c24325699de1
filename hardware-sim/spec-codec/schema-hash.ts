/**
 * Schema strings and hashes exchanged at `$HELLO`.
 *
 * Spec: docs/protocols/link.md §5.1 (hash = CRC-16/CCITT-FALSE of the schema string, 4 upper-case
 * hex digits), plate.md §3 and table.md §3 (the strings, copied verbatim). The documents state
 * the expected hashes (A571, 9E77); schema-hash.test.ts checks that the strings reproduce them.
 */
import { crc16OfText, formatCrc } from './crc16.ts';

export const PLATE_SCHEMA =
  'PF600/1;$HELLO:id,proto,hash;$INFO:id,page;$RATE:id,hz;$START:id;$STOP:id;$STATUS:id;%HB:;+ACK:id;' +
  '-NAK:id,code;#D:tUs,c0,c1,c2,c3,flags;!EV:tUs,name;%HB:tUs';

export const TABLE_SCHEMA =
  'DT9/1;$HELLO:id,proto,hash;$INFO:id,page;$ZERO:id;$ARM:id,region;$DISARM:id;$SET:id,targetN,rateNps;' +
  '$PAUSE:id;$STOP:id,rateNps;$RELEASE:id;$RESET:id;$STATUS:id;$SVC:id,on;$CAL:id,offsetN,span,crc;$CALGET:id;' +
  '$CALUSE:id,crc;%HB:;+ACK:id;-NAK:id,code;' +
  '#T:tUs,state,measN,setN,posMm,velMmS,flags,region,limitN,fault;!EV:tUs,name;%HB:tUs';

/** Link protocol version this simulator speaks (link.md, header). */
export const LINK_PROTOCOL_VERSION = 1;

export function schemaHash(schema: string): string {
  return formatCrc(crc16OfText(schema));
}

export const PLATE_SCHEMA_HASH = schemaHash(PLATE_SCHEMA);
export const TABLE_SCHEMA_HASH = schemaHash(TABLE_SCHEMA);
