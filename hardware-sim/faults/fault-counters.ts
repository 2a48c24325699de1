/**
 * Counters of everything the simulator did to the link on purpose, so a test can assert that the
 * receiver counted exactly these (STYLE §6: nothing is swallowed, on either side).
 *
 * Every device line that got a `seq` counts in `linesSent` (link.md §3: every line counts), also
 * when it was then dropped, garbled, given a bad CRC or sent while unplugged. A receiver that
 * stayed connected therefore sees `linesSent − dropped` lines, of which `garbled + badCrc` fail
 * their CRC, plus `garbageBursts` extra bad lines; since a line that fails its CRC is discarded
 * with its `seq` unread, its `seq` gap is `dropped + garbled + badCrc`.
 */

export interface FaultCounters {
  /** Device lines given a seq number. */
  linesSent: number;
  /** Device lines with one byte of the line replaced (always a `crc` error at the receiver). */
  garbled: number;
  /** Device lines with a correct body and a wrong CRC. */
  badCrc: number;
  /** Device lines that never reached the wire (a seq gap at the receiver). */
  dropped: number;
  /** Bursts of random bytes, each terminated by its own LF, inserted between lines. */
  garbageBursts: number;
  /** Times the output was held back and then flushed at once. */
  latencyBursts: number;
  /** Commands answered `-NAK … 8` (busy) on purpose, neither executed nor remembered. */
  naks: number;
  /** Host lines garbled on the way into the device (the device counts them in rxBad). */
  inputGarbled: number;
  /** Host lines lost on the way into the device (the device sees a seq gap). */
  inputDropped: number;
  /** Droppable lines (samples) the device discarded because its transmit buffer was full. */
  overflowDiscards: number;
  /** Device lines sent while no host was connected (they went nowhere). */
  linesUnplugged: number;
}

export function createFaultCounters(): FaultCounters {
  return {
    linesSent: 0,
    garbled: 0,
    badCrc: 0,
    dropped: 0,
    garbageBursts: 0,
    latencyBursts: 0,
    naks: 0,
    inputGarbled: 0,
    inputDropped: 0,
    overflowDiscards: 0,
    linesUnplugged: 0,
  };
}
