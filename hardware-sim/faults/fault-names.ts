/**
 * The fault names of the CLI (`--fault name=value`) and the README, mapped to settings.
 *
 * One table, so the CLI, its help text and the README cannot drift apart. A name may be
 * prefixed with `plate.` or `table.` to aim a link fault at one device only.
 */
import { err, ok } from '../spec-codec/result.ts';
import type { Result } from '../spec-codec/result.ts';

export type FaultDevice = 'plate' | 'table';

export interface FaultName {
  readonly name: string;
  /** The settings key (`setFaults({ [key]: value })`). */
  readonly key: string;
  readonly devices: readonly FaultDevice[];
  readonly help: string;
  parse(text: string): Result<number | boolean | string | null, string>;
}

const fraction = (text: string): Result<number, string> => {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 1 ? ok(value) : err('a fraction from 0 to 1');
};
const nonNegative = (text: string): Result<number, string> => {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? ok(value) : err('a number ≥ 0');
};
const anyNumber = (text: string): Result<number, string> => {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? ok(value) : err('a number');
};
const flag = (text: string): Result<boolean, string> => {
  if (['1', 'true', 'on', 'yes'].includes(text)) return ok(true);
  if (['0', 'false', 'off', 'no'].includes(text)) return ok(false);
  return err('1 or 0 (on/off)');
};
const cell = (text: string): Result<number | null, string> => {
  if (text === 'none' || text === '-1') return ok(null);
  return /^[0-3]$/.test(text) ? ok(Number(text)) : err('a cell 0–3, or none');
};
const switchPosition = (text: string): Result<string, string> =>
  ['ready', 'pressed', 'unplugged', 'shorted'].includes(text) ? ok(text) : err('ready, pressed, unplugged or shorted');

const BOTH: readonly FaultDevice[] = ['plate', 'table'];

export const FAULT_NAMES: readonly FaultName[] = [
  { name: 'garble', key: 'garbleFrac', devices: BOTH, help: 'fraction of device lines with one byte replaced', parse: fraction },
  { name: 'badcrc', key: 'badCrcFrac', devices: BOTH, help: 'fraction of device lines with a wrong CRC', parse: fraction },
  { name: 'drop', key: 'dropFrac', devices: BOTH, help: 'fraction of device lines dropped', parse: fraction },
  { name: 'garbage', key: 'garbageFrac', devices: BOTH, help: 'chance per line of a burst of garbage bytes (own LF) before it', parse: fraction },
  { name: 'burst', key: 'latencyBurstPerS', devices: BOTH, help: 'latency bursts per second (output held, then flushed)', parse: nonNegative },
  { name: 'burstMs', key: 'latencyBurstMs', devices: BOTH, help: 'how long a latency burst holds the output (default 200)', parse: nonNegative },
  { name: 'nak', key: 'nakBusyFrac', devices: BOTH, help: 'fraction of commands answered -NAK … 8 (busy)', parse: fraction },
  { name: 'inGarble', key: 'inputGarbleFrac', devices: BOTH, help: 'fraction of host lines garbled on the way in', parse: fraction },
  { name: 'inDrop', key: 'inputDropFrac', devices: BOTH, help: 'fraction of host lines lost on the way in', parse: fraction },
  { name: 'stuckCell', key: 'stuckCell', devices: ['plate'], help: 'plate cell 0–3 whose counts freeze (none)', parse: cell },
  { name: 'driftCell', key: 'driftCell', devices: ['plate'], help: 'plate cell 0–3 that drifts by driftNps (none)', parse: cell },
  { name: 'driftNps', key: 'driftNps', devices: ['plate'], help: 'drift of driftCell, N/s', parse: anyNumber },
  { name: 'adcFault', key: 'adcFaultCell', devices: ['plate'], help: 'plate cell 0–3 whose ADC reports an error (none)', parse: cell },
  { name: 'loadCellStuck', key: 'loadCellStuck', devices: ['table'], help: 'table load cell reading frozen (1/0)', parse: flag },
  { name: 'loadCellDriftNps', key: 'loadCellDriftNps', devices: ['table'], help: 'table load cell drift, N/s', parse: anyNumber },
  { name: 'loadCellFault', key: 'loadCellAdcFault', devices: ['table'], help: 'table load cell ADC error (1/0)', parse: flag },
  { name: 'overshootN', key: 'overshootN', devices: ['table'], help: 'drive tracks this far above the set-point, N', parse: nonNegative },
  { name: 'runaway', key: 'runaway', devices: ['table'], help: 'powered drive pulls at 10 mm/s regardless (1/0)', parse: flag },
  { name: 'driveFault', key: 'driveFault', devices: ['table'], help: 'drive reports a fault (1/0)', parse: flag },
  { name: 'powerFail', key: 'powerFail', devices: ['table'], help: 'mains lost (1/0)', parse: flag },
  { name: 'switch', key: 'patientSwitch', devices: ['table'], help: 'patient switch: ready, pressed, unplugged, shorted', parse: switchPosition },
  { name: 'estop', key: 'estop', devices: ['table'], help: 'e-stop engaged (1/0)', parse: flag },
];

export interface FaultAssignment {
  readonly devices: readonly FaultDevice[];
  readonly key: string;
  readonly value: number | boolean | string | null;
}

/** Parses `name=value` or `plate.name=value` / `table.name=value`. */
export function parseFaultAssignment(text: string): Result<FaultAssignment, string> {
  const eq = text.indexOf('=');
  if (eq <= 0) return err(`--fault expects name=value, got "${text}"`);
  let name = text.slice(0, eq);
  const valueText = text.slice(eq + 1);
  let only: FaultDevice | null = null;
  const dot = name.indexOf('.');
  if (dot > 0) {
    const prefix = name.slice(0, dot);
    if (prefix !== 'plate' && prefix !== 'table') return err(`unknown device "${prefix}" in --fault ${text}`);
    only = prefix;
    name = name.slice(dot + 1);
  }
  const fault = FAULT_NAMES.find((f) => f.name === name);
  if (fault === undefined) return err(`unknown fault "${name}" (see --help for the list)`);
  if (only !== null && !fault.devices.includes(only)) return err(`fault "${name}" does not apply to the ${only}`);
  const value = fault.parse(valueText);
  if (!value.ok) return err(`fault ${name} needs ${value.error}, got "${valueText}"`);
  return ok({ devices: only === null ? fault.devices : [only], key: fault.key, value: value.value });
}
