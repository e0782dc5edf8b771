import type { ApiError, ErrorCode } from '@shared/contract/errors';

/**
 * A refusal from the gateway (its one error body, `{ error: ApiError }`) or no answer at all
 * (`UNREACHABLE`, status 0: offline, or the clinic's server cannot be reached).
 */
export class CompanionApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly body: ApiError;

  constructor(status: number, body: ApiError) {
    super(body.message);
    this.name = 'CompanionApiError';
    this.code = body.code;
    this.status = status;
    this.body = body;
  }

  /** The message naming a field, for a form (422 VALIDATION). */
  fieldMessage(field: string): string | undefined {
    return this.body.fields?.find((f) => f.field === field)?.message;
  }

  get offline(): boolean {
    return this.code === 'UNREACHABLE';
  }
}

export const isApiError = (error: unknown): error is CompanionApiError => error instanceof CompanionApiError;
