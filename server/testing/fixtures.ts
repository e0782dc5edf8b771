import { randomUUID } from 'node:crypto';
import type { Appointment, AppointmentStatus } from '@shared/domain/appointment.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import { appointmentRow } from '@server/db/appointment-row';
import { encodeRow } from '@server/db/codecs';
import type { Db } from '@server/db/database';
import { patientRow } from '@server/handlers/patients/patient-rows';

/**
 * Direct inserts for tests of one area without going through another area's handlers. They
 * write rows exactly as the handlers do (same columns and codecs).
 */
const at = '2026-11-01T00:00:00.000Z';
let sequence = 0;

export function insertDoctor(db: Db, overrides: Partial<Doctor> = {}): Doctor {
  const doctor: Doctor = {
    id: randomUUID(),
    userId: null,
    fullName: 'Dr Kavita Menon',
    specialization: 'General Physician',
    qualification: 'MBBS, MD',
    registrationNumber: `KMC-${10_000 + (sequence += 1)}`,
    fees: { newVisit: 50_000, followUp: 30_000 },
    sessionMinutes: 30,
    bufferOverride: null,
    tokenPrefix: 'K',
    active: true,
    ...overrides,
  };
  db.run(db.q.insertInto('doctors').values(encodeRow('doctors', doctor)));
  return doctor;
}

export function insertPatient(db: Db, overrides: Partial<Patient> = {}): Patient {
  sequence += 1;
  const patient: Patient = {
    id: randomUUID(),
    code: `PAT${String(900_000 + sequence).padStart(6, '0')}`,
    provisionalCode: null,
    fullName: 'Asha Rao',
    dateOfBirth: '1990-04-01',
    dateOfBirthEstimated: false,
    sex: 'female',
    phone: `+91 98450 ${String(10_000 + sequence).slice(-5)}`,
    email: null,
    address: '',
    bloodGroup: null,
    allergies: [],
    allergiesRecorded: (overrides.allergies ?? []).length > 0,
    chronicConditions: [],
    insurance: null,
    emergencyContact: null,
    preferredLanguage: 'en',
    messageOptOuts: [],
    emailAttachments: false,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
  db.run(db.q.insertInto('patients').values(patientRow(patient)));
  return patient;
}

/** Weekly windows, e.g. [[1, '09:00', '13:00'], [1, '14:00', '17:00']]. */
export function insertWeeklyWindows(db: Db, doctorId: string, windows: [number, string, string][]): void {
  for (const [weekday, start, end] of windows) {
    db.run(
      db.q
        .insertInto('weekly_windows')
        .values({ id: randomUUID(), doctorId, weekday, start, end, roomId: null }),
    );
  }
}

/** Monday–Friday 09:00–13:00 and 14:00–17:00 (the docs/product.md §4 worked example). */
export function weekdaySchedule(db: Db, doctorId: string): void {
  const windows: [number, string, string][] = [];
  for (let day = 1; day <= 5; day++) windows.push([day, '09:00', '13:00'], [day, '14:00', '17:00']);
  insertWeeklyWindows(db, doctorId, windows);
}

export interface AppointmentRow {
  doctorId: string;
  patientId: string;
  startsAt: string;
  minutes?: number;
  bufferBefore?: number;
  bufferAfter?: number;
  type?: 'NEW_VISIT' | 'FOLLOW_UP';
  status?: AppointmentStatus;
  createdAt?: string;
  /** The clinic's zone, for the row's clinic date. */
  zone?: string;
}

/**
 * A booked appointment written directly, with the columns the booking handlers write (the claims
 * triggers still run). For tests of one area without the booking handlers. Returns its id.
 */
export function insertAppointmentRow(db: Db, row: AppointmentRow): string {
  const id = randomUUID();
  const startMs = Date.parse(row.startsAt);
  const createdAt = row.createdAt ?? at;
  const appointment: Appointment = {
    id,
    number: null,
    patientId: row.patientId,
    doctorId: row.doctorId,
    roomId: null,
    startsAt: new Date(startMs).toISOString(),
    endsAt: new Date(startMs + (row.minutes ?? 30) * 60_000).toISOString(),
    bufferBeforeMinutes: row.bufferBefore ?? 0,
    bufferAfterMinutes: row.bufferAfter ?? 0,
    type: row.type ?? 'NEW_VISIT',
    mode: 'IN_PERSON',
    status: row.status ?? 'CONFIRMED',
    meetingLink: null,
    bookedVia: 'staff',
    provisional: false,
    overrideReason: null,
    note: '',
    createdAt,
    updatedAt: createdAt,
  };
  const timeZone = row.zone ?? 'Asia/Kolkata';
  db.run(db.q.insertInto('appointments').values(appointmentRow(appointment, { timeZone, slotless: false })));
  return id;
}
