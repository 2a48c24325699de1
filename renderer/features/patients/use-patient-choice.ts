/**
 * The patient a screen works on: the list (patients.list) and the one chosen, the first by
 * default. Protocols, decompression and history share it, each with its own choice.
 */
import { useEffect, useState } from 'react';
import type { PatientView } from '../../../api/index.ts';
import { useClient } from '../../app/host-hooks.ts';

export interface PatientChoice {
  readonly patients: readonly PatientView[];
  /** The chosen patient's id; null while there is no patient. */
  readonly chosenId: number | null;
  choose(id: number): void;
}

export function usePatientChoice(): PatientChoice {
  const client = useClient();
  const [patients, setPatients] = useState<readonly PatientView[]>([]);
  const [patientId, setPatientId] = useState<number | null>(null);
  useEffect(() => {
    void client.call('patients.list', {}).then((r) => r.ok && setPatients(r.value));
  }, [client]);
  return { patients, chosenId: patientId ?? patients[0]?.id ?? null, choose: setPatientId };
}
