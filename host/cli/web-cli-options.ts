/**
 * Strict option parsing for `proprio web` and `proprio start`: node:util parseArgs, with its
 * exception for an unknown or malformed option turned into an error value (STYLE.md §6).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { err, ok, type Result } from '../../core/index.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseStrictOptions<O extends Options>(argv: readonly string[], options: O): Result<ReturnType<typeof parseArgs<{ options: O; strict: true }>>['values'], string> {
  try {
    return ok(parseArgs({ args: [...argv], strict: true, options }).values);
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
}
