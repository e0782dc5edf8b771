import { Alert, List } from '@chakra-ui/react';
import type { ApiError } from '@shared/contract/errors';
import { toApiError } from '@renderer/api/form-errors';

const TITLES: Partial<Record<ApiError['code'], string>> = {
  VALIDATION: 'Please check the highlighted details',
  UNAUTHENTICATED: 'Please sign in again',
  FORBIDDEN: 'Not allowed for your role',
  NOT_FOUND: 'Not found',
  SLOT_TAKEN: 'That slot was just taken',
  DOCTOR_NOT_AVAILABLE: 'Doctor not available',
  PATIENT_OVERLAP: 'The patient already has an appointment then',
  INVALID_TRANSITION: 'Not possible in the current status',
  POLICY: 'Not allowed by the clinic’s policy',
  RATE_LIMITED: 'Too many attempts',
  PAYLOAD_TOO_LARGE: 'Too large',
  INTERNAL: 'Something went wrong',
  UNREACHABLE: 'The clinic hub cannot be reached',
};

/**
 * A refused action, in the hub's own words: the message, and each field problem no form field
 * showed. Accepts an `ApiError`, an `ApiFailure` or anything thrown.
 */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const apiError = isApiError(error) ? error : toApiError(error);
  const heading = title ?? TITLES[apiError.code] ?? 'The action was refused';
  return (
    <Alert.Root status={apiError.code === 'INTERNAL' ? 'error' : 'warning'} role="alert">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>{heading}</Alert.Title>
        <Alert.Description>
          {apiError.message}
          {apiError.fields && apiError.fields.length > 0 && (
            <List.Root ps="5" mt="1">
              {apiError.fields.map((f) => (
                <List.Item key={f.field}>
                  {f.field}: {f.message}
                </List.Item>
              ))}
            </List.Root>
          )}
        </Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    'message' in value &&
    !(value instanceof Error)
  );
}
