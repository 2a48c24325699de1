/**
 * The therapist's protocol runner: choose a patient and a protocol, then follow the host's run —
 * the trial's instruction, the countdown and cues (large and audible), the set-up confirmation
 * with the spotter or harness, repeat or abort, and each trial's result as it comes. The timing is
 * the host's; this screen only shows `balance.changed` and sends the buttons.
 */
import { useEffect, useRef, useState } from 'react';
import type { BalanceRunView, NextLevelView, ProtocolInfo } from '../../../api/index.ts';
import { ActionMessage } from '../../app/ActionMessage.tsx';
import { CuePlayer } from '../../app/cue-sound.ts';
import { SaveReport } from '../../app/SaveReport.tsx';
import { useBalanceRun, useClient } from '../../app/host-hooks.ts';
import { useAction } from '../../app/use-action.ts';
import type { FrameLoop } from '../../charts/frame-loop.ts';
import { LivePlateCharts } from '../balance/LivePlateCharts.tsx';
import { PatientSelect } from '../patients/PatientSelect.tsx';
import { usePatientChoice } from '../patients/use-patient-choice.ts';
import { BaselineComparison } from './BaselineComparison.tsx';
import { ReferenceValues } from './ReferenceValues.tsx';
import { RunResults } from './RunResults.tsx';
import { SymptomForm, SymptomList } from './Symptoms.tsx';

function StartForm() {
  const client = useClient();
  const action = useAction();
  const choice = usePatientChoice();
  const [protocols, setProtocols] = useState<readonly ProtocolInfo[]>([]);
  const [protocolId, setProtocolId] = useState('romberg');
  useEffect(() => {
    void client.call('balance.protocols', {}).then((r) => r.ok && setProtocols(r.value));
  }, [client]);
  const chosen = choice.chosenId;
  const [proposed, setProposed] = useState<{ readonly patientId: number; readonly next: NextLevelView } | null>(null);
  const next = proposed !== null && proposed.patientId === chosen ? proposed.next : null;
  useEffect(() => {
    if (chosen === null) return;
    let isCurrent = true;
    void client.call('balance.nextLevel', { patientId: chosen }).then((r) => isCurrent && r.ok && setProposed({ patientId: chosen, next: r.value }));
    return () => {
      isCurrent = false;
    };
  }, [client, chosen]);
  const start = (id: string): void => {
    if (chosen !== null) action.run(() => client.call('balance.start', { patientId: chosen, protocolId: id }));
  };
  return (
    <section className="card" aria-labelledby="start-title">
      <h2 id="start-title">Start a protocol</h2>
      <div className="row">
        <label>
          Patient
          <PatientSelect choice={choice} id="protocol-patient" />
        </label>
        <label>
          Protocol
          <select value={protocolId} onChange={(e) => setProtocolId(e.target.value)}>
            {protocols.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} — {p.trialCount} {p.trialCount === 1 ? 'trial' : 'trials'}, {Math.round(p.recordedMs / 1000)} s recorded
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={action.isBusy || chosen === null} onClick={() => start(protocolId)}>
          Start
        </button>
      </div>
      {next !== null && (
        <div className="row" data-testid="next-level">
          <button type="button" disabled={action.isBusy} onClick={() => start(next.protocolId)}>
            Next level: {next.name}
          </button>
          <span className="hint">Re-education program: {next.reason}.</span>
        </div>
      )}
      {choice.patients.length === 0 && <p className="hint">Register the patient on the Patients screen first.</p>}
      <ActionMessage action={action} />
    </section>
  );
}

const PHASE_TEXT: Readonly<Record<BalanceRunView['phase'], string>> = {
  waiting: 'Waiting for the patient to stand still on the plate',
  countdown: 'Get ready',
  recording: 'Recording — stay still until the end tone',
  ended: 'Protocol over',
};

function RunPanel({ run, loop }: { readonly run: BalanceRunView; readonly loop: FrameLoop }) {
  const client = useClient();
  const action = useAction();
  const isRunning = run.outcome === null;
  const send = (method: 'balance.abortTrial' | 'balance.repeatLastTrial' | 'balance.stop'): void => action.run(() => client.call(method, {}));
  // The trials a symptom can belong to: those with a result, and the one under way.
  const trialsSoFar = [...run.results.map((r) => ({ id: r.trialId, label: r.label })), ...(isRunning ? [{ id: run.trial.id, label: run.trial.label }] : [])].filter(
    (t, i, all) => all.findIndex((u) => u.id === t.id) === i,
  );
  return (
    <section className="card" aria-labelledby="run-title">
      <h2 id="run-title">
        {isRunning
          ? `${run.protocol.name}: trial ${run.trial.index + 1} of ${run.trialCount} — ${run.trial.label}${run.attempt > 1 ? ` (attempt ${run.attempt})` : ''}`
          : `${run.protocol.name}: ${run.outcome === 'finished' ? 'finished' : 'stopped'} — ${run.results.length} of ${run.trialCount} ${run.trialCount === 1 ? 'trial' : 'trials'} recorded`}
      </h2>
      {!run.isPlateCalibrated && (
        <p className="flag" role="note" data-testid="uncalibrated-flag">
          The plate has no valid calibration: these results are measured on its nominal sensitivity and flagged as uncalibrated.
        </p>
      )}
      {!run.isPlateConnected && isRunning && <p className="flag">The plate is disconnected; the trial will be repeated once it is back.</p>}
      {run.problem !== null && <p className="flag">{run.problem}</p>}
      {isRunning && <p className="instruction">{run.trial.instruction}</p>}
      <p className="phase" data-testid="run-phase" aria-live="polite">
        {run.outcome === null ? PHASE_TEXT[run.phase] : run.outcome === 'finished' ? 'Protocol finished' : 'Protocol stopped'}
      </p>
      {run.cue !== null && isRunning && (
        <p className="cue-banner" data-testid="cue-banner" aria-live="assertive">
          {run.cue.banner}
        </p>
      )}
      {run.isAwaitingTherapist && isRunning && (
        <div className="row" role="group" aria-label="Confirm the set-up">
          <span>Set up the trial, then confirm who keeps the patient safe:</span>
          <button type="button" onClick={() => action.run(() => client.call('balance.ready', { safety: 'spotter' }))}>
            Spotter in place
          </button>
          <button type="button" onClick={() => action.run(() => client.call('balance.ready', { safety: 'harness' }))}>
            Harness on
          </button>
          <button type="button" onClick={() => action.run(() => client.call('balance.ready', { safety: 'declined' }))}>
            Neither (patient declined)
          </button>
        </div>
      )}
      {isRunning && (
        <div className="row">
          <button type="button" onClick={() => send('balance.abortTrial')}>
            Abort trial
          </button>
          <button type="button" onClick={() => send('balance.repeatLastTrial')}>
            Repeat last trial
          </button>
          <button type="button" onClick={() => send('balance.stop')}>
            Stop protocol
          </button>
        </div>
      )}
      <ActionMessage action={action} />
      {isRunning && run.phase === 'recording' && (
        <section aria-label="Live trace" data-testid="live-trace">
          <LivePlateCharts loop={loop} showCells={false} />
        </section>
      )}
      <RunResults run={run} />
      <ReferenceValues run={run} />
      {/* Keyed by session: a new run never shows the last patient's history while its own loads. */}
      <BaselineComparison key={`baseline-${run.sessionId}`} run={run} />
      <SymptomList marks={run.symptoms} labelOf={(id) => trialsSoFar.find((t) => t.id === id)?.label ?? id} />
      <SymptomForm key={`symptoms-${run.sessionId}`} sessionId={run.sessionId} trials={trialsSoFar} defaultTrialId={isRunning ? run.trial.id : null} />
      {!isRunning && <SaveReport sessionId={run.sessionId} />}
    </section>
  );
}

/** Plays each cue once (by its sequence number) and offers to enable sound where the browser blocks it. */
function useCueSounds(run: BalanceRunView | null): { readonly isBlocked: boolean; unblock(): void } {
  const player = useRef<CuePlayer | null>(null);
  const lastSeq = useRef(0);
  const [isBlocked, setBlocked] = useState(false);
  const cue = run?.cue ?? null;
  useEffect(() => {
    if (cue === null || cue.seq <= lastSeq.current) return;
    lastSeq.current = cue.seq;
    player.current ??= new CuePlayer();
    player.current.play(cue.sound);
    setBlocked(player.current.isBlocked);
  }, [cue]);
  return {
    isBlocked,
    unblock() {
      void player.current?.unblock().then(() => setBlocked(false));
    },
  };
}

export function ProtocolScreen({ loop }: { readonly loop: FrameLoop }) {
  const run = useBalanceRun();
  const sound = useCueSounds(run);
  return (
    <div className="screen">
      <h1>Balance protocols</h1>
      {sound.isBlocked && (
        <p className="flag" role="alert">
          The browser holds the cue sounds back until you click.{' '}
          <button type="button" onClick={() => sound.unblock()}>
            Enable sound
          </button>
        </p>
      )}
      {(run === null || run.outcome !== null) && <StartForm />}
      {run !== null && <RunPanel run={run} loop={loop} />}
    </div>
  );
}
