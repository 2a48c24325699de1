/**
 * A form's submit: runs its API call and keeps what the screen shows about it — busy while it
 * runs, the host's message, and the message per field (ApiError.fields, or the form's own checks
 * through `refuse`) shown beside each field.
 */
import { useCallback, useState } from 'react';
import type { ApiResponse } from '../../api/index.ts';

export type FieldMessages = Readonly<Record<string, string>>;

/** What a refused form says under its button when the problems are beside the fields. */
export const FIELDS_REFUSED = 'Please correct the marked fields; nothing was saved.';

export interface FormCall {
  readonly isBusy: boolean;
  readonly message: string | null;
  readonly fields: FieldMessages;
  run<T>(call: () => Promise<ApiResponse<T>>, onOk?: (value: T) => void): void;
  refuse(fields: FieldMessages, message?: string): void;
  /** A message of success, or none. */
  say(message: string | null): void;
}

export function useFormCall(): FormCall {
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldMessages>({});
  const refuse = useCallback((refused: FieldMessages, text: string = FIELDS_REFUSED) => {
    setFields(refused);
    setMessage(text);
  }, []);
  const run = useCallback(<T>(call: () => Promise<ApiResponse<T>>, onOk?: (value: T) => void) => {
    setBusy(true);
    setMessage(null);
    setFields({});
    void call().then((response) => {
      setBusy(false);
      if (response.ok) {
        onOk?.(response.value);
        return;
      }
      const issues = response.error.fields;
      setFields(Object.fromEntries((issues ?? []).map((f) => [f.path, f.message])));
      setMessage(issues === undefined ? response.error.message : FIELDS_REFUSED);
    });
  }, []);
  return { isBusy, message, fields, run, refuse, say: setMessage };
}
