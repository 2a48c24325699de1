/** Admins: who may use Proprio, with which role, and adding an operator with a first password. */
import { useEffect, useState, type FormEvent } from 'react';
import { OPERATOR_ROLES, PASSWORD_MIN_CHARS, type OperatorRole, type OperatorView } from '../../../api/index.ts';
import { Field, fieldInputProps, FormMessage } from '../../app/Field.tsx';
import { useClient } from '../../app/host-hooks.ts';
import { useFormCall } from '../../app/use-form-call.ts';

const ROLE_TEXT: Readonly<Record<OperatorRole, string>> = {
  therapist: 'Therapist — runs patients’ sessions',
  technician: 'Technician — calibrates and configures devices',
  admin: 'Administrator — manages operators',
};

function OperatorForm({ onSaved }: { readonly onSaved: (operator: OperatorView) => void }) {
  const client = useClient();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<OperatorRole>('therapist');
  const form = useFormCall();
  const errors = form.fields;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    form.run(
      () => client.call('operators.create', { username, displayName, password, role }),
      (added) => {
        setUsername('');
        setDisplayName('');
        setPassword('');
        form.say(`Added ${added.displayName} as ${added.role}.`);
        onSaved(added);
      },
    );
  };
  return (
    <form className="card" aria-labelledby="operator-form-title" onSubmit={submit} noValidate>
      <h2 id="operator-form-title">Add an operator</h2>
      <div className="form-grid">
        <Field id="operator-username" label="Username" error={errors.username}>
          <input {...fieldInputProps('operator-username', errors.username)} autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field id="operator-name" label="Full name" error={errors.displayName}>
          <input {...fieldInputProps('operator-name', errors.displayName)} autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </Field>
        <Field id="operator-password" label={`First password (at least ${PASSWORD_MIN_CHARS} characters)`} error={errors.password}>
          <input {...fieldInputProps('operator-password', errors.password)} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <Field id="operator-role" label="Role" error={errors.role}>
          <select {...fieldInputProps('operator-role', errors.role)} value={role} onChange={(e) => setRole(e.target.value as OperatorRole)}>
            {OPERATOR_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_TEXT[r]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button type="submit" disabled={form.isBusy}>
        Add operator
      </button>
      <FormMessage message={form.message} />
    </form>
  );
}

export function OperatorsScreen() {
  const client = useClient();
  const [operators, setOperators] = useState<readonly OperatorView[]>([]);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    void client.call('operators.list', {}).then((response) => {
      if (isCurrent && response.ok) setOperators(response.value);
    });
    return () => {
      isCurrent = false;
    };
  }, [client, revision]);
  return (
    <div className="screen">
      <h1>Operators</h1>
      <OperatorForm onSaved={() => setRevision((r) => r + 1)} />
      <table className="list" data-testid="operator-list">
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {operators.map((o) => (
            <tr key={o.id}>
              <td>{o.username}</td>
              <td>{o.displayName}</td>
              <td>{o.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
