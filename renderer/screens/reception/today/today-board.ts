import type { Slot } from '@shared/contract/clinic.contract';
import type { Appointment } from '@shared/domain/appointment.schema';
import { isActiveStatus, occupiedInterval, ownInterval } from '@shared/rules/conflicts';
import { overlaps } from '@shared/rules/interval';

export type BoardItem =
  { kind: 'appointment'; at: string; appointment: Appointment } | { kind: 'free'; at: string; slot: Slot };

/**
 * The slots still free given the appointments on the board. The appointments list and the slots
 * list refresh separately after a booking, so for a moment the slots may not know of an
 * appointment the board already shows; a slot it occupies is never offered beside it.
 */
export function freeSlots(appointments: Appointment[], slots: Slot[]): Slot[] {
  const occupied = appointments
    .filter((a) => isActiveStatus(a.status))
    .map((a) =>
      occupiedInterval({
        start: a.startsAt,
        end: a.endsAt,
        bufferBefore: a.bufferBeforeMinutes,
        bufferAfter: a.bufferAfterMinutes,
      }),
    );
  return slots.filter((slot) => {
    const own = ownInterval(slot);
    return !occupied.some((interval) => overlaps(own, interval));
  });
}

/** One doctor's day: appointments and free slots in time order (cancelled ones after the live ones at a time). */
export function boardItems(appointments: Appointment[], free: Slot[], showFree: boolean): BoardItem[] {
  const items: BoardItem[] = [
    ...appointments.map((appointment) => ({
      kind: 'appointment' as const,
      at: appointment.startsAt,
      appointment,
    })),
    ...(showFree ? free.map((slot) => ({ kind: 'free' as const, at: slot.start, slot })) : []),
  ];
  const rank = (i: BoardItem) =>
    i.kind === 'free'
      ? 1
      : i.appointment.status === 'CANCELLED' || i.appointment.status === 'NO_SHOW'
        ? 2
        : 0;
  return items.sort((a, b) => a.at.localeCompare(b.at) || rank(a) - rank(b));
}

/** "/book?doctor=…&date=…&start=…": the booking screen prefilled with a free slot. */
export function bookingLink(doctorId: string, date: string, start?: string, patientId?: string): string {
  const params = new URLSearchParams({ doctor: doctorId, date });
  if (start) params.set('start', start);
  if (patientId) params.set('patient', patientId);
  return `/book?${params.toString()}`;
}
