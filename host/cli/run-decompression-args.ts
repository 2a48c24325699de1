/**
 * `proprio run-decompression` arguments, checked before any device is touched, and the
 * prescription they describe, checked against the patient's envelope (first session, the body
 * mass given). Clinic units at the edge (lbf, s, min); SI from here on.
 */
import { parseArgs } from 'node:util';
import {
  FIRST_SESSION,
  NEWTONS_PER_POUND_FORCE,
  PROGRAM_MODE_KINDS,
  bodyMassKg,
  deriveEnvelope,
  err,
  ok,
  planSession,
  programFromForm,
  type PatientContext,
  type ProgramModeKind,
  type Result,
  type SessionPlan,
} from '../../core/index.ts';
import { parsePortSpec } from '../../native-bridge/index.ts';
import { integerIn, numberIn } from './cli-numbers.ts';

export const RUN_DECOMPRESSION_USAGE = `usage: proprio run-decompression --port SPEC --program MODE [options]
  --port SPEC          sim:table (built-in simulator), a serial device or PTY path, or tcp://host:port
  --program MODE       static | intermittent | cyclic | progressive | regressive
  --region R           lumbar (default) | cervical
  --mass KG            body mass, 20-250 kg (default 80)
  --max-lbf F          max tension (default: the envelope's starting tension)
  --min-lbf F          min (rest) tension (default: the highest allowed)
  --hold S, --rest S   hold and rest times, 1-99 s (default 30 and 15)
  --ramp-up S, --ramp-down S  cyclic ramp times, 1-99 s (default 10 and 10)
  --steps N            progressive/regressive steps, 1-10 (default 3)
  --shape SHAPE        linear (default) | log (fast then slow)
  --rate-lbfps R       ramp speed (default: the region's maximum)
  --minutes M          treatment time, 0.1-45 min (default 2)
  --angle DEG          angle of pull, recorded only (default 10 lumbar, 20 cervical)
  --confirm-lbf F      the force the operator confirms (needed above the confirmation threshold)
  --time-scale K       compressed time, 1-10 (default 1); a table other than sim:table must run at the same K
  --json               print a JSON summary at the end
The patient switch self-test is done by the simulator for sim:table; elsewhere press and release it when asked.
exit status: 0 program completed, 1 it ended otherwise (release, precheck failure, stop), 2 bad arguments or prescription`;

/**
 * Above ×10 a 50 ms event-loop stall is already 500 ms of device time: the table's watchdog would
 * release on a healthy link (correctly, from its point of view). DESIGN.
 */
const MAX_TIME_SCALE = 10;

export interface RunDecompressionOptions {
  readonly port: string;
  readonly plan: SessionPlan;
  readonly timeScale: number;
  readonly json: boolean;
}

const lbf = (text: string, name: string): Result<number, string> => {
  const value = numberIn(text, 0, 500, name);
  return value.ok ? ok(value.value * NEWTONS_PER_POUND_FORCE) : value;
};
const seconds = (text: string, name: string): Result<number, string> => {
  const value = numberIn(text, 1, 99, name);
  return value.ok ? ok(value.value * 1000) : value;
};

/** Parses, then checks the prescription against the envelope; every problem is one message. */
export function parseRunDecompressionArgs(argv: readonly string[]): Result<RunDecompressionOptions, string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        program: { type: 'string' },
        region: { type: 'string', default: 'lumbar' },
        mass: { type: 'string', default: '80' },
        'max-lbf': { type: 'string' },
        'min-lbf': { type: 'string' },
        hold: { type: 'string', default: '30' },
        rest: { type: 'string', default: '15' },
        'ramp-up': { type: 'string', default: '10' },
        'ramp-down': { type: 'string', default: '10' },
        steps: { type: 'string', default: '3' },
        shape: { type: 'string', default: 'linear' },
        'rate-lbfps': { type: 'string' },
        minutes: { type: 'string', default: '2' },
        angle: { type: 'string' },
        'confirm-lbf': { type: 'string' },
        'time-scale': { type: 'string', default: '1' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  if (v.port === undefined) return err('--port SPEC is required');
  const spec = parsePortSpec(v.port);
  if (!spec.ok) return spec;
  if (spec.value.kind === 'sim' && spec.value.device !== 'table') return err(`${v.port} is not a table`);
  if (v.program === undefined) return err(`--program is required: ${PROGRAM_MODE_KINDS.join(' | ')}`);
  const kind = v.program as ProgramModeKind;
  if (!PROGRAM_MODE_KINDS.includes(kind)) return err(`--program must be one of ${PROGRAM_MODE_KINDS.join(', ')}, not "${v.program}"`);
  if (v.region !== 'lumbar' && v.region !== 'cervical') return err(`--region must be lumbar or cervical, not "${v.region}"`);
  if (v.shape !== 'linear' && v.shape !== 'log') return err(`--shape must be linear or log, not "${v.shape}"`);
  const massKg = numberIn(v.mass, 0, 1000, '--mass');
  if (!massKg.ok) return massKg;
  const mass = bodyMassKg(massKg.value);
  if (!mass.ok) return err(`--mass: ${mass.error}`);
  const numbers = {
    hold: seconds(v.hold, '--hold'),
    rest: seconds(v.rest, '--rest'),
    rampUp: seconds(v['ramp-up'], '--ramp-up'),
    rampDown: seconds(v['ramp-down'], '--ramp-down'),
    steps: integerIn(v.steps, 1, 10, '--steps'),
    minutes: numberIn(v.minutes, 0.1, 45, '--minutes'),
    timeScale: numberIn(v['time-scale'], 1, MAX_TIME_SCALE, '--time-scale'),
    angle: numberIn(v.angle ?? (v.region === 'lumbar' ? '10' : '20'), 0, 90, '--angle'),
    maxN: v['max-lbf'] === undefined ? ok(undefined) : lbf(v['max-lbf'], '--max-lbf'),
    minN: v['min-lbf'] === undefined ? ok(undefined) : lbf(v['min-lbf'], '--min-lbf'),
    rateNps: v['rate-lbfps'] === undefined ? ok(undefined) : lbf(v['rate-lbfps'], '--rate-lbfps'),
    confirmN: v['confirm-lbf'] === undefined ? ok(undefined) : lbf(v['confirm-lbf'], '--confirm-lbf'),
  };
  for (const value of Object.values(numbers)) if (!value.ok) return value;
  const n = Object.fromEntries(Object.entries(numbers).map(([k, r]) => [k, r.ok ? r.value : undefined])) as { [K in keyof typeof numbers]: number | undefined };
  const patient: PatientContext = { region: v.region, bodyMassKg: mass.value, history: FIRST_SESSION };
  const program = programFromForm(
    {
      region: v.region,
      kind,
      maxN: n.maxN,
      minN: n.minN,
      holdMs: n.hold ?? 0,
      restMs: n.rest ?? 0,
      rampUpMs: n.rampUp ?? 0,
      rampDownMs: n.rampDown ?? 0,
      steps: n.steps ?? 1,
      shape: v.shape === 'log' ? 'logarithmic' : 'linear',
      rampRateNps: n.rateNps,
      treatmentMs: (n.minutes ?? 0) * 60_000,
      angleDeg: n.angle ?? 0,
    },
    deriveEnvelope(patient),
  );
  const plan = planSession(patient, { program, confirmedN: n.confirmN });
  if (!plan.ok) return err(`prescription refused: ${plan.error.map((p) => p.message).join('; ')}`);
  return ok({ port: v.port, plan: plan.value, timeScale: n.timeScale ?? 1, json: v.json });
}
