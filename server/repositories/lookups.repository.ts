import type { Appointment } from '@shared/domain/appointment.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import { notFound } from '@shared/contract/not-found';
import { appointmentFromRow } from '@server/db/appointment-row';
import { decode } from '@server/db/codecs';
import type { Db } from '@server/db/database';
import { type ParameterOf, preparedQuery } from '@server/db/prepared-query';

type ById = { id: string };
const patientById = preparedQuery((q, p: ParameterOf<ById>) =>
  q.selectFrom('patients').selectAll().where('id', '=', p('id')),
);
const doctorById = preparedQuery((q, p: ParameterOf<ById>) =>
  q.selectFrom('doctors').selectAll().where('id', '=', p('id')),
);
const appointmentById = preparedQuery((q, p: ParameterOf<ById>) =>
  q.selectFrom('appointments').selectAll().where('id', '=', p('id')),
);

/**
 * Loads by id, or throws NOT_FOUND. The same answer for "does not exist" and "not yours"
 * (docs/architecture.md (Security invariants)), so callers check ownership with `assertOwn` (the policy's own scope) after loading.
 */
export function getPatient(db: Db, id: string): Patient {
  const row = patientById.first(db, { id });
  if (!row) throw notFound('patient');
  return decode<Patient>('patients', row);
}

export function getDoctor(db: Db, id: string): Doctor {
  const row = doctorById.first(db, { id });
  if (!row) throw notFound('doctor');
  return decode<Doctor>('doctors', row);
}

export function getAppointment(db: Db, id: string): Appointment {
  const row = appointmentById.first(db, { id });
  if (!row) throw notFound('appointment');
  return appointmentFromRow(row);
}

export function findAppointment(db: Db, id: string): Appointment | null {
  const row = appointmentById.first(db, { id });
  return row ? appointmentFromRow(row) : null;
}
