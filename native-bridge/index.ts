/** Public surface of native-bridge: transports, framing, codecs and drivers (STYLE.md §2). */
export type { LineErrorClass } from './codecs/line/line-error.ts';
export { LINE_ERROR_CLASSES, MAX_LINE_BYTES } from './codecs/line/line-error.ts';
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
  decodeTableLine,
  encodeTableCommand,
  type TableCommand,
  type TableLine,
  type TableRegion,
  type TableTelemetry,
  type TableWireState,
} from './codecs/table/table-codec.ts';
