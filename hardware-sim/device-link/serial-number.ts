/**
 * Serial numbers as link.md §5 allows them in the identity: 1–24 bytes of `A–Z 0–9 -`.
 * A bad serial is a caller's bug (an option passed to createPlateSim/createTableSim), so it throws.
 */

const SERIAL = /^[A-Z0-9-]{1,24}$/;

export function checkSerial(serial: string): void {
  if (!SERIAL.test(serial)) throw new RangeError(`serial "${serial}": 1–24 of A–Z, 0–9 and "-" (link.md §5)`);
}
