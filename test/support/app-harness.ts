/**
 * The app service on a fresh clinic database, called through the dispatcher with its access
 * checks, the way both transports call it: for tests of the contract's methods. Collects the
 * JSON events it publishes; `dispose` closes the service and removes the database.
 */
import { afterEach } from 'vitest';
import { createDispatcher, type ApiEvents, type Dispatch, type JsonEventName } from '../../api/index.ts';
import { createAppService, type AppService, type AppServiceOptions } from '../../host/app/app-service.ts';
import type { Storage } from '../../host/storage/index.ts';
import { tempStorage } from './temp-storage.ts';

export const HARNESS_ADMIN = { username: 'admin', displayName: 'Admin', password: 'a long passphrase' } as const;
export const HARNESS_TECHNICIAN = { username: 'tech', displayName: 'Tess Tech', password: 'a technician passphrase', role: 'technician' } as const;
export const HARNESS_THERAPIST = { username: 'thera', displayName: 'Theo Therapist', password: 'a therapist passphrase', role: 'therapist' } as const;
export type HarnessOperator = typeof HARNESS_TECHNICIAN | typeof HARNESS_THERAPIST;
export type AppHarnessOptions = Omit<AppServiceOptions, 'storage'>;

export interface AppHarness {
  readonly app: AppService;
  readonly storage: Storage;
  readonly dispatch: Dispatch;
  /** The call's value; throws `method: code: message` when it is refused. */
  call<T = unknown>(method: string, params?: unknown): Promise<T>;
  /** Every payload of `name` published so far, oldest first. */
  events<E extends JsonEventName>(name: E): ApiEvents[E][];
  dispose(): Promise<void>;
}

function appHarness(options: AppHarnessOptions = {}): AppHarness {
  const db = tempStorage();
  const app = createAppService({ ...options, storage: db.storage });
  const published: { name: JsonEventName; payload: unknown }[] = [];
  app.onEvent((event) => {
    if (event.kind === 'json') published.push({ name: event.message.name, payload: event.message.payload });
  });
  const dispatch = createDispatcher({
    handlers: app.handlers,
    checkAccess: (access, method) => app.checkAccess(access, method),
    newErrorId: () => 'ref',
    reportInternal: (id, method, error) => console.error(`internal error ${id} in ${method}`, error),
  });
  return {
    app,
    storage: db.storage,
    dispatch,
    async call<T>(method: string, params: unknown = {}): Promise<T> {
      const response = await dispatch(method, params);
      if (!response.ok) throw new Error(`${method}: ${response.error.code}: ${response.error.message}`);
      return response.value as T;
    },
    events: <E extends JsonEventName>(name: E) => published.filter((e) => e.name === name).map((e) => e.payload as ApiEvents[E]),
    async dispose() {
      await app.close();
      db.dispose();
    },
  };
}

/** For a test file: the returned function makes a harness, and each one is disposed after its test, passed or failed. */
export function harnessPerTest(): (options?: AppHarnessOptions) => AppHarness {
  const open: AppHarness[] = [];
  afterEach(async () => {
    for (const harness of open.splice(0)) await harness.dispose();
  });
  return (options = {}) => {
    const harness = appHarness(options);
    open.push(harness);
    return harness;
  };
}

/** As harnessPerTest, with the first admin set up (and so signed in). */
export function adminHarnessPerTest(): (options?: AppHarnessOptions) => Promise<AppHarness> {
  const newHarness = harnessPerTest();
  return async (options = {}) => {
    const harness = newHarness(options);
    await harness.call('auth.setupAdmin', HARNESS_ADMIN);
    return harness;
  };
}

/** Creates `operator` (as the signed-in admin) and signs in as them. */
export async function signInAs(harness: AppHarness, operator: HarnessOperator): Promise<void> {
  await harness.call('operators.create', operator);
  await harness.call('auth.signIn', { username: operator.username, password: operator.password });
}

/** Polls until `produce` gives a value (real time; these tests talk to a live service). */
export async function until<T>(what: string, produce: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = produce();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
