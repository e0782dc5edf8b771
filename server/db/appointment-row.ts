import type { Appointment } from '@shared/domain/appointment.schema';
import { clinicDate } from '@shared/rules/zoned-time';

/**
 * The hub's own columns of an appointment row (never on the contract's Appointment): the times
 * in epoch ms and the clinic date, for indexes and the claims triggers, and `slotless`, a
 * queued walk-in that claims no time.
 */
export type AppointmentHubColumns = {
  startMs: number;
  endMs: number;
  clinicDate: string;
  slotless: 0 | 1;
};

/** The appointments table: the contract's Appointment as stored (flags 0/1) plus the hub's own columns. */
export type AppointmentTable = Omit<Appointment, 'provisional'> & {
  provisional: 0 | 1;
} & AppointmentHubColumns;

/** The hub's own columns, dropped when a row is read as an Appointment (codecs.ts). */
export const appointmentHubColumns = [
  'startMs',
  'endMs',
  'clinicDate',
  'slotless',
] as const satisfies readonly (keyof AppointmentHubColumns)[];

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
