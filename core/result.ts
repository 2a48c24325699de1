/**
 * Expected failures are values (STYLE.md §6): bad checksums, timeouts, refusals and vanished
 * ports are normal for a device, so functions that meet them return a Result instead of throwing.
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
