/**
 * Counts lines missing from the device's sequence numbers (link.md §3), modulo 2^32. A number
 * more than half the range *behind* the expected one is not a gap of four billion lines but a
 * line from the past (a device that reordered its output, or restarted its numbering without a
 * handshake): it is counted apart and the tracker follows it.
 */
const SEQ_MODULUS = 4294967296;
const HALF_RANGE = SEQ_MODULUS / 2;

export class SequenceTracker {
  private expected: number | undefined;
  /** Lines whose `seq` went backwards. */
  rewinds = 0;

  /** Records a received `seq`; returns how many lines were skipped before it (0 if none). */
  observe(seq: number): number {
    const expected = this.expected;
    this.expected = (seq + 1) % SEQ_MODULUS;
    if (expected === undefined || seq === expected) return 0;
    const ahead = (seq - expected + SEQ_MODULUS) % SEQ_MODULUS;
    if (ahead < HALF_RANGE) return ahead;
    this.rewinds++;
    return 0;
  }

  /** Forget the expectation: a new link or a handshake restarts the device's numbering. */
  reset(): void {
    this.expected = undefined;
  }
}
