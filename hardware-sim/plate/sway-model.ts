/**
 * Quiet-stance sway: centre of pressure of a standing subject, per axis.
 *
 * Model (per axis): the centre of mass x behaves as a damped oscillator driven by smooth
 * (second-order low-passed) neural noise — the closed loop of an inverted pendulum with ankle
 * stiffness and damping — and the COP follows the inverted-pendulum relation
 * p = x − (h/g)·ẍ, so it leads the COM and carries a little more high-frequency content.
 * The noise is smooth, so the COP has a finite velocity whatever the sample rate.
 * Tuned (by simulation at 100 Hz over 120 s) to reference balance.md §4 for eyes open on a firm
 * surface: RMS AP ≈ 4.5 mm, ML ≈ 2.5 mm, mean velocity ≈ 8 mm/s, F50 ≈ 0.25–0.3 Hz,
 * F95 ≈ 0.6–0.8 Hz. Eyes closed multiplies the drive by 1.45, foam by 2, both by 3 (balance.md §4:
 * Romberg quotients ≈ 1.2–1.6; foam and both were not tabulated, so these are DESIGN values).
 * It also gives a slow vertical-force fluctuation (first-order low-passed noise, τ 0.3 s, ≈ 0.3 %
 * of body weight RMS) as a fraction of weight.
 * The model advances in fixed 1 ms steps and is read by linear interpolation, so its output at a
 * given device time does not depend on the sample rate or on how often it is read.
 */
import type { Prng } from '../random/prng.ts';

export type Eyes = 'open' | 'closed';
export type Surface = 'firm' | 'foam';

export interface SwayCondition {
  readonly eyes: Eyes;
  readonly surface: Surface;
}

export function conditionGain(condition: SwayCondition): number {
  if (condition.surface === 'foam') return condition.eyes === 'closed' ? 3.0 : 2.0;
  return condition.eyes === 'closed' ? 1.45 : 1.0;
}

interface AxisParams {
  readonly naturalHz: number;
  readonly damping: number;
  readonly noiseTauS: number;
  /** Drive gain for the eyes-open firm condition. */
  readonly drive: number;
}

const AP: AxisParams = { naturalHz: 0.28, damping: 0.7, noiseTauS: 0.25, drive: 30.6 };
const ML: AxisParams = { naturalHz: 0.25, damping: 0.7, noiseTauS: 0.3, drive: 13.8 };
/** h/g for a centre of mass ≈ 0.9 m high. */
const H_OVER_G_S2 = 0.09;
const FZ_TAU_S = 0.3;
const FZ_RMS_FRAC = 0.003;
export const SWAY_STEP_US = 1000;
const STEP_S = SWAY_STEP_US / 1e6;

class SwayAxis {
  private noise1 = 0;
  private noise2 = 0;
  private comMm = 0;
  private comVelMmS = 0;
  copMm = 0;

  constructor(private readonly p: AxisParams) {}

  step(white: number, gain: number): void {
    const { p } = this;
    const omega = 2 * Math.PI * p.naturalHz;
    const a = STEP_S / p.noiseTauS;
    this.noise1 += a * ((white * Math.sqrt(p.noiseTauS)) / Math.sqrt(STEP_S) - this.noise1);
    this.noise2 += a * (this.noise1 - this.noise2);
    const accMmS2 = -omega * omega * this.comMm - 2 * p.damping * omega * this.comVelMmS + p.drive * gain * this.noise2;
    this.comVelMmS += accMmS2 * STEP_S;
    this.comMm += this.comVelMmS * STEP_S;
    this.copMm = this.comMm - H_OVER_G_S2 * accMmS2;
  }
}

export class SwayModel {
  private readonly ap = new SwayAxis(AP);
  private readonly ml = new SwayAxis(ML);
  private stepIndex = 0;
  private prevX = 0;
  private prevY = 0;
  private prevFz = 0;
  private fzFrac = 0;
  condition: SwayCondition = { eyes: 'open', surface: 'firm' };

  constructor(private readonly prng: Prng) {
    // Start from a settled state rather than from rest at the origin.
    for (let i = 0; i < 20_000; i++) this.stepOnce();
    this.stepIndex = 0;
  }

  /**
   * Sway COP (mm, relative to the stance position) and vertical-force fraction at device time
   * `tUs`, which must not be earlier than the previous read.
   */
  at(tUs: number): { xMm: number; yMm: number; fzFrac: number } {
    const target = Math.ceil(tUs / SWAY_STEP_US);
    while (this.stepIndex < target) {
      this.prevX = this.ml.copMm;
      this.prevY = this.ap.copMm;
      this.prevFz = this.fzFrac;
      this.stepOnce();
      this.stepIndex++;
    }
    const frac = (tUs - (this.stepIndex - 1) * SWAY_STEP_US) / SWAY_STEP_US;
    if (this.stepIndex === 0 || frac >= 1) return { xMm: this.ml.copMm, yMm: this.ap.copMm, fzFrac: this.fzFrac };
    const lerp = (from: number, to: number): number => from + (to - from) * frac;
    return { xMm: lerp(this.prevX, this.ml.copMm), yMm: lerp(this.prevY, this.ap.copMm), fzFrac: lerp(this.prevFz, this.fzFrac) };
  }

  private stepOnce(): void {
    const gain = conditionGain(this.condition);
    this.ml.step(this.prng.gaussian(), gain);
    this.ap.step(this.prng.gaussian(), gain);
    const a = STEP_S / FZ_TAU_S;
    this.fzFrac += a * ((this.prng.gaussian() * FZ_RMS_FRAC * Math.sqrt(2 * FZ_TAU_S)) / Math.sqrt(STEP_S) - this.fzFrac);
  }
}
