import { Alert, List } from '@chakra-ui/react';
import type { ApiError } from '@shared/contract/errors';
import { toApiError } from '@renderer/api/form-errors';

/** Codes that say by themselves what happened: their title wins over the action's. */
const SPECIFIC: Partial<Record<ApiError['code'], string>> = {
  VALIDATION: 'Please check the highlighted details',
  UNAUTHENTICATED: 'Please sign in again',
  FORBIDDEN: 'Not allowed for your role',
  SLOT_TAKEN: 'That slot was just taken',
  DOCTOR_NOT_AVAILABLE: 'Doctor not available',
  PATIENT_OVERLAP: 'The patient already has an appointment then',
  RATE_LIMITED: 'Too many attempts',
  PAYLOAD_TOO_LARGE: 'Too large',
  INTERNAL: 'Something went wrong',
  UNREACHABLE: 'The clinic hub cannot be reached',
};
/**
 * Codes that cover many unrelated refusals (POLICY: "no free slot left", "not signed yet" …): the
 * title is the action that was refused when the screen says it, otherwise one of these.
 */
const GENERIC: Partial<Record<ApiError['code'], string>> = {
  NOT_FOUND: 'Not found',
  INVALID_TRANSITION: 'Not possible in the current status',
  CONFLICT: 'Not done: it clashes with what is already recorded',
  POLICY: 'The action was refused',
};

/** The title of a refusal: what happened, in the screen's words where it gives them. */
export function errorTitle(error: ApiError, action?: string): string {
  return SPECIFIC[error.code] ?? action ?? GENERIC[error.code] ?? 'The action was refused';
}

/**
 * A refused action, in the hub's own words: the message, and each field problem no form field
 * showed; titled by what happened (`action`). Accepts an `ApiError`, an `ApiFailure` or anything thrown.
 */
export function ErrorMessage({
  error,
  title,
  action,
}: {
  error: unknown;
  /** Always this title. */
  title?: string;
  /** What was refused ("The walk-in was not added"), the title unless the code says more. */
  action?: string;
}) {
  if (!error) return null;
  const apiError = isApiError(error) ? error : toApiError(error);
  const heading = title ?? errorTitle(apiError, action);
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
