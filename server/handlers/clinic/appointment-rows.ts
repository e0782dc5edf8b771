import type { AppointmentLike } from '@shared/rules/conflicts';
import type { AppointmentTable } from '@server/db/tables';

export { appointmentFromRow } from '@server/db/appointment-row';

/** The shape the pure conflict rules take. */
export function appointmentLike(row: AppointmentTable): AppointmentLike {
  return {
    id: row.id,
    doctorId: row.doctorId,
    patientId: row.patientId,
    start: row.startsAt,
    end: row.endsAt,
    bufferBefore: row.bufferBeforeMinutes,
    bufferAfter: row.bufferAfterMinutes,
    status: row.status,
  };
}
