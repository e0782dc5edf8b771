import { isApiError } from '@renderer/companion/api/api-error';

/** What a form shows for a failed request: one note above the form and/or notes on its fields. */
export interface FormFailure {
  /** The note above the form: what went wrong and what to do; null when the fields say it all. */
  note: {
    kind: 'offline' | 'rateLimited' | 'wrongPassword' | 'disabled' | 'checkFields' | 'generic';
    seconds?: number;
  } | null;
  /** The form's own fields the clinic refused (422 `fields`), by the form's field name. */
  fields: string[];
}

/**
 * Reads a failed request for a form: a lost connection, "too many tries" (with the wait), a
 * refused sign-in, or the fields the clinic refused (those of `knownFields`, matched on the
 * field's path or its first part: `emergencyContact.phone` → `emergencyContact.phone` or
 * `emergencyContact`). Anything else is "something went wrong, try again".
 */
export function formFailure(error: unknown, knownFields: readonly string[]): FormFailure {
  if (!isApiError(error)) return { note: { kind: 'generic' }, fields: [] };
  if (error.offline) return { note: { kind: 'offline' }, fields: [] };
  switch (error.code) {
    case 'RATE_LIMITED':
      return { note: { kind: 'rateLimited', seconds: error.body.retryAfterSeconds ?? 60 }, fields: [] };
    case 'UNAUTHENTICATED':
      return { note: { kind: 'wrongPassword' }, fields: [] };
    case 'CONFLICT':
      return { note: { kind: 'disabled' }, fields: [] };
    case 'VALIDATION': {
      const fields = new Set<string>();
      let unmatched = (error.body.fields ?? []).length === 0;
      for (const { field } of error.body.fields ?? []) {
        const match = knownFields.find((known) => known === field || known === field.split('.')[0]);
        if (match) fields.add(match);
        else unmatched = true;
      }
      return { note: unmatched ? { kind: 'checkFields' } : null, fields: [...fields] };
    }
    default:
      return { note: { kind: 'generic' }, fields: [] };
  }
}

/** "Wait 45 seconds" under two minutes, else whole minutes rounded up. */
export function waitFor(seconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  return seconds < 120
    ? { unit: 'seconds', count: Math.max(1, Math.ceil(seconds)) }
    : { unit: 'minutes', count: Math.ceil(seconds / 60) };
}
