/** The therapist's patient list: search by name or clinic ID, and register a new patient. */
import { useEffect, useState } from 'react';
import type { PatientView } from '../../../api/index.ts';
import { useClient } from '../../app/host-hooks.ts';
import { useUnits } from '../../app/use-units.ts';
import { PatientForm } from './PatientForm.tsx';

function age(dateOfBirth: string, nowMs: number): number {
  const born = new Date(`${dateOfBirth}T00:00:00Z`);
  const now = new Date(nowMs);
  const hadBirthday = now.getUTCMonth() > born.getUTCMonth() || (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() >= born.getUTCDate());
  return now.getUTCFullYear() - born.getUTCFullYear() - (hadBirthday ? 0 : 1);
}

export function PatientsScreen() {
  const client = useClient();
  const units = useUnits();
  const [query, setQuery] = useState('');
  const [patients, setPatients] = useState<readonly PatientView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isAdding, setAdding] = useState(false);
  const [saved, setSaved] = useState<PatientView | null>(null);
  const [revision, setRevision] = useState(0);
  // Ages as of when the list was fetched (a render must not read the clock).
  const [listedAtMs, setListedAtMs] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    void client.call('patients.list', { query }).then((response) => {
      if (!isCurrent) return;
      if (response.ok) {
        setPatients(response.value);
        setListedAtMs(Date.now());
      }
      setError(response.ok ? null : response.error.message);
    });
    return () => {
      isCurrent = false;
    };
  }, [client, query, revision]);

  return (
    <div className="screen">
      <h1>Patients</h1>
      {isAdding ? (
        <PatientForm
          onCancel={() => setAdding(false)}
          onSaved={(patient) => {
            setAdding(false);
            setSaved(patient);
            setRevision((r) => r + 1);
          }}
        />
      ) : (
        <div className="row">
          <label htmlFor="patient-search">Search patients</label>
          <input id="patient-search" type="search" placeholder="Name or clinic ID" value={query} onChange={(e) => setQuery(e.target.value)} />
          <button type="button" onClick={() => setAdding(true)}>
            New patient
          </button>
        </div>
      )}
      <p className="action-message" role="status" aria-live="polite">
        {error ?? (saved === null ? '' : `Saved ${saved.givenName} ${saved.familyName} (${saved.clinicId}).`)}
      </p>
      {patients !== null && (
        <table className="list" data-testid="patient-list">
          <caption className="hint">{patients.length === 0 ? (query === '' ? 'No patients yet.' : 'No patient matches the search.') : `${patients.length} patient${patients.length === 1 ? '' : 's'}`}</caption>
          <thead>
            <tr>
              <th scope="col">Clinic ID</th>
              <th scope="col">Name</th>
              <th scope="col">Date of birth</th>
              <th scope="col">Age</th>
              <th scope="col">Height</th>
              <th scope="col">Body mass</th>
            </tr>
          </thead>
          <tbody>
            {patients.map((p) => (
              <tr key={p.id}>
                <td>{p.clinicId}</td>
                <td>
                  {p.familyName}, {p.givenName}
                </td>
                <td>{p.dateOfBirth}</td>
                <td>{age(p.dateOfBirth, listedAtMs)}</td>
                <td>{p.heightMm === null ? '—' : `${(p.heightMm / 10).toFixed(0)} cm`}</td>
                <td>{units.formatMass(p.bodyMassKg)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
