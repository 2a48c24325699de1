import type { Action } from './use-action.ts';

/** Where an action's error appears, announced to screen readers. */
export function ActionMessage({ action }: { readonly action: Action }) {
  return (
    <p className="action-message" role="status" aria-live="polite">
      {action.errorMessage ?? ''}
    </p>
  );
}
