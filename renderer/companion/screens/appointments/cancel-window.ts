import type { AppointmentStatus } from '@shared/domain/appointment.schema';

/**
 * The cancellation window a patient meets (docs/product.md §5): the app may cancel an appointment
 * up to `windowMinutes` before it starts; after that only the clinic can. Shown before the patient
 * tries, with the same rule the hub applies (shared/rules/lifecycle.ts insideCancellationWindow).
 */

/** The last instant the patient may cancel in the app (ISO). */
export function cancelBy(startsAt: string, windowMinutes: number): string {
  return new Date(Date.parse(startsAt) - windowMinutes * 60_000).toISOString();
}

/** Statuses a patient may still cancel or move. */
const OPEN: readonly AppointmentStatus[] = ['REQUESTED', 'CONFIRMED'];

export type CancelState =
  /** The visit is over, cancelled or checked in: no cancel button at all. */
  | { kind: 'closed' }
  /** Cancel is offered until `until`. */
  | { kind: 'open'; until: string }
  /** The window has passed: cancel is shown disabled, with `until` to say why. */
  | { kind: 'passed'; until: string };

export function cancelState(
  appointment: { status: AppointmentStatus; startsAt: string },
  windowMinutes: number,
  now: Date = new Date(),
): CancelState {
  if (!OPEN.includes(appointment.status)) return { kind: 'closed' };
  const until = cancelBy(appointment.startsAt, windowMinutes);
  return now.getTime() <= Date.parse(until) ? { kind: 'open', until } : { kind: 'passed', until };
}
