/**
 * CPU time the hypervisor gave to other guests ("steal", /proc/stat), as a share of all CPU time
 * over an interval. The machines here are virtual: steal came and went between 0 % and 45 % within
 * one minute, and real-time figures (the UI bench's latency) moved with it, so they are printed
 * beside it. Linux only; elsewhere the share is NaN.
 */
import { readFileSync } from 'node:fs';

interface CpuTicks {
  readonly steal: number;
  readonly total: number;
}

function readCpuTicks(): CpuTicks | undefined {
  let line: string | undefined;
  try {
    line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  } catch {
    return undefined;
  }
  // "cpu  user nice system idle iowait irq softirq steal guest guest_nice" (proc(5)).
  const fields = line?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return undefined;
  // guest and guest_nice are already counted inside user and nice.
  return { steal: fields[7] as number, total: fields.slice(0, 8).reduce((sum, n) => sum + n, 0) };
}

/** Starts measuring; the returned function gives the steal share (%) since the start. */
export function measureSteal(): () => number {
  const start = readCpuTicks();
  return () => {
    const end = readCpuTicks();
    if (start === undefined || end === undefined || end.total === start.total) return Number.NaN;
    return (100 * (end.steal - start.steal)) / (end.total - start.total);
  };
}
