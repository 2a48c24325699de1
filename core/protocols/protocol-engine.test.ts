import { describe, expect, it } from 'vitest';
import { startEngine, step, type EngineCommand, type EngineEvent, type EngineState } from './protocol-engine.ts';
import type { ProtocolSpec, TrialSpec } from './protocol-types.ts';

const trial = (id: string, needsTherapist = false): TrialSpec => ({
  id,
  label: id,
  instruction: 'stand still',
  condition: { eyes: 'open', surface: 'firm', stance: 'bipedal' },
  task: { kind: 'quietStance' },
  durationMs: 10_000,
  needsTherapist,
});
const protocol = (onStepOff: 'fell' | 'repeat'): ProtocolSpec => ({ id: 'p', name: 'p', source: 'test', trials: [trial('a'), trial('b', true)], countdownMs: 3000, onStepOff });

/** Drives the engine through timed events and collects every command. */
class Run {
  state: EngineState;
  readonly commands: EngineCommand[] = [];
  constructor(spec: ProtocolSpec, steady = false) {
    const started = startEngine(spec, 0, true, steady);
    this.state = started.state;
    this.commands.push(...started.commands);
  }
  send(event: EngineEvent, atMs: number): EngineCommand[] {
    const result = step(this.state, event, atMs);
    this.state = result.state;
    this.commands.push(...result.commands);
    return [...result.commands];
  }
  /** Ticks every 100 ms from `fromMs` to `toMs` inclusive. */
  tickThrough(fromMs: number, toMs: number): EngineCommand[] {
    const out: EngineCommand[] = [];
    for (let t = fromMs; t <= toMs; t += 100) out.push(...this.send({ kind: 'tick' }, t));
    return out;
  }
}

const describeCommand = (c: EngineCommand): string => {
  switch (c.kind) {
    case 'cue':
      return `cue:${c.cue.kind}${c.cue.kind === 'countdown' ? c.cue.secondsLeft : ''}${c.cue.kind === 'invalid' ? `:${c.cue.reason}` : ''}`;
    case 'showTrial':
      return `show:${c.trial.id}${c.isAwaitingTherapist ? ':therapist' : ''}`;
    case 'startCapture':
      return `start:${c.trialIndex}/${c.attempt}@${c.atMs}`;
    case 'finishCapture':
      return `finish:${c.trialIndex}/${c.attempt}:${c.outcome}:${c.holdMs}`;
    case 'discardCapture':
      return `discard:${c.trialIndex}/${c.attempt}:${c.reason}`;
    case 'protocolEnded':
      return `ended:${c.outcome}`;
  }
};
const names = (commands: readonly EngineCommand[]): string[] => commands.map(describeCommand);

describe('protocol engine', () => {
  it('starts when the subject is steady, counts down, records, and waits for the therapist before a trial that needs it', () => {
    const run = new Run(protocol('fell'));
    expect(names(run.commands)).toEqual(['show:a']);
    expect(names(run.tickThrough(0, 1000))).toEqual([]);
    expect(names(run.send({ kind: 'subject', change: 'steady' }, 1000))).toEqual(['cue:countdown3']);
    expect(names(run.tickThrough(1100, 4000))).toEqual(['cue:countdown2', 'cue:countdown1', 'cue:start', 'start:0/1@4000']);
    expect(names(run.tickThrough(4100, 14_000))).toEqual(['finish:0/1:completed:10000', 'cue:end', 'show:b:therapist']);
    expect(names(run.tickThrough(14_100, 20_000))).toEqual([]);
    expect(names(run.send({ kind: 'therapistReady', safety: 'spotter' }, 20_000))).toEqual(['cue:countdown3']);
    const rest = run.tickThrough(20_100, 33_000);
    expect(names(rest)).toEqual(['cue:countdown2', 'cue:countdown1', 'cue:start', 'start:1/1@23000', 'finish:1/1:completed:10000', 'cue:end', 'ended:finished']);
    expect(rest.find((c) => c.kind === 'startCapture')).toMatchObject({ safety: 'spotter' });
  });

  it('counts a step-off as a fall with its hold time when the protocol says so', () => {
    const run = new Run(protocol('fell'), true);
    run.tickThrough(0, 5000);
    expect(names(run.send({ kind: 'subject', change: 'steppedOff' }, 7500))).toEqual(['finish:0/1:fell:4500', 'cue:end', 'show:b:therapist']);
  });

  it('voids a trial on a step-off when the protocol repeats, and runs it again as attempt 2', () => {
    const run = new Run(protocol('repeat'), true);
    run.tickThrough(0, 5000);
    expect(names(run.send({ kind: 'subject', change: 'steppedOff' }, 7500))).toEqual(['discard:0/1:steppedOff', 'cue:invalid:steppedOff', 'show:a']);
    expect(names(run.send({ kind: 'subject', change: 'steady' }, 9000))).toEqual(['cue:countdown3']);
    expect(names(run.tickThrough(9100, 12_000)).at(-1)).toBe('start:0/2@12000');
  });

  it('voids the trial when the plate disconnects, even in a protocol where a step-off counts, and resumes on reconnect', () => {
    const run = new Run(protocol('fell'), true);
    run.tickThrough(0, 5000);
    expect(names(run.send({ kind: 'plateDisconnected' }, 6000))).toEqual(['discard:0/1:plateDisconnected', 'cue:invalid:plateDisconnected', 'show:a']);
    expect(names(run.send({ kind: 'subject', change: 'steady' }, 6500))).toEqual([]);
    run.send({ kind: 'plateConnected' }, 8000);
    expect(names(run.send({ kind: 'subject', change: 'steady' }, 9000))).toEqual(['cue:countdown3']);
  });

  it('cancels the countdown when the subject moves or leaves, but not a running active trial', () => {
    const run = new Run(protocol('repeat'), true);
    expect(names(run.send({ kind: 'subject', change: 'unsteady' }, 1000))).toEqual(['cue:cancelled']);
    run.send({ kind: 'subject', change: 'steady' }, 2000);
    run.tickThrough(2000, 5500);
    expect(names(run.send({ kind: 'subject', change: 'unsteady' }, 6000))).toEqual([]);
    expect(run.state.phase.kind).toBe('recording');
  });

  it('aborts and repeats a trial, repeats the last finished trial on request, and stops', () => {
    const run = new Run(protocol('repeat'), true);
    run.tickThrough(0, 5000);
    expect(names(run.send({ kind: 'abortTrial' }, 5000))).toEqual(['discard:0/1:aborted', 'cue:invalid:aborted', 'show:a:therapist']);
    expect(names(run.tickThrough(5100, 6000))).toEqual([]);
    expect(names(run.send({ kind: 'therapistReady', safety: 'harness' }, 6000))).toEqual(['cue:countdown3']);
    run.tickThrough(6100, 19_000);
    run.send({ kind: 'therapistReady', safety: 'harness' }, 19_000);
    run.tickThrough(19_100, 19_500);
    expect(run.state.trialIndex).toBe(1);
    expect(run.state.phase.kind).toBe('countdown');
    run.send({ kind: 'abortTrial' }, 19_500);
    expect(names(run.send({ kind: 'repeatLastTrial' }, 20_000))).toEqual(['show:a', 'cue:countdown3']);
    run.tickThrough(20_100, 24_000);
    expect(names(run.send({ kind: 'stopProtocol' }, 24_000))).toEqual(['discard:0/3:aborted', 'ended:stopped']);
    expect(names(run.send({ kind: 'subject', change: 'steady' }, 25_000))).toEqual([]);
  });

  it('after a fall, waits for the therapist before the next trial even when that trial would not ask', () => {
    const run = new Run({ ...protocol('fell'), trials: [trial('a'), trial('c')] }, true);
    run.tickThrough(0, 5000);
    expect(names(run.send({ kind: 'subject', change: 'steppedOff' }, 5000))).toEqual(['finish:0/1:fell:2000', 'cue:end', 'show:c:therapist']);
    expect(names(run.send({ kind: 'subject', change: 'steady' }, 6000))).toEqual([]);
    expect(names(run.send({ kind: 'therapistReady', safety: 'spotter' }, 7000))).toEqual(['cue:countdown3']);
  });

  it('numbers attempts without a gap when the last trial is repeated before the next one started', () => {
    const run = new Run(protocol('repeat'), true);
    run.tickThrough(0, 13_000);
    expect(run.state.trialIndex).toBe(1);
    expect(names(run.send({ kind: 'repeatLastTrial' }, 13_000))).toEqual(['show:a', 'cue:countdown3']);
    expect(names(run.tickThrough(13_100, 26_000))).toEqual(expect.arrayContaining(['start:0/2@16000', 'finish:0/2:completed:10000', 'show:b:therapist']));
    run.send({ kind: 'therapistReady', safety: 'spotter' }, 26_000);
    expect(names(run.tickThrough(26_100, 29_000))).toContain('start:1/1@29000');
  });

  it('after an abort during the countdown, waits for the therapist (the subject is still steady) and keeps the attempt', () => {
    const run = new Run(protocol('repeat'), true);
    run.tickThrough(0, 1000);
    expect(run.state.phase.kind).toBe('countdown');
    expect(names(run.send({ kind: 'abortTrial' }, 1000))).toEqual(['cue:cancelled', 'show:a:therapist']);
    expect(names(run.tickThrough(1100, 9000))).toEqual([]);
    expect(names(run.send({ kind: 'therapistReady', safety: 'spotter' }, 9000))).toEqual(['cue:countdown3']);
    expect(names(run.tickThrough(9100, 12_000))).toContain('start:0/1@12000');
  });

  it('refuses to repeat before any trial finished and ignores a repeat while recording', () => {
    const run = new Run(protocol('repeat'), true);
    expect(names(run.send({ kind: 'repeatLastTrial' }, 0))).toEqual([]);
    run.tickThrough(0, 4000);
    expect(names(run.send({ kind: 'repeatLastTrial' }, 4000))).toEqual([]);
  });

  it('ends at once for a protocol without trials', () => {
    expect(names(startEngine({ ...protocol('fell'), trials: [] }, 0, true, true).commands)).toEqual(['ended:finished']);
  });
});
