import { type ApiError, ApiFailure } from '@shared/contract/errors';

/** The error a call failed with (fails the test if it succeeded or failed with something else). */
export async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
