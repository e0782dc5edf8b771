import { z } from 'zod';
import { instantSchema } from '@shared/domain/common.schema';

export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SLOT_TAKEN',
  'DOCTOR_NOT_AVAILABLE',
  'PATIENT_OVERLAP',
  'INVALID_TRANSITION',
  'POLICY',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
  /** The hub could not be asked (a desktop offline, the connection lost): nothing was refused. */
  'UNREACHABLE',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const slotSuggestionSchema = z.strictObject({ start: instantSchema, end: instantSchema });

/** The one error shape every transport returns. */
export const apiErrorSchema = z.strictObject({
  code: errorCodeSchema,
  message: z.string(),
  /** For VALIDATION: each bad field by its dotted path. */
  fields: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
  /** For SLOT_TAKEN and provisional bookings: the next free slots to offer instead. */
  nextSlots: z.array(slotSuggestionSchema).optional(),
  /** For RATE_LIMITED: seconds until the caller may try again (the gateway's Retry-After). */
  retryAfterSeconds: z.number().int().positive().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Thrown by handlers and clients; carries an ApiError across any transport. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
  get code(): ErrorCode {
    return this.error.code;
  }
}

export function failure(code: ErrorCode, message: string, extra: Omit<ApiError, 'code' | 'message'> = {}) {
  return new ApiFailure({ code, message, ...extra });
}
