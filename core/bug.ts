/**
 * Throw only for bugs (STYLE.md §6). A BugError marks a broken invariant in our own code, so logs
 * can tell "our bug" from "the device misbehaved", which is always a value, never a throw.
 */
export class BugError extends Error {
  override readonly name = 'BugError';
}

/** Ends every switch over a discriminated union: a new variant then fails to compile. */
export function assertNever(value: never, what = 'value'): never {
  throw new BugError(`unhandled ${what}: ${JSON.stringify(value)}`);
}
