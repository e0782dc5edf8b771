import { randomUUID } from 'node:crypto';
import type { AppointmentStatus } from '@shared/domain/appointment.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import { localToInstant } from '@shared/rules/zoned-time';
import type { Caller } from '@server/core/dispatcher';
import type { Db } from '@server/db/database';
import { insertAppointmentRow, insertDoctor, insertPatient, weekdaySchedule } from '@server/testing/fixtures';
import type { TestHub } from '@server/testing/test-hub';

/** Test set-up for the queue: direct inserts, so these tests do not depend on booking. */
export const TODAY = '2026-11-23';
const ZONE = 'Asia/Kolkata';

/** The instant of a wall-clock time in Kolkata, on the test day unless given. */
export function at(time: string, date = TODAY): string {
  return localToInstant(date, time, ZONE);
}

export interface QueueWorld {
  doctor: Doctor;
  reception: Caller;
  doctorCaller: Caller;
}

export async function queueWorld(hub: TestHub, doctor: Partial<Doctor> = {}): Promise<QueueWorld> {
  // Tests jump through the clinic day; keep sessions alive across the jumps.
  hub.core.saveSettings({ ...hub.core.settings(), sessionIdleMinutes: 24 * 60 });
  const created = insertDoctor(hub.db, { tokenPrefix: 'K', sessionMinutes: 30, ...doctor });
  weekdaySchedule(hub.db, created.id);
  const reception = await hub.signIn('receptionist');
  const doctorCaller = await hub.signIn('doctor', { doctorId: created.id });
  return { doctor: created, reception, doctorCaller };
}

export interface AppointmentFixture {
  doctorId: string;
  patientId?: string;
  patientName?: string;
  time: string;
  date?: string;
  minutes?: number;
  status?: AppointmentStatus;
}

/** A booked appointment (no buffers) for a new patient unless one is given; returns its id. */
export function insertAppointment(db: Db, fixture: AppointmentFixture): string {
  const patientId =
    fixture.patientId ?? insertPatient(db, { fullName: fixture.patientName ?? 'Asha Rao' }).id;
  return insertAppointmentRow(db, {
    doctorId: fixture.doctorId,
    patientId,
    startsAt: at(fixture.time, fixture.date),
    minutes: fixture.minutes ?? 30,
    status: fixture.status ?? 'CONFIRMED',
    zone: ZONE,
  });
}

export { patientCaller } from '@server/testing/patient-caller';

/** Gives the doctor's weekday windows a room; returns its name. */
export function assignRoom(db: Db, doctorId: string, name = 'Room 2'): string {
  const id = randomUUID();
  db.run(db.q.insertInto('rooms').values({ id, name, type: 'consultation', status: 'available' }));
  db.run(db.q.updateTable('weekly_windows').set({ roomId: id }).where('doctorId', '=', doctorId));
  return name;
}
