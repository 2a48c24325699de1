/**
 * hardware-sim public API — the only file other folders import.
 *
 * Simulators of the PF-600 force plate and the DT-9 decompression table, written from
 * docs/protocols/{link,plate,table}.md alone (STYLE §2: they share no code with native-bridge/
 * or core/, so a codec bug cannot hide by symmetry). Each simulator runs on device time (manual
 * clock for tests, real time × timeScale otherwise), serves its byte stream in-process, on a PTY
 * or on loopback TCP, and injects seeded faults. See README.md for the API and the fault names.
 */
export { createPlateSim } from './plate/plate-sim.ts';
export type { SimulatedDevice } from './device-link/device-runtime.ts';
export type { PlateFaults, PlateSim, PlateSimOptions, PlateSimState, SubjectSettings } from './plate/plate-sim.ts';
export type { PlateSampleRecord } from './plate/plate-firmware.ts';
export type { SubjectTruth } from './plate/subject-model.ts';
export type { PlacedMass } from './plate/test-masses.ts';
export type { CellCalibration, CellFaults, CellForces } from './plate/load-cells.ts';
export type { Eyes, Surface } from './plate/sway-model.ts';

export { createTableSim, NO_TABLE_DEVICE_FAULTS } from './table/table-sim.ts';
export type { TableDeviceFaults, TableFaults, TableSim, TableSimOptions, TableSimState } from './table/table-sim.ts';
export type { SwitchPosition } from './table/patient-switch.ts';
export type { DriveKind } from './table/actuator.ts';
export type { PatientParams } from './table/patient-model.ts';

export { runSimCli } from './cli.ts';
export type { SimCliIo } from './cli.ts';
export { FAULT_NAMES } from './faults/fault-names.ts';

export type { FaultCounters } from './faults/fault-counters.ts';
export type { LinkFaults } from './faults/link-faults.ts';
export { FrontEndRetiredError } from './front-ends/front-end-host.ts';
export type { PtyEndpoint, TcpEndpoint } from './front-ends/front-end-host.ts';
export type { PtyOptions } from './front-ends/pty.ts';
export type { TcpOptions } from './front-ends/tcp.ts';
export { PortUnpluggedError } from './front-ends/in-process.ts';

// The spec codec, so the bench can generate valid lines fast (device → host and host → device).
export { crc16OfBytes, crc16OfText, formatCrc } from './spec-codec/crc16.ts';
export {
  encodePlateDeviceLine,
  encodePlateHostLine,
  encodePlateSampleLine,
  decodePlateDeviceLine,
  PLATE_FLAG,
} from './spec-codec/plate-codec.ts';
export type { CellCounts, PlateCommand, PlateDeviceMessage, PlateHostMessage } from './spec-codec/plate-codec.ts';
export { encodeTableDeviceLine, encodeTableHostLine, decodeTableDeviceLine, TABLE_FLAG } from './spec-codec/table-codec.ts';
export type { Region, TableCommand, TableDeviceMessage, TableHostMessage, TableStateKind, Telemetry } from './spec-codec/table-codec.ts';
export type { Reply } from './spec-codec/link-messages.ts';
export { PLATE_SCHEMA_HASH, TABLE_SCHEMA_HASH } from './spec-codec/schema-hash.ts';
