import type { ScheduleException, WeeklyWindow } from '@shared/domain/schedule.schema';
import { ACTIVE_STATUSES } from '@shared/rules/conflicts';
import { decode } from '@server/db/codecs';
import type { Db } from '@server/db/database';
import type { AppointmentTable, WeeklyWindowTable } from '@server/db/tables';

/** Schedule rows of the hub database: weekly windows, date exceptions, and the bookings they affect. */

export function toWeeklyWindow(row: WeeklyWindowTable): WeeklyWindow {
  return { weekday: row.weekday, start: row.start, end: row.end, roomId: row.roomId };
}

export function weeklyWindowRows(db: Db, doctorId: string): WeeklyWindowTable[] {
  return db.all(
    db.q
      .selectFrom('weekly_windows')
      .selectAll()
      .where('doctorId', '=', doctorId)
      .orderBy('weekday')
      .orderBy('start'),
  );
}

export function weeklyWindows(db: Db, doctorId: string): WeeklyWindow[] {
  return weeklyWindowRows(db, doctorId).map(toWeeklyWindow);
}

/** Weekly windows of every active doctor (and always of `alsoDoctorId`), by doctor. */
export function weeklyWindowsByDoctor(db: Db, alsoDoctorId?: string): Map<string, WeeklyWindow[]> {
  const rows = db.all(
    db.q
      .selectFrom('weekly_windows')
      .innerJoin('doctors', 'doctors.id', 'weekly_windows.doctorId')
      .selectAll('weekly_windows')
      .where((eb) =>
        eb.or([eb('doctors.active', '=', 1), ...(alsoDoctorId ? [eb('doctors.id', '=', alsoDoctorId)] : [])]),
      ),
  );
  const byDoctor = new Map<string, WeeklyWindow[]>();
  for (const row of rows)
    byDoctor.set(row.doctorId, [...(byDoctor.get(row.doctorId) ?? []), toWeeklyWindow(row)]);
  return byDoctor;
}

/** A doctor's exceptions with fromDate ≤ date ≤ toDate (open-ended when omitted). */
export function exceptionsOf(
  db: Db,
  doctorId: string,
  fromDate?: string,
  toDate?: string,
): ScheduleException[] {
  let query = db.q.selectFrom('schedule_exceptions').selectAll().where('doctorId', '=', doctorId);
  if (fromDate) query = query.where('date', '>=', fromDate);
  if (toDate) query = query.where('date', '<=', toDate);
  return db
    .all(query.orderBy('date').orderBy('id'))
    .map((row) => decode<ScheduleException>('schedule_exceptions', { ...row }));
}

export function findException(db: Db, id: string): ScheduleException | null {
  const row = db.first(db.q.selectFrom('schedule_exceptions').selectAll().where('id', '=', id));
  return row ? decode<ScheduleException>('schedule_exceptions', { ...row }) : null;
}

/** Exceptions on one date for every doctor, by doctor. */
export function exceptionsOn(db: Db, date: string): Map<string, ScheduleException[]> {
  const rows = db.all(db.q.selectFrom('schedule_exceptions').selectAll().where('date', '=', date));
  const byDoctor = new Map<string, ScheduleException[]>();
  for (const row of rows) {
    const exception = decode<ScheduleException>('schedule_exceptions', { ...row });
    byDoctor.set(row.doctorId, [...(byDoctor.get(row.doctorId) ?? []), exception]);
  }
  return byDoctor;
}

export type BookedRow = AppointmentTable & { patientCode: string; patientName: string };

/**
 * A doctor's appointments that still hold time from `fromMs` on (REQUESTED, CONFIRMED, CHECKED_IN;
 * queued walk-ins without a slot hold none), optionally on one clinic date only.
 */
export function activeBookings(db: Db, doctorId: string, fromMs: number, onDate?: string): BookedRow[] {
  let query = db.q
    .selectFrom('appointments')
    .innerJoin('patients', 'patients.id', 'appointments.patientId')
    .selectAll('appointments')
    .select(['patients.code as patientCode', 'patients.fullName as patientName'])
    .where('appointments.doctorId', '=', doctorId)
    .where('appointments.startMs', '>=', fromMs)
    .where('appointments.status', 'in', ACTIVE_STATUSES)
    .where('appointments.slotless', '=', 0);
  if (onDate) query = query.where('appointments.clinicDate', '=', onDate);
  return db.all(query.orderBy('appointments.startMs'));
}
