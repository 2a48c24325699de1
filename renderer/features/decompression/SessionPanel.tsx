/**
 * A session under way: where the supervisor stands (prechecks, with the patient switch test;
 * ready; running; paused; released), the measured tension against the set-point (figures and the
 * live chart, in the clinic's force unit), elapsed and remaining time, alarms in
 * their IEC 60601-1-8 colours with acknowledgement, and the operator's controls. STOP and RELEASE
 * also sit in the safety bar, which a locked screen does not cover (SafetyBar.tsx).
 */
import { useState } from 'react';
import type { AlarmView, DecompressionView } from '../../../api/index.ts';
import { ActionMessage } from '../../app/ActionMessage.tsx';
import { SaveReport } from '../../app/SaveReport.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useAction } from '../../app/use-action.ts';
import { useUnits } from '../../app/use-units.ts';
import type { FrameLoop } from '../../charts/frame-loop.ts';
import { LiveTensionChart } from './LiveTensionChart.tsx';

const minutes = (ms: number): string => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;

function Alarm({ alarm }: { readonly alarm: AlarmView }) {
  const client = useClient();
  const action = useAction();
  return (
    <li className={`alarm alarm-${alarm.priority}`} data-testid={`alarm-${alarm.condition}`}>
      <span>
        {alarm.priority.toUpperCase()} — {alarm.message}
      </span>
      {!alarm.isAcknowledged && (
        <button type="button" onClick={() => action.run(() => client.call('decompression.acknowledge', { condition: alarm.condition }))}>
          Acknowledge
        </button>
      )}
    </li>
  );
}

export function SessionPanel({ session, loop }: { readonly session: DecompressionView; readonly loop: FrameLoop }) {
  const client = useClient();
  const action = useAction();
  const units = useUnits();
  const [reason, setReason] = useState('');
  const operate = (input: 'start' | 'pause' | 'resume' | 'stop' | 'release'): void => action.run(() => client.call('decompression.operator', { input }));
  const isSwitchTest = session.detail?.startsWith('prechecking: switch-test') === true;
  const elapsedMs = Math.min(session.programMs, session.plan.treatmentEndMs);
  return (
    <section className="card" aria-labelledby="session-title">
      <h2 id="session-title">Decompression session</h2>
      <p className="phase" data-testid="session-phase" aria-live="polite">
        {session.isOver ? `Session over — ${session.detail ?? session.phase}` : (session.detail ?? session.phase)}
      </p>
      {isSwitchTest && <p className="instruction">Ask the patient to press the stop switch once and let it go.</p>}
      {isSwitchTest && session.isSimulated && (
        <p className="hint">Simulated table: press the switch on the Simulator screen (“Switch pressed”, then “Switch ready”).</p>
      )}
      <dl className="stats readout">
        {/* Once over, the figures are the session's last: said so, so a frozen reading is not taken for the table now. */}
        <dt>{session.isOver ? 'Measured at the end' : 'Measured'}</dt>
        <dd data-testid="measured">{units.formatForce(session.measuredN)}</dd>
        {!session.isOver && (
          <>
            <dt>Set-point</dt>
            <dd>{units.formatForce(session.setpointN)}</dd>
          </>
        )}
        <dt>{session.isOver ? 'Treated' : 'Elapsed / remaining'}</dt>
        <dd>{session.isOver ? minutes(elapsedMs) : `${minutes(elapsedMs)} / ${minutes(session.plan.treatmentEndMs - elapsedMs)}`}</dd>
      </dl>
      {!session.isOver && <LiveTensionChart loop={loop} />}
      {session.alarms.length > 0 && (
        <ul className="alarms" aria-label="Alarms">
          {session.alarms.map((a) => (
            <Alarm key={a.condition} alarm={a} />
          ))}
        </ul>
      )}
      {!session.isOver && (
        <div className="row">
          {session.phase === 'ready' && (
            <button type="button" className="go" onClick={() => operate('start')}>
              Start program
            </button>
          )}
          {session.phase === 'running' && (
            <button type="button" onClick={() => operate('pause')}>
              Pause
            </button>
          )}
          {session.phase === 'paused' && (
            <button type="button" onClick={() => operate('resume')}>
              Resume
            </button>
          )}
          {(session.phase === 'released' || session.phase === 'idle' || session.phase === 'ready') && (
            <button type="button" onClick={() => action.run(() => client.call('decompression.end', {}))}>
              End session
            </button>
          )}
        </div>
      )}
      {session.phase === 'released' && !session.isOver && (
        <div className="row">
          <label>
            Reason to re-arm
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="button" disabled={reason.trim().length < 3} onClick={() => action.run(() => client.call('decompression.rearm', { reason }))}>
            Re-arm
          </button>
        </div>
      )}
      <ActionMessage action={action} />
      {session.isOver && <SaveReport sessionId={session.sessionId} />}
    </section>
  );
}
