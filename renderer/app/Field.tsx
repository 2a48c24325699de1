/** A form field with its label and the message the host (or the form) gave for it, read out with the field. */
import type { ReactNode } from 'react';

export function Field({ id, label, error, children }: { readonly id: string; readonly label: string; readonly error: string | undefined; readonly children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <span id={`${id}-error`} className="field-error" role={error === undefined ? undefined : 'alert'}>
        {error ?? ''}
      </span>
    </div>
  );
}

/** Props for the input inside a Field: marks it invalid and ties the message to it. */
export function fieldInputProps(id: string, error: string | undefined): { id: string; 'aria-invalid': boolean; 'aria-describedby': string } {
  return { id, 'aria-invalid': error !== undefined, 'aria-describedby': `${id}-error` };
}

/** Where a form's overall message appears (under its buttons), announced to screen readers. */
export function FormMessage({ message }: { readonly message: string | null }) {
  return (
    <p className="action-message" role="status" aria-live="polite">
      {message ?? ''}
    </p>
  );
}
