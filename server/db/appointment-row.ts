import type { Appointment } from '@shared/domain/appointment.schema';
import { clinicDate } from '@shared/rules/zoned-time';
import { decode } from './codecs';
import type { AppointmentTable } from './tables';

/** What a row needs beyond the appointment itself. */
export interface AppointmentRowFacts {
  /** The clinic's time zone, for the clinic date of the start. */
  timeZone: string;
  /** The clinic date as the hub stored it (a replica keeps the hub's, made in the zone of then). */
  clinicDate?: string | undefined;
  /** A queued walk-in that claims no time (queue.walkIn); false for every booking. */
  slotless: boolean;
}

/**
 * The one way an appointment becomes its row, on the hub and on a desktop's replica alike:
 * every column of the appointment (flags 0/1) and the hub's own columns derived from it.
 */
export function appointmentRow(appointment: Appointment, facts: AppointmentRowFacts): AppointmentTable {
  const startMs = Date.parse(appointment.startsAt);
  return {
    ...appointment,
    provisional: appointment.provisional ? 1 : 0,
    startMs,
    endMs: Date.parse(appointment.endsAt),
    clinicDate: facts.clinicDate ?? clinicDate(startMs, facts.timeZone),
    slotless: facts.slotless ? 1 : 0,
  };
}

/** The row read back as the contract's Appointment (flags as booleans, the hub's own columns dropped). */
export function appointmentFromRow(row: AppointmentTable | Record<string, unknown>): Appointment {
  return decode<Appointment>('appointments', { ...row });
}
