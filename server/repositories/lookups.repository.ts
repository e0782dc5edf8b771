import type { Appointment } from '@shared/domain/appointment.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import { failure } from '@shared/contract/errors';
import { decode } from '@server/db/codecs';
import type { Db } from '@server/db/database';

/**
 * Loads by id, or throws NOT_FOUND. The same answer for "does not exist" and "not yours"
 * (DESIGN §6), so callers check ownership with `assertOwn*` after loading.
 */
export function getPatient(db: Db, id: string): Patient {
  const row = db.first(db.q.selectFrom('patients').selectAll().where('id', '=', id));
  if (!row) throw failure('NOT_FOUND', 'No such patient.');
  return decode<Patient>('patients', row);
}

export function getDoctor(db: Db, id: string): Doctor {
  const row = db.first(db.q.selectFrom('doctors').selectAll().where('id', '=', id));
  if (!row) throw failure('NOT_FOUND', 'No such doctor.');
  return decode<Doctor>('doctors', row);
}

export function getAppointment(db: Db, id: string): Appointment {
  const row = db.first(db.q.selectFrom('appointments').selectAll().where('id', '=', id));
  if (!row) throw failure('NOT_FOUND', 'No such appointment.');
  return decode<Appointment>('appointments', row);
}

export function findAppointment(db: Db, id: string): Appointment | null {
  const row = db.first(db.q.selectFrom('appointments').selectAll().where('id', '=', id));
  return row ? decode<Appointment>('appointments', row) : null;
}
