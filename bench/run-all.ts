/**
 * `npm run bench`: every benchmark in one run, a table on stdout and
 * bench/results/latest.json as `{"name": {"value": n, "unit": "…"}}`. Benches are measurements,
 * not tests: they fail only when they cannot measure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchCalibration } from './calibration.ts';
import { benchMetrics } from './metrics.ts';
import { benchPlateCpu } from './plate-cpu.ts';
import { benchPlateDecode } from './plate-decode.ts';
import { benchPlatePty } from './plate-pty.ts';
import { benchUi } from './ui-latency.ts';
import { benchRecorder } from './recorder.ts';
import { benchRecorderLive } from './recorder-live.ts';

interface Figure {
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

const figures: Record<string, Figure> = {};
const record = (name: string, value: number, unit: string, note?: string): void => {
  figures[name] = note === undefined ? { value, unit } : { value, unit, note };
  console.log(`${name.padEnd(36)} ${formatValue(value).padStart(14)} ${unit}${note === undefined ? '' : `   (${note})`}`);
};
const formatValue = (value: number): string => (Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(3));

console.log(`${'benchmark'.padEnd(36)} ${'value'.padStart(14)} unit`);
const decode = benchPlateDecode();
record('plate.decode.linesPerSec', decode.linesPerSec, 'lines/s', 'one core, #D lines as bytes');
const pty = await benchPlatePty();
const pin = pty.pinned ? 'writer+socat on CPU 0, reader on CPU 1' : 'unpinned (one core)';
record('plate.pty.bareReadlineLinesPerSec', pty.bareLinesPerSec, 'lines/s', `median; parser-readline defaults; ${pin}`);
record('plate.pty.bareReadlineBytesLinesPerSec', pty.bareBytesModeLinesPerSec, 'lines/s', 'parser-readline emitting Buffers');
record('plate.pty.proprioLinesPerSec', pty.proprioLinesPerSec, 'lines/s', 'guard + readline + decode + sequence/gap checks + blocks');
record('plate.pty.ratioToBareReadline', pty.ratio, 'ratio', `median of ${pty.rounds} rounds, readers back to back`);
record('plate.pty.ratioToBareReadlineBytes', pty.ratioToBytesMode, 'ratio');
const cpu = await benchPlateCpu();
record('plate.cpuPercentAt1kHz', cpu.cpuPercentAt1kHz, '% of one core', `PlateDriver over PTY from \`proprio sim\`, ${Math.round(cpu.samplesPerSec)} samples/s`);
const metrics = benchMetrics();
record('metrics.fullSet60s1kHz.ms', metrics.fullSetMs, 'ms', 'median of 31 warm runs, all sway metrics incl. filter, Welch, SampEn');
record('metrics.ratioToNumpy', metrics.ratioToNumpy, 'ratio', `Proprio / NumPy-SciPy reference (${metrics.numpyMs.toFixed(1)} ms) on the same data`);
const calibration = await benchCalibration();
const seedsNote = `worst verification point over ${calibration.seeds} simulator seeds`;
record('calibration.copErrorMaxMm', calibration.copErrorMaxMm, 'mm', `${seedsNote}, after calibration (tolerance 1 mm)`);
record('calibration.forceErrorMaxPct', calibration.forceErrorMaxPct, '% of load', `${seedsNote}, after calibration`);
record('calibration.copErrorBeforeMaxMm', calibration.copErrorBeforeMaxMm, 'mm', `${seedsNote}, uncalibrated (tared, nominal sensitivity)`);

const recorder = benchRecorder();
const stream = `${recorder.samples.toLocaleString('en-US')} samples (10 min at 2000 Hz), blocks of 20`;
record('recorder.samplesPerSec', recorder.samplesPerSec, 'samples/s', `best of 3; ${stream}, flushed 4x per data-second, into SQLite`);
record('recorder.bytesPerSample', recorder.bytesPerSample, 'bytes/sample', `database file after checkpoint / samples; ${stream}`);
record('recorder.readSamplesPerSec', recorder.readSamplesPerSec, 'samples/s', 'best of 3; whole stream back as typed arrays');
record('recorder.maxFlushMs', recorder.maxFlushMs, 'ms', 'longest single flush (transaction + checkpoint) in the runs above');
const idle = await benchRecorderLive(false);
const live = await benchRecorderLive(true);
record('recorder.live.eventLoopMaxDelayMs', live.eventLoopMaxDelayMs, 'ms', `real-time 2000 Hz plate + table from in-process sims, recording; ${idle.eventLoopMaxDelayMs.toFixed(1)} ms without recording`);
record('recorder.live.eventLoopP99DelayMs', live.eventLoopP99DelayMs, 'ms', `same run; ${idle.eventLoopP99DelayMs.toFixed(1)} ms without recording; longest flush ${live.maxFlushMs.toFixed(1)} ms`);

const ui = await benchUi();
const uiNote = `headless Chromium, 1000 Hz simulated plate, 30 s on screen, ${ui.frames} frames`;
const stealNote = `${ui.stealPercent.toFixed(1)} % of CPU time stolen by the hypervisor meanwhile`;
record('ui.latencyP50Ms', ui.latencyP50Ms, 'ms', 'sample entering the host → end of the frame that drew it');
record('ui.latencyP99Ms', ui.latencyP99Ms, 'ms', `${ui.latencySamples} samples; target ≤ 50; ${stealNote}`);
record('ui.frameIntervalP95Ms', ui.frameIntervalP95Ms, 'ms', `${uiNote}; target ≤ 17.5`);
record('ui.drawP95Ms', ui.drawP95Ms, 'ms', 'script + canvas drawing calls inside the animation frame; target ≤ 8');
record('ui.frameWorkP95Ms', ui.trace.frameWorkP95Ms, 'ms', `whole main-thread frame incl. Chromium's deferred canvas raster (software here), Chrome trace of ${ui.trace.frames} frames; p50 ${ui.trace.frameWorkP50Ms.toFixed(1)} ms, raster+layer update p50 ${ui.trace.layerUpdateP50Ms.toFixed(1)} ms`);
record('ui.deliveryP99Ms', ui.deliveryP99Ms, 'ms', `sample entering the host → its batch reaching the page's script; p50 ${ui.deliveryP50Ms.toFixed(1)} ms`);
record('ui.cpuStealPercent', ui.stealPercent, '%', 'share of CPU time the virtual machine lost to other guests during the UI measurement (/proc/stat)');
record('ui.frameIntervalMaxMs', ui.frameIntervalMaxMs, 'ms', `longest gap between animation frames; p99 ${ui.frameIntervalP99Ms.toFixed(1)} ms`);

const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}latest.json`, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`wrote ${dir}latest.json`);
