/**
 * CPU the host spends per 1000 Hz of plate stream: the simulator runs as its own process
 * (`proprio sim` on a PTY, as QA would run it), this process runs the real PlateDriver over
 * serialport for a fixed time, and process.cpuUsage() over wall time gives the share of one core.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PlateDriver, serialTransport } from '../native-bridge/index.ts';

const RATE_HZ = 1000;

export async function benchPlateCpu(seconds = 10): Promise<{ cpuPercentAt1kHz: number; samplesPerSec: number }> {
  const bin = fileURLToPath(new URL('../bin/proprio.js', import.meta.url));
  const sim = spawn(process.execPath, [bin, 'sim', '--device', 'plate', '--pty', '--rate', String(RATE_HZ)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const path = await new Promise<string>((resolve, reject) => {
      let out = '';
      sim.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = / at (\S+) \(pty\)/.exec(out);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      sim.once('exit', (code) => reject(new Error(`proprio sim exited (${code}) before printing its port: ${out}`)));
    });
    const driver = new PlateDriver({ transport: serialTransport(path), rateHz: RATE_HZ });
    let samples = 0;
    driver.events.on('samples', (block) => (samples += block.count));
    const connected = new Promise<void>((resolve) => driver.events.on('connected', () => resolve()));
    driver.start();
    await connected;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const startSamples = samples;
    const startCpu = process.cpuUsage();
    const startMs = performance.now();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const cpu = process.cpuUsage(startCpu);
    const wallMs = performance.now() - startMs;
    const got = samples - startSamples;
    await driver.stop();
    const cpuPercent = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
    const ratePerSec = (got / wallMs) * 1000;
    return { cpuPercentAt1kHz: (cpuPercent * 1000) / ratePerSec, samplesPerSec: ratePerSec };
  } finally {
    sim.kill('SIGTERM');
  }
}
