/**
 * Result values for expected failures (STYLE §6): a bad line is normal for a device, so the codec
 * returns it as a value; only simulator bugs throw (see `SimBugError`).
 * hardware-sim shares no code with core/, so it carries its own ten-line copy.
 */

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** Thrown only for broken invariants inside the simulator ("our bug", never "the host misbehaved"). */
export class SimBugError extends Error {
  constructor(message: string) {
    super(`hardware-sim bug: ${message}`);
    this.name = 'SimBugError';
  }
}

export function assertNever(value: never, what: string): never {
  throw new SimBugError(`unhandled ${what}: ${JSON.stringify(value)}`);
}
