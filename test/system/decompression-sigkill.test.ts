/**
 * Issue #5 Done-when: a real `proprio run-decompression` process holding a patient under tension
 * is killed with SIGKILL; the simulated table (in this test process, over a socat PTY) hears
 * nothing more, trips its watchdog and releases on its own: zero tension within the watchdog time
 * plus the release time (table.md §6.4, §6.2: 500 ms + motor off ≤ 5 s; ref §7.1 K243366).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTableSim, type TableSim } from '../../hardware-sim/index.ts';
import { waitFor } from '../support/wait.ts';

const BIN = fileURLToPath(new URL('../../bin/proprio.js', import.meta.url));
/** table.md §3 page 1 `watchdogMs`, §6.2 motor disabled ≤ 5 s after the trigger. */
const WATCHDOG_MS = 500;
const RELEASE_MAX_MS = 5000;

let child: ChildProcessWithoutNullStreams | undefined;
let sim: TableSim | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await sim?.close();
  child = undefined;
  sim = undefined;
});

describe('host process killed mid-hold', () => {
  it('the table reaches zero tension within watchdog + release time, on its own', async () => {
    const table = createTableSim({ clock: 'realtime', seed: 31 });
    sim = table;
    const { path } = await table.servePty();
    const proc = spawn(process.execPath, [BIN, 'run-decompression', '--port', path, '--program', 'static', '--max-lbf', '30', '--minutes', '5']);
    child = proc;
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));

    // The patient does the switch self-test when the app asks for it.
    await waitFor('the switch self-test prompt', () => out.includes('prechecking: switch-test'), 15_000);
    table.pressSwitch();
    await new Promise((resolve) => setTimeout(resolve, 200));
    table.releaseSwitch();

    // Mid-hold: the table's set-point at the prescribed 30 lbf (133.4 N) and the tension there.
    await waitFor('the hold', () => table.state().state === 'run' && table.state().setN >= 133.4 - 0.1 && table.state().measuredN > 125, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(table.state().trueTensionN).toBeGreaterThan(120);
    expect(out).toMatch(/\$SET 133\.4 N at 44\.4 N\/s/);

    const killedAtUs = table.nowUs();
    proc.kill('SIGKILL');
    await waitFor('zero tension', () => table.state().trueTensionN < 0.5, 15_000, 5);
    const zeroAfterMs = (table.nowUs() - killedAtUs) / 1000;
    const s = table.state();
    const events = s.events.filter((e) => e.tUs >= killedAtUs);
    const at = (name: string): number => ((events.find((e) => e.name === name)?.tUs ?? Number.NaN) - killedAtUs) / 1000;
    console.log(`SIGKILL → WDOG ${at('WDOG').toFixed(0)} ms, RELEASE ${at('RELEASE').toFixed(0)} ms, RELDONE ${at('RELDONE').toFixed(0)} ms, zero tension ${zeroAfterMs.toFixed(0)} ms`);
    expect(at('WDOG')).toBeLessThanOrEqual(WATCHDOG_MS + 100);
    expect(at('RELEASE') - at('WDOG')).toBeLessThanOrEqual(50);
    expect(s.state).toBe('released');
    expect(s.faultCode).toBe(1);
    expect(s.isMotorOn).toBe(false);
    expect(zeroAfterMs).toBeLessThanOrEqual(WATCHDOG_MS + RELEASE_MAX_MS);
  }, 60_000);
});
