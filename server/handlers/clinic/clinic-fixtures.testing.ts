import { randomUUID } from 'node:crypto';
import type { AppointmentStatus } from '@shared/domain/appointment.schema';
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
  const id = randomUUID();
  const startMs = Date.parse(opts.startsAt);
  const endMs = startMs + (opts.minutes ?? 30) * 60_000;
  const at = hub.clock.now().toISOString();
  hub.db.sqlite
    .prepare(
      `INSERT INTO appointments (id, patientId, doctorId, startsAt, endsAt, startMs, endMs, clinicDate,
        bufferBeforeMinutes, bufferAfterMinutes, type, mode, status, bookedVia, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 5, 5, 'NEW_VISIT', 'IN_PERSON', ?, 'staff', ?, ?)`,
    )
    .run(
      id,
      opts.patientId,
      opts.doctorId,
      new Date(startMs).toISOString(),
      new Date(endMs).toISOString(),
      startMs,
      endMs,
      // Test clinics are in Kolkata (UTC+05:30) unless a test says otherwise.
      new Date(startMs + 330 * 60_000).toISOString().slice(0, 10),
      opts.status ?? 'CONFIRMED',
      at,
      at,
    );
  return id;
}

export function rows<T>(hub: TestHub, query: string, ...params: unknown[]): T[] {
  return hub.db.sqlite.prepare(query).all(...params) as T[];
}
