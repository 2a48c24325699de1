/** Two connected in-memory Duplex streams (Node 20 has no stream.duplexPair), for driver tests. */
import { Duplex } from 'node:stream';

export function duplexPair(): [Duplex, Duplex] {
  const ends: Duplex[] = [];
  const make = (peerIndex: number): Duplex =>
    new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, done) {
        ends[peerIndex]?.push(chunk);
        done();
      },
      final(done) {
        ends[peerIndex]?.push(null);
        done();
      },
    });
  const left = make(1);
  const right = make(0);
  ends.push(left, right);
  return [left, right];
}
