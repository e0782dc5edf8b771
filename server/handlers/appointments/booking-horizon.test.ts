import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import {
  at,
  bookAt,
  changeSettings,
  examDoctor,
  localTimes,
  newPatient,
  patientCaller,
  refusal,
} from '@server/testing/booking-setup';

/** The hub's today is Monday 2026-11-23; with a 7-day horizon the last bookable date is the 30th. */
const LAST = '2026-11-30';
const BEYOND = '2026-12-01';

const auditOf = (hub: TestHub, action: string) =>
  hub.db.all(hub.db.q.selectFrom('audit_log').selectAll().where('action', '=', action));

describe('the booking horizon (setting bookingHorizonDays)', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
    changeSettings(hub, { bookingHorizonDays: 7 });
  });
  afterEach(() => hub.close());

  it('ends slot lists at the horizon, saying why, and next free slots stop there too', async () => {
    const doctor = examDoctor(hub);
    const reception = await hub.signIn('receptionist');
    const [last, beyond] = await hub.call(reception, 'slots.list', {
      doctorId: doctor.id,
      fromDate: LAST,
      toDate: BEYOND,
    });
    expect(last).toMatchObject({ date: LAST, available: true, message: null });
    expect(last!.slots.length).toBe(14);
    expect(beyond).toEqual({
      doctorId: doctor.id,
      date: BEYOND,
      available: false,
      message: 'Not open for booking yet: bookings open 7 days ahead (up to 2026-11-30).',
      slots: [],
    });
    const next = await hub.call(reception, 'slots.nextFree', {
      doctorId: doctor.id,
      from: at(LAST, '16:00'),
      limit: 5,
    });
    expect(localTimes(next)).toEqual(['16:00', '16:30']);
    // A slot just taken on the last day offers nothing beyond it.
    await bookAt(hub, reception, doctor.id, newPatient(hub).id, at(LAST, '16:00'));
    await bookAt(hub, reception, doctor.id, newPatient(hub).id, at(LAST, '16:30'));
    const taken = await refusal(
      bookAt(hub, reception, doctor.id, newPatient(hub).id, at(LAST, '16:30')),
      'SLOT_TAKEN',
    );
    expect(taken.error.nextSlots).toEqual([]);
  });

  it('refuses a booking beyond it naming startsAt, unless staff give an override reason (audited)', async () => {
    const doctor = examDoctor(hub);
    const reception = await hub.signIn('receptionist');
    const patient = newPatient(hub);
    expect((await bookAt(hub, reception, doctor.id, patient.id, at(LAST, '09:00'))).status).toBe('CONFIRMED');

    const refused = await refusal(
      bookAt(hub, reception, doctor.id, patient.id, at(BEYOND, '09:00')),
      'VALIDATION',
    );
    expect(refused.error.fields).toEqual([
      {
        field: 'startsAt',
        message:
          '2026-12-01 is beyond the booking horizon: bookings open 7 days ahead, up to 2026-11-30 ' +
          '(setting bookingHorizonDays); staff may still book it by giving an override reason',
      },
    ]);
    expect(hub.db.all(hub.db.q.selectFrom('appointments').select('id'))).toHaveLength(1);

    const reason = 'Surgery follow-up the doctor asked for in 8 days';
    const booked = await bookAt(hub, reception, doctor.id, patient.id, at(BEYOND, '09:00'), {
      overrideReason: reason,
    });
    expect(booked).toMatchObject({ startsAt: at(BEYOND, '09:00'), overrideReason: reason });
    const [override] = auditOf(hub, 'appointments.override');
    expect(override).toMatchObject({ entityId: booked.id, actorRole: 'receptionist' });
    expect(JSON.parse(override!.details)).toMatchObject({ reason });
  });

  it('never lets a patient book beyond it, with or without a reason', async () => {
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const app = patientCaller(hub, patient.id);
    for (const extra of [{}, { overrideReason: 'I will be travelling until then' }]) {
      const refused = await refusal(
        bookAt(hub, app, doctor.id, patient.id, at(BEYOND, '09:00'), extra),
        'VALIDATION',
      );
      expect(refused.error.fields?.[0]?.field).toBe('startsAt');
      expect(refused.message).toContain('beyond the booking horizon');
      expect(refused.message).not.toContain('override');
    }
    expect(hub.db.all(hub.db.q.selectFrom('appointments').select('id'))).toEqual([]);
  });

  it('refuses a move beyond it naming newStartsAt, unless staff give an override reason', async () => {
    const doctor = examDoctor(hub);
    const booked = await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(LAST, '09:00'));
    const refused = await refusal(
      hub.call(hub.admin, 'appointments.reschedule', {
        id: booked.id,
        newStartsAt: at(BEYOND, '10:00'),
        reason: 'Patient travelling',
      }),
      'VALIDATION',
    );
    expect(refused.error.fields?.[0]?.field).toBe('newStartsAt');
    expect(refused.message).toContain('bookingHorizonDays');

    const moved = await hub.call(hub.admin, 'appointments.reschedule', {
      id: booked.id,
      newStartsAt: at(BEYOND, '10:00'),
      reason: 'Patient travelling',
      overrideReason: 'Doctor agreed to see him after the horizon',
    });
    expect(moved).toMatchObject({
      startsAt: at(BEYOND, '10:00'),
      overrideReason: 'Doctor agreed to see him after the horizon',
    });
    const [entry] = auditOf(hub, 'appointments.reschedule');
    expect(JSON.parse(entry!.details)).toMatchObject({
      override: 'Doctor agreed to see him after the horizon',
    });
  });
});
