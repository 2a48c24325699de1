export { type Result, ok, err } from './result.ts';
export { BugError, assertNever } from './bug.ts';
export { type Clock, ManualClock } from './clock.ts';
export { Emitter } from './emitter.ts';
