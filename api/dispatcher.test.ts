import { describe, expect, it } from 'vitest';
import { ok } from '../core/index.ts';
import { METHODS } from './contract.ts';
import { createDispatcher, type ApiHandlers, type DispatcherOptions } from './dispatcher.ts';

/** Every method answers with what it was given, so a test can see what got through validation. */
function echoHandlers(overrides: Partial<Record<string, (params: unknown) => unknown>> = {}): ApiHandlers {
  const entries = Object.keys(METHODS).map((name) => [name, overrides[name] ?? ((params: unknown) => ok(params))]);
  return Object.fromEntries(entries) as ApiHandlers;
}

function dispatcherWith(handlers: ApiHandlers, checkAccess: DispatcherOptions['checkAccess'] = () => undefined) {
  const logged: { id: string; method: string; error: unknown }[] = [];
  let next = 0;
  const dispatch = createDispatcher({
    handlers,
    checkAccess,
    newErrorId: () => `ref-${++next}`,
    reportInternal: (id, method, error) => logged.push({ id, method, error }),
  });
  return { dispatch, logged };
}

describe('api dispatcher', () => {
  it('passes validated, normalised parameters to the handler', async () => {
    const { dispatch } = dispatcherWith(echoHandlers());
    expect(await dispatch('devices.connect', { role: 'plate', port: '  sim:plate ' })).toEqual(ok({ role: 'plate', port: 'sim:plate' }));
  });

  it('refuses an unknown method, including names inherited from Object.prototype', async () => {
    const { dispatch } = dispatcherWith(echoHandlers());
    for (const name of ['devices.explode', 'constructor', '__proto__', 'toString']) {
      const response = await dispatch(name, {});
      expect(response.ok).toBe(false);
      if (!response.ok) expect(response.error.code).toBe('unknown-method');
    }
  });

  it.each([
    ['devices.connect', { role: 'treadmill', port: 'sim:plate' }, 'role'],
    ['devices.connect', { role: 'plate', port: '' }, 'port'],
    ['devices.connect', { role: 'plate', port: 'x'.repeat(257) }, 'port'],
    ['devices.connect', { role: 'plate', port: 'sim:plate', extra: 1 }, 'extra'],
    ['devices.disconnect', 'plate', 'the request'],
    ['sim.setEstop', { engaged: 'yes' }, 'engaged'],
    ['sim.setPatientSwitch', { position: 'halfway' }, 'position'],
  ])('refuses bad parameters for %s with a message naming the field', async (method, params, field) => {
    const { dispatch, logged } = dispatcherWith(echoHandlers());
    const response = await dispatch(method, params);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('invalid-request');
    expect(response.error.message).toContain(field);
    expect(logged).toEqual([]);
  });

  it('turns a throwing handler into an internal error with a reference, and leaks no detail', async () => {
    const secret = new Error('SELECT * FROM patients failed at /srv/secret/path.ts:12');
    const { dispatch, logged } = dispatcherWith(
      echoHandlers({
        'devices.list': () => {
          throw secret;
        },
        'sim.status': () => Promise.reject(new Error('async failure')),
      }),
    );
    const first = await dispatch('devices.list', {});
    const second = await dispatch('sim.status', {});
    expect(first.ok || [first.error.code, first.error.id]).toEqual(['internal', 'ref-1']);
    expect(second.ok || [second.error.code, second.error.id]).toEqual(['internal', 'ref-2']);
    expect(JSON.stringify([first, second])).not.toMatch(/SELECT|secret|async failure|\.ts/);
    expect(logged.map((entry) => [entry.id, entry.method, entry.error])).toEqual([
      ['ref-1', 'devices.list', secret],
      ['ref-2', 'sim.status', new Error('async failure')],
    ]);
  });

  it('asks about access before reading the parameters, with the method\'s entry in METHOD_ACCESS, and runs nothing refused', async () => {
    const asked: unknown[] = [];
    let ran = 0;
    const { dispatch } = dispatcherWith(
      echoHandlers({ 'patients.create': () => ++ran }),
      (access, method) => {
        asked.push([method, access]);
        return method === 'patients.create' ? { code: 'not-signed-in', message: 'Sign in first.' } : undefined;
      },
    );
    expect(await dispatch('patients.create', { not: 'even valid' })).toEqual({ ok: false, error: { code: 'not-signed-in', message: 'Sign in first.' } });
    expect(await dispatch('app.info', {})).toEqual(ok({}));
    expect(ran).toBe(0);
    expect(asked).toEqual([
      ['patients.create', { kind: 'roles', roles: ['therapist', 'admin'] }],
      ['app.info', { kind: 'public' }],
    ]);
  });

  it('treats missing parameters as an empty object for methods that take none', async () => {
    const { dispatch } = dispatcherWith(echoHandlers());
    expect(await dispatch('devices.list', undefined)).toEqual(ok({}));
  });
});
