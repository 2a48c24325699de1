/** One device on the technician screen: link state, identity, counters, raw channels and its port. */
import { useState } from 'react';
import { CalibrationFlag, calibrationText } from '../calibration/CalibrationFlag.tsx';
import { CalibrationHistory } from '../calibration/CalibrationHistory.tsx';
import { PlateCalibration } from '../calibration/PlateCalibration.tsx';
import { TableCalibration } from '../calibration/TableCalibration.tsx';
import type { DeviceRole, DeviceSnapshot } from '../../../api/index.ts';
import { ActionMessage } from '../../app/ActionMessage.tsx';
import { StatsList, type StatRow } from '../../app/StatsList.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useAction } from '../../app/use-action.ts';
import { ROLE_NAMES, connectionText, formatNumber, releaseReasonText, tableStateText } from './device-text.ts';

function Stats({ device }: { readonly device: DeviceSnapshot }) {
  const s = device.stats;
  const rows: StatRow[] = [
    ['Rate', s.measuredRateHz === null ? '—' : `${formatNumber(s.measuredRateHz)} /s`],
    ['Lines received', String(s.linesOk)],
    ['Bad lines', String(s.badLines)],
    ['Sequence gaps (lines lost)', `${s.seqGaps} (${s.lostLines})`],
    ['Link losses / reconnects', `${s.linkLosses} / ${s.reconnects}`],
    ['Timeouts / retransmissions / NAKs', `${s.timeouts} / ${s.retransmissions} / ${s.naks}`],
    ['Mean reply time', s.meanReplyLatencyMs === null ? '—' : `${formatNumber(s.meanReplyLatencyMs, 1)} ms`],
  ];
  if (device.role === 'plate') rows.push(['Samples (lost, gaps)', `${s.samples} (${s.lostSamples}, ${s.gaps})`]);
  return <StatsList rows={rows} />;
}

function RawChannels({ device }: { readonly device: DeviceSnapshot }) {
  const raw = device.raw;
  if (raw.kind === 'none') return <p>No raw data yet.</p>;
  if (raw.kind === 'plate') {
    return (
      <p className="raw" data-testid="plate-raw">
        Cell counts: {raw.cellCounts.join(', ')} · flags 0x{raw.flags.toString(16).padStart(2, '0')}
      </p>
    );
  }
  return (
    <p className="raw" data-testid="table-raw">
      State {tableStateText(raw.state)} · measured {formatNumber(raw.measuredN, 1)} N · set-point {formatNumber(raw.setpointN, 1)} N · position{' '}
      {formatNumber(raw.positionMm, 1)} mm · limit {formatNumber(raw.limitN)} N · release reason: {releaseReasonText(raw.fault)}
    </p>
  );
}

export function DeviceCard({ role, device, hasSimulator }: { readonly role: DeviceRole; readonly device: DeviceSnapshot | undefined; readonly hasSimulator: boolean }) {
  const client = useClient();
  const action = useAction();
  const [port, setPort] = useState('');
  const headingId = `device-${role}`;
  return (
    <section className="card" aria-labelledby={headingId} data-testid={`device-${role}`}>
      <h2 id={headingId}>{ROLE_NAMES[role]}</h2>
      {device === undefined ? (
        <p className="state">No device assigned</p>
      ) : (
        <>
          <p className={`state state-${device.connection.kind}`} data-testid={`${role}-state`}>
            {connectionText(device.connection)} · {device.port}
            {device.simulated ? ' (simulated)' : ''}
          </p>
          {device.identity !== null && (
            <p data-testid={`${role}-identity`}>
              {device.identity.model} · serial {device.identity.serial} · firmware {device.identity.firmware} · protocol {device.identity.protocolVersion}
            </p>
          )}
          {device.calibration !== null && (
            <p data-testid={`${role}-calibration`}>{calibrationText(role, device.calibration)}</p>
          )}
          <CalibrationFlag role={role} calibration={device.calibration} />
          {role === 'table' && device.connection.kind === 'ready' && <TableCalibration isSimulated={device.simulated} />}
          {role === 'plate' && device.identity !== null && <PlateCalibration />}
          {device.calibration !== null && device.calibration.status !== 'none' && <CalibrationHistory role={role} latestId={device.calibration.calibrationId} />}
          <Stats device={device} />
          <RawChannels device={device} />
        </>
      )}
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          action.run(() => client.call('devices.connect', { role, port }));
        }}
      >
        <label>
          Port
          <input value={port} onChange={(event) => setPort(event.target.value)} placeholder="/dev/ttyUSB0 or tcp://host:port" />
        </label>
        <button type="submit" disabled={action.isBusy || port.trim() === ''}>
          Connect
        </button>
        {hasSimulator && (
          <button type="button" disabled={action.isBusy} onClick={() => action.run(() => client.call('sim.connect', { role }))}>
            Use simulated {role}
          </button>
        )}
        {device !== undefined && (
          <button type="button" disabled={action.isBusy} onClick={() => action.run(() => client.call('devices.disconnect', { role }))}>
            Disconnect
          </button>
        )}
      </form>
      <ActionMessage action={action} />
    </section>
  );
}
