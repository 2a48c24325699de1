/** Counts lines missing from the device's sequence numbers (link.md §3), modulo 2^32. */
const SEQ_MODULUS = 4294967296;

export class SequenceTracker {
  private expected: number | undefined;

  /** Records a received `seq`; returns how many lines were skipped before it (0 if none). */
  observe(seq: number): number {
    const expected = this.expected;
    this.expected = (seq + 1) % SEQ_MODULUS;
    if (expected === undefined || seq === expected) return 0;
    return (seq - expected + SEQ_MODULUS) % SEQ_MODULUS;
  }

  /** Forget the expectation: a new link or a handshake restarts the device's numbering. */
  reset(): void {
    this.expected = undefined;
  }
}
