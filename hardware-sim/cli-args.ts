/**
 * Argument parsing for `proprio sim` (see cli.ts), as a pure function returning a Result so
 * that bad input becomes a one-line message and exit code 2, never a stack trace.
 */
import { FAULT_NAMES, parseFaultAssignment } from './faults/fault-names.ts';
import type { FaultDevice } from './faults/fault-names.ts';
import type { Eyes, Surface } from './plate/sway-model.ts';
import { err, ok } from './spec-codec/result.ts';
import type { Result } from './spec-codec/result.ts';

export type SimTransport = { readonly kind: 'pty' } | { readonly kind: 'tcp'; readonly port: number };

export interface SimCliOptions {
  readonly isHelp: boolean;
  readonly devices: readonly FaultDevice[];
  readonly transport: SimTransport;
  readonly seed: number;
  readonly rateHz: number | null;
  readonly timeScale: number;
  readonly isSubjectOn: boolean;
  readonly bodyMassKg: number;
  readonly eyes: Eyes;
  readonly surface: Surface;
  readonly plateFaults: Readonly<Record<string, unknown>>;
  readonly tableFaults: Readonly<Record<string, unknown>>;
}

export const SIM_USAGE = `usage: proprio sim [options]

Runs the PF-600 plate and/or DT-9 table simulator until Ctrl-C.

  --device plate|table|both   which devices (default both)
  --pty                       serve each device on a PTY (default)
  --tcp [PORT]                serve on tcp://127.0.0.1:PORT (0 or none = free port; both: table on PORT+1)
  --seed N                    seed of everything random (default 1)
  --rate HZ                   plate sample rate at power-up, 100–2000 (default 1000)
  --time-scale K              device time runs K times real time (default 1)
  --fault NAME=VALUE          inject a fault; repeatable; prefix plate. or table. to aim it
  --subject on|off            a person standing on the plate (default on)
  --mass KG                   body mass, 20–250 (default 70)
  --eyes open|closed          (default open)
  --surface firm|foam         (default firm)
  --help                      this text

faults:
${FAULT_NAMES.map((f) => `  ${`${f.name}=`.padEnd(20)}${f.help} [${f.devices.join(', ')}]`).join('\n')}
`;

const DEFAULTS: SimCliOptions = {
  isHelp: false,
  devices: ['plate', 'table'],
  transport: { kind: 'pty' },
  seed: 1,
  rateHz: null,
  timeScale: 1,
  isSubjectOn: true,
  bodyMassKg: 70,
  eyes: 'open',
  surface: 'firm',
  plateFaults: {},
  tableFaults: {},
};

const PLATE_ONLY = ['--rate', '--subject', '--mass', '--eyes', '--surface'];

function number(flag: string, text: string, min: number, max: number, isInteger: boolean): Result<number, string> {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || (isInteger && !Number.isInteger(value)) || value < min || value > max) {
    return err(`${flag} needs ${isInteger ? 'an integer' : 'a number'} from ${min} to ${max}, got "${text}"`);
  }
  return ok(value);
}

function oneOf<T extends string>(flag: string, text: string, values: readonly T[]): Result<T, string> {
  return (values as readonly string[]).includes(text) ? ok(text as T) : err(`${flag} must be ${values.join(' or ')}, got "${text}"`);
}

export function parseSimArgs(argv: readonly string[]): Result<SimCliOptions, string> {
  let o: SimCliOptions = DEFAULTS;
  const plateFaults: Record<string, unknown> = {};
  const tableFaults: Record<string, unknown> = {};
  const seen = new Set<string>();
  let transportFlag: string | null = null;
  const args = argv.flatMap((arg) => (arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));

  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    const next = (): Result<string, string> => {
      const value = args[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) return err(`${flag} needs a value`);
      i++;
      return ok(value);
    };
    seen.add(flag);
    let step: Result<SimCliOptions, string>;
    switch (flag) {
      case '--help':
      case '-h':
        return ok({ ...o, isHelp: true });
      case '--device': {
        const v = next();
        const d = v.ok ? oneOf(flag, v.value, ['plate', 'table', 'both'] as const) : v;
        step = d.ok ? ok({ ...o, devices: d.value === 'both' ? ['plate', 'table'] : [d.value] }) : d;
        break;
      }
      case '--pty':
      case '--tcp': {
        if (transportFlag !== null && transportFlag !== flag) return err('choose one of --pty or --tcp');
        transportFlag = flag;
        if (flag === '--pty') {
          step = ok({ ...o, transport: { kind: 'pty' } });
          break;
        }
        const peek = args[i + 1];
        if (peek === undefined || peek.startsWith('--')) {
          step = ok({ ...o, transport: { kind: 'tcp', port: 0 } });
          break;
        }
        i++;
        const port = number(flag, peek, 0, 65535, true);
        step = port.ok ? ok({ ...o, transport: { kind: 'tcp', port: port.value } }) : port;
        break;
      }
      case '--seed':
      case '--rate':
      case '--time-scale':
      case '--mass': {
        const v = next();
        if (!v.ok) return v;
        const parsed =
          flag === '--seed' ? number(flag, v.value, 0, 4294967295, true)
          : flag === '--rate' ? number(flag, v.value, 100, 2000, true)
          : flag === '--time-scale' ? number(flag, v.value, 0.01, 1000, false)
          : number(flag, v.value, 20, 250, false);
        if (!parsed.ok) return parsed;
        const value = parsed.value;
        step = ok(
          flag === '--seed' ? { ...o, seed: value }
          : flag === '--rate' ? { ...o, rateHz: value }
          : flag === '--time-scale' ? { ...o, timeScale: value }
          : { ...o, bodyMassKg: value },
        );
        break;
      }
      case '--subject': {
        const v = next();
        const s = v.ok ? oneOf(flag, v.value, ['on', 'off'] as const) : v;
        step = s.ok ? ok({ ...o, isSubjectOn: s.value === 'on' }) : s;
        break;
      }
      case '--eyes': {
        const v = next();
        const e = v.ok ? oneOf(flag, v.value, ['open', 'closed'] as const) : v;
        step = e.ok ? ok({ ...o, eyes: e.value }) : e;
        break;
      }
      case '--surface': {
        const v = next();
        const s = v.ok ? oneOf(flag, v.value, ['firm', 'foam'] as const) : v;
        step = s.ok ? ok({ ...o, surface: s.value }) : s;
        break;
      }
      case '--fault': {
        const v = next();
        if (!v.ok) return v;
        const fault = parseFaultAssignment(v.value);
        if (!fault.ok) return fault;
        if (fault.value.devices.includes('plate')) plateFaults[fault.value.key] = fault.value.value;
        if (fault.value.devices.includes('table')) tableFaults[fault.value.key] = fault.value.value;
        step = ok(o);
        break;
      }
      default:
        return err(flag.startsWith('-') ? `unknown option ${flag}` : `unexpected argument "${flag}"`);
    }
    if (!step.ok) return step;
    o = step.value;
  }

  if (!o.devices.includes('plate')) {
    const misplaced = PLATE_ONLY.find((flag) => seen.has(flag));
    if (misplaced !== undefined) return err(`${misplaced} applies to the plate, which --device leaves out`);
    if (Object.keys(plateFaults).some((key) => !(key in tableFaults))) return err('a plate fault was given but --device leaves the plate out');
  }
  if (!o.devices.includes('table') && Object.keys(tableFaults).some((key) => !(key in plateFaults))) {
    return err('a table fault was given but --device leaves the table out');
  }
  return ok({ ...o, plateFaults, tableFaults });
}
