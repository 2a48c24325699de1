/**
 * The two-channel patient switch and its debounce.
 *
 * Spec: docs/protocols/table.md §5 (channel A normally closed — closed = not pressed; channel B
 * normally open — closed = pressed; A=1 B=0 ready, A=0 B=1 pressed, A=0 B=0 unplugged, A=1 B=1
 * shorted) and §6.1 (pressed = A open or B closed for 10 ms, reason 2; unplugged or shorted for
 * 20 ms, reason 3). Reading (DESIGN): §5 names the four patterns and §6.1 gives the two A==B ones
 * their own reason, so only the pressed pattern (A=0 B=1) is a press — detected 10 ms after the
 * switch first left ready (A open or B closed), so a press through break-before-make contacts is
 * not slowed by the intermediate pattern. A==B is a switch fault after 20 ms: an unplugged or
 * shorted switch is reported as what it is (reason 3, PSWFAULT) rather than as a press. A real
 * press on a switch with one failed channel shows A==B and still releases — 20 ms after the
 * change, inside §6.2's 50 ms from the controller's input — so no press is released later than
 * the spec allows. The self-test (PSWTEST) asks for the pressed pattern, then ready again, each
 * for 10 ms. Times are tracked from the exact device time of each change.
 */
import { SWITCH_FAULT_DEBOUNCE_US, SWITCH_PRESS_DEBOUNCE_US } from './table-constants.ts';

export type SwitchPosition = 'ready' | 'pressed' | 'unplugged' | 'shorted';

export interface SwitchChannels {
  /** Channel A closed. */
  readonly a: boolean;
  /** Channel B closed. */
  readonly b: boolean;
}

export interface SwitchLevels {
  /** The pressed pattern (A=0 B=1), with A open or B closed for ≥ 10 ms. */
  readonly isPressDetected: boolean;
  /** Unplugged or shorted, for ≥ 20 ms. */
  readonly isFaultDetected: boolean;
  /** The true pressed pattern (A=0 B=1), for ≥ 10 ms. */
  readonly isGenuinePress: boolean;
  /** Ready (A=1 B=0), for ≥ 10 ms. */
  readonly isReady: boolean;
}

export function channelsOf(position: SwitchPosition): SwitchChannels {
  switch (position) {
    case 'ready':
      return { a: true, b: false };
    case 'pressed':
      return { a: false, b: true };
    case 'unplugged':
      return { a: false, b: false };
    case 'shorted':
      return { a: true, b: true };
  }
}

const pressLevel = (c: SwitchChannels): boolean => !c.a || c.b;
const faultLevel = (c: SwitchChannels): boolean => c.a === c.b;

export class PatientSwitch {
  private positionValue: SwitchPosition = 'ready';
  private changedAtUs = 0;
  private pressSinceUs: number | null = null;
  private faultSinceUs: number | null = null;

  get position(): SwitchPosition {
    return this.positionValue;
  }

  get channels(): SwitchChannels {
    return channelsOf(this.positionValue);
  }

  set(position: SwitchPosition, nowUs: number): void {
    if (position === this.positionValue) return;
    const before = this.channels;
    const after = channelsOf(position);
    if (pressLevel(after) && !pressLevel(before)) this.pressSinceUs = nowUs;
    if (!pressLevel(after)) this.pressSinceUs = null;
    if (faultLevel(after) && !faultLevel(before)) this.faultSinceUs = nowUs;
    if (!faultLevel(after)) this.faultSinceUs = null;
    this.positionValue = position;
    this.changedAtUs = nowUs;
  }

  levels(nowUs: number): SwitchLevels {
    const stable = nowUs - this.changedAtUs >= SWITCH_PRESS_DEBOUNCE_US;
    return {
      isPressDetected:
        this.positionValue === 'pressed' && this.pressSinceUs !== null && nowUs - this.pressSinceUs >= SWITCH_PRESS_DEBOUNCE_US,
      isFaultDetected: this.faultSinceUs !== null && nowUs - this.faultSinceUs >= SWITCH_FAULT_DEBOUNCE_US,
      isGenuinePress: stable && this.positionValue === 'pressed',
      isReady: stable && this.positionValue === 'ready',
    };
  }
}
