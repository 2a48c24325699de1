/**
 * How a method is declared in the contract: its parameter schema (checked by the host on every
 * call, because the renderer is untrusted, STYLE.md §8) and, as a type only, its result.
 */
import type { z } from 'zod';

export interface MethodSpec<P extends z.ZodType, R> {
  readonly params: P;
  /** Phantom: carries the result type; never set at run time. */
  readonly result?: R;
}

/** `method<Result>()(paramsSchema)`: the two steps let the result be named and the schema inferred. */
export function method<R>(): <P extends z.ZodType>(params: P) => MethodSpec<P, R> {
  return (params) => ({ params });
}
