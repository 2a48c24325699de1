/**
 * Runs an API call from a button and keeps its outcome for the screen: busy while it runs, and
 * the typed error's message (written for clinicians by the host) when it fails.
 */
import { useCallback, useState } from 'react';
import type { ApiResponse } from '../../api/index.ts';

export interface Action {
  readonly isBusy: boolean;
  readonly errorMessage: string | null;
  run(call: () => Promise<ApiResponse<unknown>>): void;
}

export function useAction(): Action {
  const [isBusy, setBusy] = useState(false);
  const [errorMessage, setError] = useState<string | null>(null);
  const run = useCallback((call: () => Promise<ApiResponse<unknown>>) => {
    setBusy(true);
    setError(null);
    void call().then((response) => {
      setBusy(false);
      if (!response.ok) setError(response.error.message);
    });
  }, []);
  return { isBusy, errorMessage, run };
}
