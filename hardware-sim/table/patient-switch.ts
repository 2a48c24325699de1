/**
 * The two-channel patient switch and its debounce.
 *
 * Spec: docs/protocols/table.md §5 (channel A normally closed — closed = not pressed; channel B
 * normally open — closed = pressed; A=1 B=0 ready, A=0 B=1 pressed, A=0 B=0 unplugged, A=1 B=1
 * shorted) and §6.1 (pressed = A open OR B closed for 10 ms; fault = unplugged or shorted for
 * 20 ms). Either channel alone is enough to detect a press (the safe reading of "A open or B
 * closed"), so an unplugged or shorted switch also reads as pressed after 10 ms. The self-test
 * (PSWTEST) asks for more: the genuine pressed pattern on both channels, then ready again, each
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
  /** A open or B closed, for ≥ 10 ms. */
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
      isPressDetected: this.pressSinceUs !== null && nowUs - this.pressSinceUs >= SWITCH_PRESS_DEBOUNCE_US,
      isFaultDetected: this.faultSinceUs !== null && nowUs - this.faultSinceUs >= SWITCH_FAULT_DEBOUNCE_US,
      isGenuinePress: stable && this.positionValue === 'pressed',
      isReady: stable && this.positionValue === 'ready',
    };
  }
}
