/**
 * Everything a simulated device needs around its firmware: device time and its driver, seeded
 * randomness, link fault injection and counters, the transmit port and the front ends.
 *
 * Construction order matters for determinism: the firmware schedules its first events on the
 * scheduler before `start()` creates the clock driver (a real-time driver starts ticking at once).
 */
import type { Duplex } from 'node:stream';
import { createClockDriver } from '../clock/clock-driver.ts';
import { checkSerial } from './serial-number.ts';
import type { PtyEndpoint, TcpEndpoint } from '../front-ends/front-end-host.ts';
import type { PtyOptions } from '../front-ends/pty.ts';
import type { TcpOptions } from '../front-ends/tcp.ts';
import type { ClockDriver, ClockMode } from '../clock/clock-driver.ts';
import { Scheduler } from '../clock/scheduler.ts';
import { createFaultCounters } from '../faults/fault-counters.ts';
import type { FaultCounters } from '../faults/fault-counters.ts';
import { LinkFaultInjector } from '../faults/link-faults.ts';
import { FrontEndHost } from '../front-ends/front-end-host.ts';
import { StreamBinding } from '../front-ends/stream-binding.ts';
import { Prng } from '../random/prng.ts';
import { SimBugError } from '../spec-codec/result.ts';
import { DEFAULT_TX_CAPACITY_BYTES, TxPort } from './tx-port.ts';

/** The port is drained every 2 ms of device time, also inside a long catch-up batch (link.md §1 pacing). */
const PUMP_INTERVAL_US = 2000;

export interface ByteReceiver {
  receiveBytes(chunk: Uint8Array): void;
  resetReceiver(): void;
}

/** What every simulated device offers, whatever it models: its ports, its clock, its counters. */
export interface SimulatedDevice {
  readonly model: string;
  readonly serial: string;
  /** A Duplex the app writes host lines into and reads device bytes from; replaces the previous one. */
  connectInProcess(): Duplex;
  servePty(options?: PtyOptions): Promise<PtyEndpoint>;
  serveTcp(options?: TcpOptions): Promise<TcpEndpoint>;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  faultCounters(): FaultCounters;
  /** Manual clock only. */
  advanceMs(ms: number): void;
  nowUs(): number;
  close(): Promise<void>;
}

/** The options every simulated device takes besides its own model's. */
export interface SimBaseOptions {
  readonly seed?: number;
  readonly serial?: string;
  readonly clock?: 'manual' | 'realtime';
  readonly timeScale?: number;
  readonly txCapacityBytes?: number;
}

/**
 * A device's runtime and serial number from its options: seed 1, real time × 1 and the serial
 * `<prefix>-` + 5 digits of the seed unless given. A bad serial throws (a caller's bug).
 */
export function openDeviceRuntime(options: SimBaseOptions, ptyName: string, serialPrefix: string): { runtime: DeviceRuntime; serial: string } {
  const seed = options.seed ?? 1;
  const clock: ClockMode = options.clock === 'manual' ? { kind: 'manual' } : { kind: 'realtime', timeScale: options.timeScale ?? 1 };
  const runtime = new DeviceRuntime({
    seed,
    clock,
    ptyName,
    ...(options.txCapacityBytes === undefined ? {} : { txCapacityBytes: options.txCapacityBytes }),
  });
  const serial = options.serial ?? `${serialPrefix}-${String(Math.abs(seed) % 100000).padStart(5, '0')}`;
  checkSerial(serial);
  return { runtime, serial };
}

export interface DeviceRuntimeOptions {
  readonly seed: number;
  readonly clock: ClockMode;
  readonly ptyName: string;
  readonly txCapacityBytes?: number;
}

export class DeviceRuntime {
  readonly scheduler = new Scheduler();
  readonly prng: Prng;
  readonly counters: FaultCounters = createFaultCounters();
  readonly injector: LinkFaultInjector;
  readonly tx: TxPort;
  readonly frontEnds: FrontEndHost;
  private driver: ClockDriver | null = null;
  private receiver: ByteReceiver | null = null;
  private isClosed = false;

  constructor(readonly options: DeviceRuntimeOptions) {
    this.prng = new Prng(options.seed);
    this.injector = new LinkFaultInjector(this.prng.derive('link-faults'), this.counters);
    this.tx = new TxPort(this.injector, this.counters, options.txCapacityBytes ?? DEFAULT_TX_CAPACITY_BYTES);
    const binding = new StreamBinding({
      tx: this.tx,
      sync: () => this.driver?.sync(),
      receive: (chunk) => this.receiver?.receiveBytes(chunk),
      connected: () => this.receiver?.resetReceiver(),
      pump: () => this.pump(),
    });
    this.frontEnds = new FrontEndHost(binding, options.ptyName);
  }

  /** Connects the firmware's receiver and starts device time. */
  start(receiver: ByteReceiver): void {
    if (this.driver !== null) throw new SimBugError('runtime started twice');
    this.receiver = receiver;
    const pumpTick = (nowUs: number): void => {
      this.pump();
      this.scheduler.at(nowUs + PUMP_INTERVAL_US, pumpTick);
    };
    this.scheduler.at(this.scheduler.nowUs + PUMP_INTERVAL_US, pumpTick);
    this.driver = createClockDriver(this.options.clock, this.scheduler, () => this.pump());
  }

  /** The SimulatedDevice methods that only need the runtime, for a device to spread into itself. */
  deviceMethods(): Omit<SimulatedDevice, 'model' | 'serial'> {
    return {
      connectInProcess: () => this.frontEnds.connectInProcess(),
      servePty: (options) => this.frontEnds.servePty(options),
      serveTcp: (options) => this.frontEnds.serveTcp(options),
      unplug: () => this.frontEnds.unplug(),
      replug: () => this.frontEnds.replug(),
      faultCounters: () => ({ ...this.counters }),
      advanceMs: (ms) => this.advanceMs(ms),
      nowUs: () => this.nowUs,
      close: () => this.close(),
    };
  }

  get nowUs(): number {
    return this.scheduler.nowUs;
  }

  /** Manual clock only. */
  advanceMs(ms: number): void {
    if (this.driver === null) throw new SimBugError('runtime not started');
    this.driver.advanceMs(ms);
  }

  pump(): void {
    this.tx.pump(this.scheduler.nowUs);
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    this.driver?.stop();
    await this.frontEnds.close();
  }
}
