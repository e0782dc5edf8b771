import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment } from '@shared/domain/appointment.schema';
import { insertDoctor, insertPatient } from '@server/testing/fixtures';
import { appointmentRow } from './appointment-row';
import { decode } from './codecs';
import { type Db, openDatabase } from './database';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function freshDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-appointment-row-'));
  const db = openDatabase(join(dir, 'clinic.db'));
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

function appointmentAt(startsAt: string, overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: '0b8f5a4e-2f7c-4c1e-9a57-5d1f0a6b7c01',
    number: 'A-2026-000042',
    patientId: 'p1',
    doctorId: 'd1',
    roomId: null,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 10,
    type: 'FOLLOW_UP',
    mode: 'ONLINE',
    status: 'CONFIRMED',
    meetingLink: 'https://meet.clinic.invalid/0b8f5a4e',
    bookedVia: 'patient_app',
    provisional: true,
    overrideReason: 'squeezed in by Dr Menon',
    note: 'bring the old reports',
    createdAt: '2026-12-01T04:00:00.000Z',
    updatedAt: '2026-12-02T05:00:00.000Z',
    ...overrides,
  };
}

describe('the appointment row builder', () => {
  it('builds a row that is stored and read back through the codec as the same appointment', () => {
    const db = freshDb();
    const doctor = insertDoctor(db);
    const patient = insertPatient(db);
    const appointment = appointmentAt('2026-12-07T18:30:00.000Z', {
      doctorId: doctor.id,
      patientId: patient.id,
    });
    const row = appointmentRow(appointment, { timeZone: 'Asia/Kolkata', slotless: false });
    expect(decode<Appointment>('appointments', row)).toEqual(appointment);

    db.run(db.q.insertInto('appointments').values(row));
    const stored = db.first(db.q.selectFrom('appointments').selectAll().where('id', '=', appointment.id));
    expect(stored).toEqual(row);
    expect(decode<Appointment>('appointments', stored!)).toEqual(appointment);
    // The triggers saw the derived columns: 5 + 30 + 10 minutes of the doctor's time in 5-minute units.
    const claims = db.sqlite
      .prepare('SELECT COUNT(*) AS n FROM doctor_claims WHERE appointmentId = ?')
      .get(appointment.id) as { n: number };
    expect(claims.n).toBe(9);
  });

  it('dates the row by the clinic’s day, not UTC’s, on both sides of midnight', () => {
    // 00:00 on 8 December in Kolkata is 18:30 UTC on the 7th; five minutes earlier is still the 7th.
    const midnight = appointmentRow(appointmentAt('2026-12-07T18:30:00.000Z'), {
      timeZone: 'Asia/Kolkata',
      slotless: false,
    });
    expect(midnight).toMatchObject({
      startMs: Date.parse('2026-12-07T18:30:00.000Z'),
      endMs: Date.parse('2026-12-07T19:00:00.000Z'),
      clinicDate: '2026-12-08',
      provisional: 1,
      slotless: 0,
    });
    const before = appointmentRow(appointmentAt('2026-12-07T18:25:00.000Z'), {
      timeZone: 'Asia/Kolkata',
      slotless: false,
    });
    expect(before.clinicDate).toBe('2026-12-07');
    // West of UTC the other way round: 23:30 on the 7th in New York is already the 8th in UTC.
    const lateEvening = appointmentRow(appointmentAt('2026-12-08T04:30:00.000Z'), {
      timeZone: 'America/New_York',
      slotless: true,
    });
    expect(lateEvening).toMatchObject({ clinicDate: '2026-12-07', slotless: 1 });
    expect(
      appointmentRow(appointmentAt('2026-12-08T04:30:00.000Z'), { timeZone: 'UTC', slotless: false }),
    ).toMatchObject({ clinicDate: '2026-12-08' });
  });

  it('keeps the clinic date the hub stored (a replica’s zone may have changed since the booking)', () => {
    const row = appointmentRow(appointmentAt('2026-12-07T18:30:00.000Z'), {
      timeZone: 'UTC',
      clinicDate: '2026-12-08',
      slotless: false,
    });
    expect(row.clinicDate).toBe('2026-12-08');
  });
});
