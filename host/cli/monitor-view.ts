/**
 * What `proprio monitor` prints: pure functions from a device snapshot to text lines, so the
 * layout is tested without a terminal or a device.
 */
import { copFromForces, newtonsToPoundsForce } from '../../core/index.ts';
import {
  TABLE_FAULT_NAMES,
  TABLE_FLAG,
  meanReplyLatencyMs,
  type DeviceIdentity,
  type DriverState,
  type LinkStats,
  type PlateCapabilities,
  type PlateGap,
  type PlateStreamStats,
  type TableTelemetry,
} from '../../native-bridge/index.ts';

export interface PlateSnapshot {
  readonly port: string;
  readonly state: DriverState;
  readonly identity: DeviceIdentity | undefined;
  readonly capabilities: PlateCapabilities | undefined;
  readonly rateHz: number;
  readonly measuredRateHz: number | undefined;
  readonly lastCellCounts: readonly number[] | undefined;
  readonly lastGap: PlateGap | undefined;
  readonly link: LinkStats;
  readonly stream: PlateStreamStats;
}

export interface TableSnapshot {
  readonly port: string;
  readonly state: DriverState;
  readonly identity: DeviceIdentity | undefined;
  readonly telemetry: TableTelemetry | undefined;
  readonly recentEvents: readonly string[];
  readonly link: LinkStats;
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);
const signed = (value: number): string => (value >= 0 ? '+' : '') + value.toFixed(1);

export function describeState(state: DriverState): string {
  switch (state.kind) {
    case 'stopped':
    case 'handshaking':
    case 'ready':
      return state.kind;
    case 'connecting':
      return state.attempt === 0 ? 'connecting' : `connecting (attempt ${state.attempt + 1})`;
    case 'closing':
      return `link lost — ${state.reason}`;
    case 'waiting':
      return `retrying in ${state.retryInMs} ms — ${state.lastError}`;
  }
}

function identityLine(identity: DeviceIdentity | undefined, port: string, state: DriverState): string {
  const who = identity === undefined ? 'device' : `${identity.model}  serial ${identity.serial}  fw ${identity.firmware}`;
  return `${who}  at ${port}  — ${describeState(state)}`;
}

function linkLines(link: LinkStats): string[] {
  const bad = link.badLines;
  const mean = meanReplyLatencyMs(link);
  return [
    `lines     ok ${link.linesOk}  bad: crc ${bad.crc}  format ${bad.format}  range ${bad.range}  overflow ${bad.overflow}  unknown ${bad.unknown}  truncated ${link.truncatedLines}  stale ${link.staleLines}`,
    `sequence  gaps ${link.seqGaps}  lost lines ${link.lostLines}  out of order ${link.seqRewinds}  unknown events ${link.unknownEvents}`,
    ...(link.listenerErrors === 0 ? [] : [`ERRORS    ${link.listenerErrors} in Proprio's own handling, latest: ${link.lastListenerError ?? ''}`]),
    `link      losses ${link.linkLosses}  reconnects ${link.reconnects}  commands ${link.commandsSent}  resent ${link.retransmissions}  ` +
      `timeouts ${link.timeouts}  naks ${link.naks}  latency ${mean === undefined ? '—' : `${fixed(mean)} ms (max ${fixed(link.maxReplyLatencyMs)})`}`,
  ];
}

export function renderPlate(snapshot: PlateSnapshot): string[] {
  const lines = [identityLine(snapshot.identity, snapshot.port, snapshot.state)];
  const measured = snapshot.measuredRateHz === undefined ? '—' : `${fixed(snapshot.measuredRateHz)} Hz`;
  lines.push(`rate      ${snapshot.rateHz} Hz set · ${measured} measured`);
  const counts = snapshot.lastCellCounts;
  const caps = snapshot.capabilities;
  if (counts !== undefined && caps !== undefined) {
    lines.push(`cells     ${counts.map((c, i) => `c${i} ${String(c).padStart(9)}`).join('  ')}  counts`);
    // Nominal sensitivity only: real per-cell offsets and gains need a calibration.
    const forcesN = counts.map((c) => c / caps.countsPerN);
    const cop = copFromForces(forcesN, caps.cellPositionsMm);
    const load = forcesN.reduce((sum, f) => sum + f, 0);
    lines.push(
      `load      ${fixed(load)} N  ` +
        (cop === undefined ? 'COP —  (plate empty)' : `COP x ${signed(cop.copXMm)} mm  y ${signed(cop.copYMm)} mm`) +
        '  [nominal, uncalibrated]',
    );
  } else lines.push('cells     no samples yet');
  const gap = snapshot.lastGap;
  const gapText = gap === undefined ? '' : `; last ${gap.lostSamples ?? '?'} samples, ${gap.cause}`;
  lines.push(`samples   ${snapshot.stream.samples}  gaps ${snapshot.stream.gaps}  lost ${snapshot.stream.lostSamples}${gapText}`);
  return [...lines, ...linkLines(snapshot.link)];
}

function switchText(flags: number): string {
  const a = (flags & TABLE_FLAG.patientSwitchA) !== 0;
  const b = (flags & TABLE_FLAG.patientSwitchB) !== 0;
  const position = a && !b ? 'ready' : !a && b ? 'PRESSED' : !a && !b ? 'UNPLUGGED' : 'SHORTED';
  return `patient switch ${position}${flags & TABLE_FLAG.switchTested ? ' (tested)' : ''}`;
}

export function renderTable(snapshot: TableSnapshot): string[] {
  const lines = [identityLine(snapshot.identity, snapshot.port, snapshot.state)];
  const t = snapshot.telemetry;
  if (t === undefined) lines.push('telemetry none yet');
  else {
    const region = t.region === undefined ? 'no region' : `${t.region} limit ${fixed(t.limitN)} N`;
    lines.push(`state     ${t.state}  ${region}  fault ${TABLE_FAULT_NAMES[t.fault] ?? t.fault}`);
    lines.push(
      `tension   ${fixed(t.measuredN)} N (${fixed(newtonsToPoundsForce(t.measuredN))} lbf) measured · ${fixed(t.setpointN)} N set-point`,
    );
    lines.push(`actuator  ${fixed(t.positionMm)} mm  ${signed(t.velocityMmS)} mm/s  motor ${t.flags & TABLE_FLAG.motorOn ? 'on' : 'off'}`);
    const flags = [
      switchText(t.flags),
      t.flags & TABLE_FLAG.estop ? 'E-STOP ENGAGED' : 'e-stop clear',
      t.flags & TABLE_FLAG.hostOk ? 'host ok' : 'HOST SILENT',
      t.flags & TABLE_FLAG.zeroed ? 'zeroed' : 'not zeroed',
      ...(t.flags & TABLE_FLAG.loadCellFault ? ['LOAD-CELL FAULT'] : []),
      ...(t.flags & TABLE_FLAG.driveFault ? ['DRIVE FAULT'] : []),
      ...(t.flags & TABLE_FLAG.powerFail ? ['POWER FAIL'] : []),
    ];
    lines.push(`status    ${flags.join(' · ')}`);
  }
  lines.push(`events    ${snapshot.recentEvents.length === 0 ? '—' : snapshot.recentEvents.join(' | ')}`);
  return [...lines, ...linkLines(snapshot.link)];
}
