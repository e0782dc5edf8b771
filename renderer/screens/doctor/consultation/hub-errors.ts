import type { Path, UseFormSetError } from 'react-hook-form';
import type { ApiError } from '@shared/contract/errors';
import { toApiError } from '@renderer/api/form-errors';
import type { ConsultationForm } from './consultation-form';

/**
 * Puts the hub's field problems (`content.prescription.1.dosePattern`) on the form's fields
 * (`prescription.1.dosePattern`); returns what is left to show above the form.
 */
export function placeHubErrors(error: unknown, setError: UseFormSetError<ConsultationForm>): ApiError | null {
  const apiError = toApiError(error);
  const left: { field: string; message: string }[] = [];
  for (const problem of apiError.fields ?? []) {
    if (problem.field.startsWith('content.')) {
      setError(problem.field.slice('content.'.length) as Path<ConsultationForm>, {
        type: 'server',
        message: problem.message,
      });
    } else {
      left.push(problem);
    }
  }
  const { fields: _all, ...rest } = apiError;
  if (apiError.code === 'VALIDATION' && (apiError.fields?.length ?? 0) > 0 && left.length === 0) return null;
  return left.length > 0 ? { ...rest, fields: left } : rest;
}
