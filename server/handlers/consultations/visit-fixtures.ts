import { randomUUID } from 'node:crypto';
import type { AppointmentStatus, AppointmentType } from '@shared/domain/appointment.schema';
import { clinicDate } from '@shared/rules/zoned-time';
import type { Caller } from '@server/core/dispatcher';
import type { TestHub } from '@server/testing/test-hub';

/**
 * Test-only helpers for consultation and billing tests: an appointment row written directly (as
 * the appointments area would), and a signed-in patient account.
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
  const id = randomUUID();
  const startMs = Date.parse(opts.startsAt);
  const endMs = startMs + (opts.minutes ?? 30) * 60_000;
  const now = hub.clock.now().toISOString();
  hub.db.sqlite
    .prepare(
      `INSERT INTO appointments (id, patientId, doctorId, startsAt, endsAt, startMs, endMs, clinicDate,
        bufferBeforeMinutes, bufferAfterMinutes, type, mode, status, bookedVia, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, 'IN_PERSON', 'CONFIRMED', 'staff', ?, ?)`,
    )
    .run(
      id,
      opts.patientId,
      opts.doctorId,
      new Date(startMs).toISOString(),
      new Date(endMs).toISOString(),
      startMs,
      endMs,
      clinicDate(startMs, 'Asia/Kolkata'),
      opts.type ?? 'NEW_VISIT',
      now,
      now,
    );
  setStatus(hub, id, opts.status ?? 'CHECKED_IN');
  return id;
}

export function setStatus(hub: TestHub, appointmentId: string, status: AppointmentStatus): void {
  hub.db.sqlite.prepare('UPDATE appointments SET status = ? WHERE id = ?').run(status, appointmentId);
}

/** A patient account linked to a patient record, signed in on a phone. */
export function signInPatient(hub: TestHub, patientId: string): Caller {
  const userId = randomUUID();
  const now = hub.clock.now();
  hub.db.sqlite
    .prepare(
      `INSERT INTO users (id, username, displayName, role, doctorId, patientId, disabled, createdAt)
       VALUES (?, ?, 'Patient', 'patient', NULL, ?, 0, ?)`,
    )
    .run(userId, `patient-${userId}`, patientId, now.toISOString());
  const { token } = hub.core.sessions.create(userId, 'patient-phone', now, hub.core.settings());
  return { token, deviceId: 'patient-phone' };
}
