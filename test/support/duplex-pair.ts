/** Two connected in-memory Duplex streams (Node 20 has no stream.duplexPair), for driver tests. */
import { Duplex } from 'node:stream';

export function duplexPair(): [Duplex, Duplex] {
  let left: Duplex | undefined;
  let right: Duplex | undefined;
  const make = (peer: () => Duplex | undefined): Duplex =>
    new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, done) {
        peer()?.push(chunk);
        done();
      },
      final(done) {
        peer()?.push(null);
        done();
      },
    });
  left = make(() => right);
  right = make(() => left);
  return [left, right];
}
