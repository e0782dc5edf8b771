import type { NeedsAttentionEntry } from '@shared/contract/desktop-bridge';
import { contract, type InputOf, isOperationName } from '@shared/contract/index';

/** The fields of a refused change that say what it was about (when its input has them). */
export interface ChangeSubject {
  patientId: string | null;
  doctorId: string | null;
  /** The time asked for (a booking's start, a reschedule's new start). */
  startsAt: string | null;
}

const VERBS: Record<string, string> = {
  'patients.register': 'New patient',
  'patients.update': 'Patient details',
  'appointments.book': 'Booking',
  'appointments.confirm': 'Confirming a request',
  'appointments.decline': 'Declining a request',
  'appointments.cancel': 'Cancellation',
  'appointments.reschedule': 'Reschedule',
  'appointments.markNoShow': 'No-show',
  'appointments.complete': 'Completing a visit',
  'appointments.undoTransition': 'Undo',
  'queue.checkIn': 'Check-in',
  'queue.walkIn': 'Walk-in',
  'queue.move': 'Queue order',
  'queue.setPriority': 'Queue priority',
  'queue.callNext': 'Calling the next patient',
  'queue.startConsultation': 'Starting a consultation',
  'consultations.saveDraft': 'Consultation draft',
  'consultations.recordVitals': 'Vitals',
  'consultations.finalize': 'Signing a consultation',
  'consultations.addAddendum': 'Addendum',
  'billing.createBill': 'Bill',
  'billing.recordPayment': 'Payment',
  'billing.refund': 'Refund',
};

/** A short name for the change, e.g. "Booking", falling back to the contract's summary. */
export function changeTitle(entry: NeedsAttentionEntry): string {
  const verb = VERBS[entry.name];
  if (verb) return verb;
  if (!isOperationName(entry.name)) return entry.name;
  const summary = contract[entry.name].summary;
  return summary.split(/[.(;:]/)[0]!.trim();
}

export function changeSubject(entry: NeedsAttentionEntry): ChangeSubject {
  const input = (entry.input ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    patientId: text(input.patientId),
    doctorId: text(input.doctorId),
    startsAt: text(input.startsAt) ?? text(input.newStartsAt),
  };
}

export type Retry =
  | { name: 'appointments.book'; input: InputOf<'appointments.book'> }
  | { name: 'appointments.reschedule'; input: InputOf<'appointments.reschedule'> };

/**
 * The same change asked again at another time, for the refusals whose next action is to choose
 * another slot; null when the operation has no time to change. (The input is the one this
 * desktop queued, so it already passed the contract's schema once.)
 */
export function retryAt(entry: NeedsAttentionEntry, start: string): Retry | null {
  if (entry.name === 'appointments.book') {
    return { name: entry.name, input: { ...(entry.input as InputOf<'appointments.book'>), startsAt: start } };
  }
  if (entry.name === 'appointments.reschedule') {
    const input = entry.input as InputOf<'appointments.reschedule'>;
    return { name: entry.name, input: { ...input, newStartsAt: start } };
  }
  return null;
}
