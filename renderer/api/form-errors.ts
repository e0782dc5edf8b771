import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiFailure, type ApiError } from '@shared/contract/errors';

/** The hub's error from anything a call may throw. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.error;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : 'Something went wrong.' };
}

/**
 * Puts a refused command's field errors onto a react-hook-form form. The hub names fields by
 * their dotted input path (e.g. `admin.password`); `fieldMap` renames paths whose form field is
 * called differently (`{ 'settings.clinicName': 'clinicName' }`), and a path of a field the form
 * does not have (`knownFields`) stays in the result. Returns what is left to show above the form
 * (the message, and the field errors no field took), or null when every problem found its field.
 *
 * ```ts
 * onError: (error) => setFormError(applyApiError(error, form.setError, { knownFields: ['username'] })),
 * ```
 */
export function applyApiError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  options: { fieldMap?: Record<string, Path<T>>; knownFields?: readonly Path<T>[] } = {},
): ApiError | null {
  const apiError = toApiError(error);
  const known = new Set<string>(options.knownFields ?? []);
  const unplaced: { field: string; message: string }[] = [];
  let firstPlaced = true;
  for (const problem of apiError.fields ?? []) {
    const target = options.fieldMap?.[problem.field] ?? problem.field;
    if (known.size > 0 && !known.has(target)) {
      unplaced.push(problem);
      continue;
    }
    setError(target as Path<T>, { type: 'server', message: problem.message }, { shouldFocus: firstPlaced });
    firstPlaced = false;
  }
  const { fields: _all, ...rest } = apiError;
  if (apiError.code === 'VALIDATION' && !firstPlaced && unplaced.length === 0) return null;
  return unplaced.length > 0 ? { ...rest, fields: unplaced } : rest;
}
