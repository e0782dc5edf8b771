import type { AppointmentStatus } from '@shared/domain/appointment.schema';
import { insertAppointmentRow } from '@server/testing/fixtures';
import type { TestHub } from '@server/testing/test-hub';

/** A booked appointment written directly (same columns as the booking handlers write). */
export function insertAppointment(
  hub: TestHub,
  opts: {
    doctorId: string;
    patientId: string;
    startsAt: string;
    minutes?: number;
    status?: AppointmentStatus;
  },
): string {
  return insertAppointmentRow(hub.db, {
    ...opts,
    bufferBefore: 5,
    bufferAfter: 5,
    createdAt: hub.clock.now().toISOString(),
  });
}

export function rows<T>(hub: TestHub, query: string, ...params: unknown[]): T[] {
  return hub.db.sqlite.prepare(query).all(...params) as T[];
}

export function count(hub: TestHub, table: string): number {
  return (hub.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
