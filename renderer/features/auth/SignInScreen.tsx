/**
 * The door: on the very first start it creates the clinic's administrator; afterwards operators
 * sign in; a locked screen asks the same operator's password again (or lets them sign out so a
 * colleague can sign in).
 */
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_CHARS, type ApiResponse, type AuthStatus } from '../../../api/index.ts';
import { Field, fieldInputProps, FormMessage } from '../../app/Field.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useFormCall } from '../../app/use-form-call.ts';

/** Submits a door form: no page reload, and the host's answer (auth.changed moves the app on). */
function useDoorForm() {
  const form = useFormCall();
  const submit = (event: FormEvent, call: () => Promise<ApiResponse<AuthStatus>>): void => {
    event.preventDefault();
    form.run(call);
  };
  return { ...form, submit };
}

function FirstAdminForm() {
  const client = useClient();
  const form = useDoorForm();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  return (
    <form className="card door" onSubmit={(event) => form.submit(event, () => client.call('auth.setupAdmin', { username, displayName, password }))}>
      <h1>Welcome to Proprio</h1>
      <p className="hint">This is the first start. Create the clinic's administrator account; the administrator then adds therapists and technicians.</p>
      <Field id="setup-username" label="Username" error={form.fields.username}>
        <input {...fieldInputProps('setup-username', form.fields.username)} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
      </Field>
      <Field id="setup-name" label="Full name" error={form.fields.displayName}>
        <input {...fieldInputProps('setup-name', form.fields.displayName)} autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </Field>
      <Field id="setup-password" label={`Password (at least ${PASSWORD_MIN_CHARS} characters)`} error={form.fields.password}>
        <input {...fieldInputProps('setup-password', form.fields.password)} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <button type="submit" disabled={form.isBusy}>
        Create administrator
      </button>
      <FormMessage message={form.message} />
    </form>
  );
}

function SignInForm() {
  const client = useClient();
  const form = useDoorForm();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <form className="card door" onSubmit={(event) => form.submit(event, () => client.call('auth.signIn', { username, password }))}>
      <h1>Sign in to Proprio</h1>
      <Field id="signin-username" label="Username" error={undefined}>
        <input {...fieldInputProps('signin-username', undefined)} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
      </Field>
      <Field id="signin-password" label="Password" error={undefined}>
        <input {...fieldInputProps('signin-password', undefined)} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <button type="submit" disabled={form.isBusy}>
        Sign in
      </button>
      <FormMessage message={form.message} />
    </form>
  );
}

function UnlockForm({ status }: { readonly status: AuthStatus }) {
  const client = useClient();
  const form = useDoorForm();
  const [password, setPassword] = useState('');
  const name = status.operator?.displayName ?? '';
  return (
    <form className="card door" onSubmit={(event) => form.submit(event, () => client.call('auth.unlock', { password }))}>
      <h1>Proprio is locked</h1>
      <p className="hint">
        It locks by itself after {Math.round(status.idleLockMs / 60_000)} minutes without use. {name}, enter your password to go on.
      </p>
      <Field id="unlock-password" label="Password" error={undefined}>
        <input {...fieldInputProps('unlock-password', undefined)} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <div className="row">
        <button type="submit" disabled={form.isBusy}>
          Unlock
        </button>
        <button type="button" onClick={() => void client.call('auth.signOut', {})}>
          Sign out {name}
        </button>
      </div>
      <FormMessage message={form.message} />
    </form>
  );
}

export function SignInScreen({ status }: { readonly status: AuthStatus }) {
  if (status.needsSetup) return <FirstAdminForm />;
  if (status.operator !== null && status.isLocked) return <UnlockForm status={status} />;
  return <SignInForm />;
}
