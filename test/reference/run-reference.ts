/** Runs the independent NumPy/SciPy script (sway_metrics.py) on signals, with Debian's python3. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CopSignal } from './test-signals.ts';

export const REFERENCE_PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./sway_metrics.py', import.meta.url));

export interface ReferenceOutput {
  /** Metric values per signal name; null where the reference finds the metric undefined. */
  readonly results: Record<string, Record<string, number | null>>;
  /** Median milliseconds per signal over `repeat` runs, timed inside Python. */
  readonly ms: Record<string, number>;
}

export function runReference(signals: readonly CopSignal[], repeat = 1): ReferenceOutput {
  const request = {
    repeat,
    signals: signals.map((s) => ({ name: s.name, x: Array.from(s.xMm), y: Array.from(s.yMm), fs: s.sampleRateHz, filter: s.isFiltered })),
  };
  const stdout = execFileSync(REFERENCE_PYTHON, [SCRIPT], { input: JSON.stringify(request), maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout.toString()) as ReferenceOutput;
}
