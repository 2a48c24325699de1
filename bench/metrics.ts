/**
 * The full sway metric set on 60 s × 1000 Hz of COP (issue 4: ≤ 20 ms), and the independent
 * NumPy/SciPy script (test/reference/sway_metrics.py) on the same data in the same run, each
 * timed in-process as a median of warm runs, so process start and data transfer count for neither.
 */
import { computeSwayMetrics } from '../core/index.ts';
import { runReference } from '../test/reference/run-reference.ts';
import { syntheticSway } from '../test/reference/test-signals.ts';

const WARM_UP_RUNS = 5;
const TIMED_RUNS = 31;
const NUMPY_RUNS = 7;

const median = (values: number[]): number => {
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

export function benchMetrics(): { fullSetMs: number; numpyMs: number; ratioToNumpy: number } {
  const signal = syntheticSway('bench-60s-1kHz', 60, 1000, 2024);
  for (let i = 0; i < WARM_UP_RUNS; i++) computeSwayMetrics(signal);
  const runs: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const startNs = process.hrtime.bigint();
    const result = computeSwayMetrics(signal);
    runs.push(Number(process.hrtime.bigint() - startNs) / 1e6);
    if (!result.ok) throw new Error(`metrics failed: ${result.error}`);
  }
  const numpyMs = runReference([signal], NUMPY_RUNS).ms[signal.name];
  if (numpyMs === undefined) throw new Error('the NumPy reference returned no timing');
  const fullSetMs = median(runs);
  return { fullSetMs, numpyMs, ratioToNumpy: fullSetMs / numpyMs };
}
