/**
 * How each device stream maps onto the chunk codec's Int32 channels (docs/recording.md §Streams).
 * Plate: the four raw cell counts and the flags (plate.md §5). Table: every `#T` field
 * (table.md §5) as an integer — forces, positions and velocities in tenths, the wire's own
 * resolution, so they read back bit for bit. The codes below are stored on disk: never renumber.
 */
import { BugError, err, ok, type Result } from '../../core/index.ts';
import type { TableRegion, TableTelemetry, TableWireState } from '../../native-bridge/index.ts';

export type StreamKind = 'plate' | 'table';

export const PLATE_CHANNEL_COUNT = 5;
export const TABLE_CHANNEL_COUNT = 9;

export function channelCountOf(kind: StreamKind): number {
  return kind === 'plate' ? PLATE_CHANNEL_COUNT : TABLE_CHANNEL_COUNT;
}

const STATE_CODES = { IDLE: 0, ARMED: 1, RUN: 2, PAUSE: 3, RELG: 4, RELD: 5, FAULT: 6 } as const satisfies Record<TableWireState, number>;
const STATES_BY_CODE = Object.keys(STATE_CODES) as TableWireState[];
const REGION_CODES = { none: 0, lumbar: 1, cervical: 2 } as const;

/** Table channels, in stored order. */
const TABLE = { state: 0, measured: 1, setpoint: 2, position: 3, velocity: 4, flags: 5, region: 6, limit: 7, fault: 8 } as const;

/** A value the wire carries with one decimal, as an integer count of tenths. */
function tenths(value: number): number {
  const count = Math.round(value * 10);
  if (count / 10 !== value) throw new BugError(`${value} is not on the wire's 0.1 grid (table.md §5)`);
  return count;
}

/** Writes one telemetry frame into table channels at `index`. */
export function writeTableFrame(frame: TableTelemetry, channels: readonly Int32Array[], index: number): void {
  const set = (channel: number, value: number): void => {
    (channels[channel] as Int32Array)[index] = value;
  };
  set(TABLE.state, STATE_CODES[frame.state]);
  set(TABLE.measured, tenths(frame.measuredN));
  set(TABLE.setpoint, tenths(frame.setpointN));
  set(TABLE.position, tenths(frame.positionMm));
  set(TABLE.velocity, tenths(frame.velocityMmS));
  set(TABLE.flags, frame.flags);
  set(TABLE.region, REGION_CODES[frame.region ?? 'none']);
  set(TABLE.limit, tenths(frame.limitN));
  set(TABLE.fault, frame.fault);
}

/** Table telemetry read back, one entry per frame, in the units of TableTelemetry. */
export interface TableTelemetryColumns {
  readonly count: number;
  readonly seq: Float64Array;
  readonly tUs: Float64Array;
  readonly state: readonly TableWireState[];
  readonly measuredN: Float64Array;
  readonly setpointN: Float64Array;
  readonly positionMm: Float64Array;
  readonly velocityMmS: Float64Array;
  readonly flags: Uint16Array;
  readonly region: readonly (TableRegion | undefined)[];
  readonly limitN: Float64Array;
  readonly fault: Uint8Array;
}

/** Table columns from decoded channels; a state or region code no build ever wrote is an error. */
export function tableColumnsFrom(count: number, seq: Float64Array, tUs: Float64Array, channels: readonly Int32Array[]): Result<TableTelemetryColumns, string> {
  const channel = (k: number): Int32Array => channels[k] as Int32Array;
  const badState = channel(TABLE.state).find((code) => STATES_BY_CODE[code] === undefined);
  const badRegion = channel(TABLE.region).find((code) => code < 0 || code > REGION_CODES.cervical);
  if (badState !== undefined || badRegion !== undefined) return err(`table telemetry holds an unknown ${badState === undefined ? 'region' : 'state'} code`);
  const fromTenths = (k: number): Float64Array => Float64Array.from(channel(k), (value) => value / 10);
  const regionOf = (code: number): TableRegion | undefined => (code === REGION_CODES.lumbar ? 'lumbar' : code === REGION_CODES.cervical ? 'cervical' : undefined);
  return ok({
    count,
    seq,
    tUs,
    state: Array.from(channel(TABLE.state), (code) => STATES_BY_CODE[code] as TableWireState),
    measuredN: fromTenths(TABLE.measured),
    setpointN: fromTenths(TABLE.setpoint),
    positionMm: fromTenths(TABLE.position),
    velocityMmS: fromTenths(TABLE.velocity),
    flags: Uint16Array.from(channel(TABLE.flags)),
    region: Array.from(channel(TABLE.region), regionOf),
    limitN: fromTenths(TABLE.limit),
    fault: Uint8Array.from(channel(TABLE.fault)),
  });
}

/** Plate samples read back: the same columns as the driver's PlateSampleBlock. */
export interface PlateSampleColumns {
  readonly count: number;
  readonly seq: Float64Array;
  readonly tUs: Float64Array;
  /** Raw counts, four per sample, interleaved c0, c1, c2, c3, c0, … */
  readonly cellCounts: Int32Array;
  readonly flags: Uint8Array;
}

export function plateColumnsFrom(count: number, seq: Float64Array, tUs: Float64Array, channels: readonly Int32Array[]): PlateSampleColumns {
  const cellCounts = new Int32Array(count * 4);
  for (let cell = 0; cell < 4; cell++) {
    const source = channels[cell] as Int32Array;
    for (let i = 0; i < count; i++) cellCounts[i * 4 + cell] = source[i] as number;
  }
  return { count, seq, tUs, cellCounts, flags: Uint8Array.from(channels[4] as Int32Array) };
}
