import type { AppointmentStatus, AppointmentType } from '@shared/domain/appointment.schema';
import { insertAppointmentRow } from '@server/testing/fixtures';
import type { TestHub } from '@server/testing/test-hub';

/**
 * Test-only helpers for consultation and billing tests: an appointment row written directly (as
 * the appointments area would), and its status set.
 */
export function insertAppointment(
  hub: TestHub,
  opts: {
    doctorId: string;
    patientId: string;
    startsAt: string;
    minutes?: number;
    type?: AppointmentType;
    status?: AppointmentStatus;
  },
): string {
  const { status, ...row } = opts;
  const id = insertAppointmentRow(hub.db, { ...row, createdAt: hub.clock.now().toISOString() });
  setStatus(hub, id, status ?? 'CHECKED_IN');
  return id;
}

export function setStatus(hub: TestHub, appointmentId: string, status: AppointmentStatus): void {
  hub.db.sqlite.prepare('UPDATE appointments SET status = ? WHERE id = ?').run(status, appointmentId);
}
