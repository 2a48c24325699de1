/** Public surface of native-bridge: transports, framing, codecs and drivers (STYLE.md §2). */
export type { LineErrorClass } from './codecs/line/line-error.ts';
export { LINE_ERROR_CLASSES, MAX_LINE_BYTES } from './codecs/line/line-error.ts';
export { encodeHostHeartbeat } from './codecs/line/line-encode.ts';
export type { AckReply, NakReply, DeviceEvent, DeviceHeartbeat, BadLine, LinkMessage } from './codecs/line/line-message.ts';
export {
  PLATE_FLAG,
  PLATE_SCHEMA_HASH,
  SAMPLE_DECODED,
  decodePlateLine,
  encodePlateCommand,
  type PlateCommand,
  type PlateLine,
  type PlateSampleSink,
} from './codecs/plate/plate-codec.ts';
export {
  TABLE_FAULT_NAMES,
  TABLE_FLAG,
  TABLE_SCHEMA_HASH,
  coefficientCrc,
  decodeTableLine,
  encodeTableCommand,
  type TableCommand,
  type TableLine,
  type TableRegion,
  type TableTelemetry,
  type TableWireState,
} from './codecs/table/table-codec.ts';
export type { TransportFactory, TransportLink, OpenResult, OpenError, CloseReason } from './transport/transport.ts';
export { serialTransport, LINK_BAUD_RATE } from './transport/serial-transport.ts';
export { tcpTransport } from './transport/tcp-transport.ts';
export { duplexTransport } from './transport/duplex-transport.ts';
export { parsePortSpec, describePortSpec, type PortSpec } from './transport/port-spec.ts';
export { transportFor, type InProcessConnector } from './transport/open-transport.ts';
export { discoverPorts, type DiscoveredPort, type Discovery } from './transport/port-discovery.ts';
export { LineFramer } from './framing/line-framer.ts';
export { realTimers, type Timers, type TimerHandle } from './drivers/timers.ts';
export { reconnectDelayMs } from './drivers/reconnect-backoff.ts';
export { waitOnStream, type StreamWaitControl } from './drivers/stream-wait.ts';
export { type LinkStats, emptyLinkStats, totalBadLines, meanReplyLatencyMs } from './drivers/link-stats.ts';
export { NAK_NAMES, type CommandFailure, type CommandResult } from './drivers/command-channel.ts';
export { DEVICE_SILENCE_LIMIT_MS, type DriverState, type DriverEvents } from './drivers/device-driver.ts';
export type { DeviceIdentity } from './drivers/identity-fields.ts';
export type { PlateCapabilities, CellPosition } from './drivers/plate-capabilities.ts';
export type { TableCapabilities } from './drivers/table-capabilities.ts';
export type { PlateSampleBlock } from './drivers/sample-block.ts';
export {
  PlateDriver,
  type PlateDriverOptions,
  type PlateDriverEvents,
  type PlateConnected,
} from './drivers/plate-driver.ts';
export {
  PlateSampleStream,
  type PlateGap,
  type PlateGapCause,
  type PlateStreamStats,
  type PlateStreamOutput,
} from './drivers/plate-sample-stream.ts';
export { TableDriver, HOST_HEARTBEAT_MS, type TableConnected, type TableDriverEvents } from './drivers/table-driver.ts';
