/**
 * The simulated PF-600 force plate: firmware, subject, cells and link, behind one object.
 *
 * Spec: docs/protocols/plate.md. This file only composes; behaviour lives in plate-firmware.ts
 * (wire), plate-commands.ts (states), subject-model.ts and sway-model.ts (the person),
 * load-cells.ts (cells and ADC) and device-link/ (link layer). Ground truth is readable for tests.
 */
import { DeviceLink } from '../device-link/device-link.ts';
import type { RxBadByClass } from '../device-link/device-link.ts';
import { openDeviceRuntime, type SimulatedDevice } from '../device-link/device-runtime.ts';
import { NO_LINK_FAULTS, pickLinkFaults } from '../faults/link-faults.ts';
import type { LinkFaults } from '../faults/link-faults.ts';
import { decodePlateHostLine, encodePlateDeviceLine } from '../spec-codec/plate-codec.ts';
import type { PlateDeviceMessage } from '../spec-codec/plate-codec.ts';
import type { PlateDeviceCommand } from './plate-commands.ts';
import { IDEAL_CELL, LoadCellAdc, NO_CELL_FAULTS, randomCalibration, splitForce } from './load-cells.ts';
import type { CellCalibration, CellFaults, CellForces } from './load-cells.ts';
import { PlateFirmware } from './plate-firmware.ts';
import type { PlateSampleRecord } from './plate-firmware.ts';
import { PLATE_MODEL } from './plate-constants.ts';
import { SubjectModel } from './subject-model.ts';
import type { SubjectTruth } from './subject-model.ts';
import type { Eyes, Surface } from './sway-model.ts';
import { TestMasses } from './test-masses.ts';
import type { PlacedMass } from './test-masses.ts';

export interface SubjectSettings {
  readonly bodyMassKg: number;
  readonly eyes: Eyes;
  readonly surface: Surface;
  /** Mean COP position on the plate (sway is around it). */
  readonly stanceXMm: number;
  readonly stanceYMm: number;
}

export type PlateFaults = LinkFaults & CellFaults;

export interface PlateSimOptions {
  /** Seed of everything random (default 1). Same seed and same inputs → same bytes. */
  readonly seed?: number;
  /** Serial number, 1–24 of `A–Z 0–9 -` (default `PF6-` + 5 digits from the seed). */
  readonly serial?: string;
  /** `manual` (tests: `advanceMs`) or `realtime` (default) with `timeScale` (default 1). */
  readonly clock?: 'manual' | 'realtime';
  readonly timeScale?: number;
  /** Sample rate at power-up (plate.md §4 says 1000 Hz; the host normally sets it with `$RATE`). */
  readonly rateHz?: number;
  /** A subject standing on the plate from power-up (default false: empty plate). */
  readonly subjectPresent?: boolean;
  readonly subject?: Partial<SubjectSettings>;
  /** Cells with zero offset, unit gain and no non-linearity (noise still applies unless `cellNoiseN` is 0). */
  readonly idealCells?: boolean;
  /** Cell noise, N RMS (default 0.2). */
  readonly cellNoiseN?: number;
  readonly faults?: Partial<PlateFaults>;
  /** Transmit buffer size (default 64 KiB); small values make DEVICE_OVERFLOW easy to provoke. */
  readonly txCapacityBytes?: number;
  /** Device time of the BOOT event (default 1000 µs). */
  readonly bootAtUs?: number;
}

export interface PlateSimState {
  readonly firmware: 'idle' | 'streaming';
  readonly rateHz: number;
  readonly hasHandshake: boolean;
  readonly nowUs: number;
  /** The seq of the next device line. */
  readonly nextTxSeq: number;
  readonly rxBad: number;
  readonly rxBadByClass: Readonly<RxBadByClass>;
  readonly rxGap: number;
  /** Host lines behind the expected seq since the last handshake (link.md §3), not gaps. */
  readonly rxOutOfOrder: number;
  readonly rxValid: number;
  readonly samplesSent: number;
  /** The subject now: phase, vertical force and true COP. */
  readonly subject: SubjectTruth;
  /** True force on each cell now, N. */
  readonly cellForcesN: CellForces;
  /** The latest samples sent (with the truth they were made from), newest last. */
  readonly recentSamples: readonly PlateSampleRecord[];
  readonly calibration: readonly CellCalibration[];
  /** Calibration masses on the plate now (their load may still be settling). */
  readonly masses: readonly PlacedMass[];
}

export interface PlateSim extends SimulatedDevice {
  stepOn(): void;
  stepOff(): void;
  setSubject(settings: Partial<SubjectSettings>): void;
  /** Sets a known mass down at a known position (calibration); its load settles in about 2 s. */
  placeMass(mass: PlacedMass): void;
  /** Lifts every calibration mass off the plate. */
  clearMasses(): void;
  setFaults(faults: Partial<PlateFaults>): void;
  faults(): PlateFaults;
  state(): PlateSimState;
}

export function createPlateSim(options: PlateSimOptions = {}): PlateSim {
  const { runtime, serial } = openDeviceRuntime(options, 'plate', 'PF6');
  if (options.rateHz !== undefined && !(Number.isInteger(options.rateHz) && options.rateHz >= 100 && options.rateHz <= 2000)) {
    throw new RangeError(`createPlateSim: rateHz must be an integer 100–2000, got ${options.rateHz}`);
  }
  const subject = new SubjectModel(runtime.prng.derive('subject'));
  const masses = new TestMasses();
  const calibrationPrng = runtime.prng.derive('calibration');
  const cal = (): CellCalibration => (options.idealCells === true ? IDEAL_CELL : randomCalibration(calibrationPrng));
  const adc = new LoadCellAdc([cal(), cal(), cal(), cal()], runtime.prng.derive('cell-noise'), options.cellNoiseN ?? 0.2);
  const firmware = new PlateFirmware({
    scheduler: runtime.scheduler,
    subject,
    masses,
    adc,
    serial,
    bootAtUs: options.bootAtUs ?? 1000,
    ...(options.rateHz === undefined ? {} : { powerUpRateHz: options.rateHz }),
  });
  const link = new DeviceLink<PlateDeviceCommand, PlateDeviceMessage>({
    scheduler: runtime.scheduler,
    tx: runtime.tx,
    injector: runtime.injector,
    counters: runtime.counters,
    prng: runtime.prng.derive('reply-latency'),
    decodeHost: decodePlateHostLine,
    encodeDevice: encodePlateDeviceLine,
    behaviour: firmware,
  });
  let linkFaults: LinkFaults = NO_LINK_FAULTS;

  const sim: PlateSim = {
    ...runtime.deviceMethods(),
    model: PLATE_MODEL,
    serial,
    stepOn: () => subject.stepOn(runtime.nowUs),
    stepOff: () => subject.stepOff(runtime.nowUs),
    setSubject(settings) {
      if (settings.bodyMassKg !== undefined) subject.bodyMassKg = settings.bodyMassKg;
      if (settings.stanceXMm !== undefined) subject.stanceXMm = settings.stanceXMm;
      if (settings.stanceYMm !== undefined) subject.stanceYMm = settings.stanceYMm;
      if (settings.eyes !== undefined || settings.surface !== undefined) {
        subject.condition = { eyes: settings.eyes ?? subject.condition.eyes, surface: settings.surface ?? subject.condition.surface };
      }
    },
    placeMass(mass) {
      if (!(mass.massKg > 0) || !Number.isFinite(mass.xMm) || !Number.isFinite(mass.yMm)) {
        throw new RangeError(`placeMass: mass must be > 0 kg at a finite position, got ${JSON.stringify(mass)}`);
      }
      masses.place(mass, runtime.nowUs);
    },
    clearMasses: () => masses.clear(runtime.nowUs),
    setFaults(faults) {
      const next = { ...sim.faults(), ...faults };
      linkFaults = pickLinkFaults(next);
      runtime.injector.settings = linkFaults;
      firmware.setCellFaults({
        stuckCell: next.stuckCell, driftCell: next.driftCell, driftNps: next.driftNps, adcFaultCell: next.adcFaultCell,
      });
    },
    faults: () => ({ ...linkFaults, ...firmware.faults }),
    state() {
      const truth = masses.addTo(subject.truthAt(runtime.nowUs), runtime.nowUs);
      return {
        firmware: firmware.state.kind,
        rateHz: firmware.state.rateHz,
        hasHandshake: link.hasHandshake,
        nowUs: runtime.nowUs,
        nextTxSeq: link.nextTxSeq,
        rxBad: link.rxBad,
        rxBadByClass: { ...link.rxBadByClass },
        rxGap: link.rxGap,
        rxOutOfOrder: link.rxOutOfOrder,
        rxValid: link.rxValid,
        samplesSent: firmware.samplesSent,
        subject: truth,
        cellForcesN: splitForce(truth.forceN, truth.copXMm, truth.copYMm),
        recentSamples: [...firmware.recentSamples],
        calibration: adc.calibration,
        masses: masses.placed,
      };
    },
  };

  sim.setSubject(options.subject ?? {});
  if (options.subjectPresent === true) subject.placeStanding();
  sim.setFaults({ ...NO_CELL_FAULTS, ...options.faults });
  firmware.start(link);
  runtime.start(link);
  return sim;
}
