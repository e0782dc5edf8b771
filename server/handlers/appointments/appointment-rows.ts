import type { Appointment } from '@shared/domain/appointment.schema';
import { failure } from '@shared/contract/errors';
import { appointmentFromRow } from '@server/db/appointment-row';

/** An appointments row as the contract's Appointment (the hub's own columns dropped). */
export function toAppointment(row: Record<string, unknown>): Appointment {
  return appointmentFromRow(row);
}

/** The VALIDATION failure naming one field. */
export function invalidField(field: string, message: string) {
  return failure('VALIDATION', `Please correct ${field}: ${message}`, { fields: [{ field, message }] });
}
