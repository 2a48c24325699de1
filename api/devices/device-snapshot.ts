/**
 * What the host tells a screen about a connected device: where it is, whether the link is up,
 * who it says it is, its link counters and its latest raw channels (technician screen).
 * Plain JSON: sent as-is over WebSocket and IPC.
 */

export const DEVICE_ROLES = ['plate', 'table'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

/**
 * The link's state, from the driver's life cycle (docs/protocols/link.md §5–§7). `reconnecting`
 * carries the last error and when the next attempt is due.
 */
export type DeviceConnection =
  | { readonly kind: 'disconnected' }
  | { readonly kind: 'connecting'; readonly attempt: number }
  | { readonly kind: 'handshaking' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'closing'; readonly reason: string }
  | { readonly kind: 'reconnecting'; readonly attempt: number; readonly retryInMs: number; readonly lastError: string };

export interface DeviceIdentityView {
  readonly model: string;
  readonly serial: string;
  readonly firmware: string;
  readonly protocolVersion: number;
}

/** Link and stream counters (nothing is swallowed, STYLE.md §6). */
export interface DeviceStats {
  readonly linesOk: number;
  readonly badLines: number;
  readonly seqGaps: number;
  readonly lostLines: number;
  readonly reconnects: number;
  readonly linkLosses: number;
  readonly timeouts: number;
  readonly naks: number;
  readonly retransmissions: number;
  /** Mean command round trip; null before the first reply. */
  readonly meanReplyLatencyMs: number | null;
  /** Plate only: samples delivered, samples lost in gaps, gaps. Zero for the table. */
  readonly samples: number;
  readonly lostSamples: number;
  readonly gaps: number;
  /** Samples or telemetry frames per second over the last update; null until measured. */
  readonly measuredRateHz: number | null;
}

/** The latest raw channels: plate cell counts, or the table's telemetry fields. */
export type RawChannels =
  | { readonly kind: 'none' }
  | { readonly kind: 'plate'; readonly cellCounts: readonly number[]; readonly flags: number }
  | {
      readonly kind: 'table';
      readonly state: string;
      readonly measuredN: number;
      readonly setpointN: number;
      readonly positionMm: number;
      readonly velocityMmS: number;
      readonly limitN: number;
      readonly fault: number;
    };

export interface DeviceSnapshot {
  readonly role: DeviceRole;
  /** The port spec it was connected on: `sim:plate`, `tcp://…`, `/dev/ttyUSB0`. */
  readonly port: string;
  /** True for the built-in simulator: the SIMULATED banner shows while any such device is connected. */
  readonly simulated: boolean;
  readonly connection: DeviceConnection;
  readonly identity: DeviceIdentityView | null;
  /** Plate sample rate asked for; null for the table. */
  readonly rateHz: number | null;
  readonly stats: DeviceStats;
  readonly raw: RawChannels;
  /** The device's calibration in force (issue 8); null until its identity is known. */
  readonly calibration: CalibrationStatusView | null;
}

/**
 * passed: in force and in date; overdue: passed but past its due date; failed: the latest one
 * failed; none: never calibrated. Anything but `passed` is flagged wherever the device is used.
 */
export interface CalibrationStatusView {
  readonly status: 'passed' | 'overdue' | 'failed' | 'none';
  readonly calibrationId: number | null;
  readonly performedAtMs: number | null;
  readonly dueAtMs: number | null;
}
