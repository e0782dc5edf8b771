import { isApiError } from '@renderer/companion/api/api-error';

/**
 * What to tell the patient when a booking is refused, in their language: the hub's own messages
 * are English, so each code the booking can meet has its own text (locales/<lang>/booking.ts).
 */
export type BookingProblem =
  | { key: 'errors.offline' }
  | { key: 'errors.slotTaken' }
  | { key: 'errors.slotTakenNoOthers' }
  | { key: 'errors.notice'; values: { minutes: number } }
  | { key: 'errors.notAvailable' }
  | { key: 'errors.overlap' }
  | { key: 'errors.duplicate' }
  | { key: 'errors.generic' };

export function bookingProblem(error: unknown, minNoticeMinutes: number): BookingProblem {
  if (!isApiError(error)) return { key: 'errors.generic' };
  if (error.offline) return { key: 'errors.offline' };
  switch (error.code) {
    case 'SLOT_TAKEN':
      return error.body.nextSlots?.length ? { key: 'errors.slotTaken' } : { key: 'errors.slotTakenNoOthers' };
    case 'POLICY':
      return { key: 'errors.notice', values: { minutes: minNoticeMinutes } };
    case 'DOCTOR_NOT_AVAILABLE':
      return { key: 'errors.notAvailable' };
    case 'PATIENT_OVERLAP':
      return { key: 'errors.overlap' };
    case 'CONFLICT':
      return { key: 'errors.duplicate' };
    default:
      return { key: 'errors.generic' };
  }
}
