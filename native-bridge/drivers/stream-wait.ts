/**
 * One wait on a device's live stream (plate samples, table telemetry): the caller's listeners
 * decide from what arrives when the wait ends and with what result, counting time on the device
 * clock; this owns what every such wait shares. The wall clock only watches for silence: nothing
 * from the device for `silenceMs` ends the wait with `silent()`. Every listener is removed and
 * the silence timer cancelled when the wait ends, whichever way.
 */
import { err, type Result } from '../../core/index.ts';
import type { Timers } from './timers.ts';

export interface StreamWaitControl<T, F> {
  /** Ends the wait (the first call wins). */
  readonly finish: (result: Result<T, F>) => void;
  /** The device spoke: the silence limit starts again. */
  readonly alive: () => void;
}

/**
 * `listen` subscribes to the device's events and returns their unsubscribe functions; its
 * listeners call `alive` on each arrival and `finish` to end the wait.
 */
export function waitOnStream<T, F>(
  timers: Timers,
  silenceMs: number,
  silent: () => F,
  listen: (control: StreamWaitControl<T, F>) => readonly (() => void)[],
): Promise<Result<T, F>> {
  return new Promise((resolve) => {
    let isDone = false;
    let unsubscribers: readonly (() => void)[] = [];
    const finish = (result: Result<T, F>): void => {
      if (isDone) return;
      isDone = true;
      silence.cancel();
      for (const off of unsubscribers) off();
      resolve(result);
    };
    const arm = () => timers.after(silenceMs, () => finish(err(silent())));
    let silence = arm();
    const alive = (): void => {
      silence.cancel();
      silence = arm();
    };
    unsubscribers = listen({ finish, alive });
    // A listener may have finished during `listen` itself, before its unsubscribers were known.
    if (isDone) for (const off of unsubscribers) off();
  });
}
