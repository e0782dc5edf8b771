import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '@shared/contract/errors';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import {
  TUESDAY,
  at,
  bookAt,
  changeSettings,
  examDoctor,
  newPatient,
  patientCaller,
  refusal,
} from '@server/testing/booking-setup';

const rowsOf = (hub: TestHub, table: 'appointments' | 'status_transitions' | 'reschedule_records') =>
  hub.db.all(hub.db.q.selectFrom(table).selectAll());

describe('appointments.book (docs/product.md §4)', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('books a free slot: number, times, buffers, CONFIRMED, initial transition', async () => {
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const appointment = await bookAt(hub, hub.admin, doctor.id, patient.id, at(TUESDAY, '09:30'));
    expect(appointment).toMatchObject({
      number: 'A-2026-000001',
      startsAt: '2026-11-24T04:00:00.000Z',
      endsAt: '2026-11-24T04:30:00.000Z',
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      status: 'CONFIRMED',
      bookedVia: 'staff',
      meetingLink: null,
      overrideReason: null,
    });
    const [row] = rowsOf(hub, 'appointments');
    expect(row).toMatchObject({ clinicDate: TUESDAY, startMs: Date.parse(appointment.startsAt) });
    expect(rowsOf(hub, 'status_transitions')).toMatchObject([{ from: null, to: 'CONFIRMED' }]);
    const second = await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '10:00'), {
      mode: 'ONLINE',
    });
    expect(second.number).toBe('A-2026-000002');
    expect(second.meetingLink).toBe(`https://meet.clinic.invalid/${second.id}`);
  });

  it('starts REQUESTED when the clinic confirms bookings, and staff confirm it', async () => {
    changeSettings(hub, { bookingNeedsConfirmation: true });
    const doctor = examDoctor(hub);
    const booked = await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '09:00'));
    expect(booked.status).toBe('REQUESTED');
    const confirmed = await hub.call(hub.admin, 'appointments.confirm', { id: booked.id });
    expect(confirmed.status).toBe('CONFIRMED');
  });

  it('50 clients racing for one slot: exactly one wins, the others get SLOT_TAKEN with other slots', async () => {
    const doctor = examDoctor(hub);
    const receptionists = await Promise.all(Array.from({ length: 5 }, () => hub.signIn('receptionist')));
    const patients = Array.from({ length: 50 }, (_, i) => newPatient(hub, `Racer ${i}`));
    const slot = at(TUESDAY, '11:00');
    const results = await Promise.allSettled(
      patients.map((p, i) => bookAt(hub, receptionists[i % 5]!, doctor.id, p.id, slot)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as ApiFailure] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const failure of lost) {
      expect(failure).toBeInstanceOf(ApiFailure);
      expect(failure.error.code).toBe('SLOT_TAKEN');
      expect(failure.error.nextSlots?.length).toBeGreaterThan(0);
      expect(failure.error.nextSlots?.map((s) => s.start)).not.toContain(slot);
    }
    const atSlot = hub.db.all(
      hub.db.q.selectFrom('appointments').select('id').where('startMs', '=', Date.parse(slot)),
    );
    expect(atSlot).toHaveLength(1);
  });

  it('turns a lost race on the database claims into SLOT_TAKEN with the next free slots', async () => {
    const doctor = examDoctor(hub);
    // Another transaction claimed 09:00–09:30 after this booking saw the slot as free.
    for (let unit = 0; unit < 6; unit++) {
      hub.db.run(
        hub.db.q.insertInto('doctor_claims').values({
          doctorId: doctor.id,
          unit: Date.parse(at(TUESDAY, '09:00')) / 300_000 + unit,
          appointmentId: randomUUID(),
        }),
      );
    }
    const failure = await refusal(
      bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '09:00')),
      'SLOT_TAKEN',
    );
    expect(failure.message).toMatch(/just taken/);
    expect(failure.error.nextSlots?.length).toBeGreaterThan(0);
    // The slot engine sees no appointment at 09:00 (only its claims): never offer the refused time.
    expect(failure.error.nextSlots?.map((s) => s.start)).not.toContain(at(TUESDAY, '09:00'));
    expect(rowsOf(hub, 'appointments')).toEqual([]);
  });

  it('offers a refused booking only next free times the patient is free at too', async () => {
    const doctor = examDoctor(hub);
    const other = examDoctor(hub);
    const patient = newPatient(hub);
    await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '09:00'));
    await bookAt(hub, hub.admin, other.id, patient.id, at(TUESDAY, '09:30'));
    const taken = await refusal(
      bookAt(hub, hub.admin, doctor.id, patient.id, at(TUESDAY, '09:00')),
      'SLOT_TAKEN',
    );
    // 09:30 is free for the doctor, but the patient is with the other doctor then.
    expect(taken.error.nextSlots?.map((s) => s.start)).toEqual(
      ['10:00', '10:30', '11:00', '11:30', '12:00'].map((time) => at(TUESDAY, time)),
    );
  });

  it('refuses a patient overlapping across doctors, and writes nothing', async () => {
    const first = examDoctor(hub);
    const second = examDoctor(hub);
    const patient = newPatient(hub);
    await bookAt(hub, hub.admin, first.id, patient.id, at(TUESDAY, '10:00'));
    const failure = await refusal(
      bookAt(hub, hub.admin, second.id, patient.id, at(TUESDAY, '10:00')),
      'PATIENT_OVERLAP',
    );
    expect(failure.message).toContain('A-2026-000001');
    expect(rowsOf(hub, 'appointments')).toHaveLength(1);
    expect(rowsOf(hub, 'status_transitions')).toHaveLength(1);
    // The failed booking's number was rolled back with it.
    const next = await bookAt(hub, hub.admin, second.id, patient.id, at(TUESDAY, '10:30'));
    expect(next.number).toBe('A-2026-000002');
  });

  it('refuses a time that is not a slot (naming startsAt) or is in the past', async () => {
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const offGrid = await refusal(
      bookAt(hub, hub.admin, doctor.id, patient.id, at(TUESDAY, '09:10')),
      'VALIDATION',
    );
    expect(offGrid.error.fields?.[0]?.field).toBe('startsAt');
    const past = await refusal(
      bookAt(hub, hub.admin, doctor.id, patient.id, at('2026-11-20', '09:00')),
      'VALIDATION',
    );
    expect(past.error.fields).toEqual([{ field: 'startsAt', message: 'is in the past' }]);
    const offFiveMinutes = await refusal(
      bookAt(hub, hub.admin, doctor.id, patient.id, at(TUESDAY, '09:12'), { overrideReason: 'VIP' }),
      'VALIDATION',
    );
    expect(offFiveMinutes.error.fields?.[0]?.field).toBe('startsAt');
  });

  it('audits a staff override with its reason', async () => {
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const booked = await bookAt(hub, hub.admin, doctor.id, patient.id, at(TUESDAY, '13:15'), {
      overrideReason: 'Doctor agreed to see her at lunch',
    });
    expect(booked.overrideReason).toBe('Doctor agreed to see her at lunch');
    const entry = hub.db.first(
      hub.db.q.selectFrom('audit_log').selectAll().where('action', '=', 'appointments.override'),
    );
    expect(entry).toMatchObject({ entityId: booked.id, patientId: patient.id, actorRole: 'admin' });
    expect(JSON.parse(entry!.details)).toMatchObject({ reason: 'Doctor agreed to see her at lunch' });
  });

  it('lets a patient book only for themself, from the app, and never override', async () => {
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const app = patientCaller(hub, patient.id);
    const own = await bookAt(hub, app, doctor.id, patient.id, at(TUESDAY, '09:00'));
    expect(own.bookedVia).toBe('patient_app');
    await refusal(bookAt(hub, app, doctor.id, newPatient(hub).id, at(TUESDAY, '09:30')), 'NOT_FOUND');
    await refusal(
      bookAt(hub, app, doctor.id, patient.id, at(TUESDAY, '13:15'), { overrideReason: 'please' }),
      'VALIDATION',
    );
    const taken = await refusal(bookAt(hub, app, doctor.id, patient.id, at(TUESDAY, '09:00')), 'SLOT_TAKEN');
    expect(taken.error.nextSlots?.[0]?.start).toBe(at(TUESDAY, '09:30'));
  });
});
