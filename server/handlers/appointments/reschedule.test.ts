import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertDoctor, insertPatient, insertWeeklyWindows, weekdaySchedule } from '@server/testing/fixtures';
import {
  MONDAY,
  TUESDAY,
  at,
  bookAt,
  changeSettings,
  examDoctor,
  localTimes,
  newPatient,
  patientCaller,
  refusal,
} from '@server/testing/booking-setup';

describe('rescheduling (docs/product.md §6)', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  const tuesdayTimes = async (doctorId: string) =>
    localTimes(
      (await hub.call(hub.admin, 'slots.list', { doctorId, fromDate: TUESDAY, toDate: TUESDAY }))[0]!.slots,
    );

  it('moves atomically: frees the old slot, takes the new one, keeps the history', async () => {
    const doctor = examDoctor(hub);
    const booked = await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '09:00'));
    const moved = await hub.call(hub.admin, 'appointments.reschedule', {
      id: booked.id,
      newStartsAt: at(TUESDAY, '15:00'),
      reason: 'Patient stuck at work',
    });
    expect(moved).toMatchObject({ startsAt: at(TUESDAY, '15:00'), endsAt: at(TUESDAY, '15:30') });
    const times = await tuesdayTimes(doctor.id);
    expect(times).toContain('09:00');
    expect(times).not.toContain('15:00');
    const { reschedules } = await hub.call(hub.admin, 'appointments.history', { id: booked.id });
    expect(reschedules).toMatchObject([
      {
        oldStartsAt: at(TUESDAY, '09:00'),
        newStartsAt: at(TUESDAY, '15:00'),
        oldDoctorId: doctor.id,
        newDoctorId: doctor.id,
        reason: 'Patient stuck at work',
        deviceId: 'admin-desktop',
      },
    ]);
  });

  it('rewrites the row’s derived columns (epoch ms, clinic date) and leaves the rest as booked', async () => {
    const doctor = examDoctor(hub);
    const booked = await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(MONDAY, '16:30'));
    const row = () => hub.db.sqlite.prepare('SELECT * FROM appointments WHERE id = ?').get(booked.id);
    const before = row() as Record<string, unknown>;
    expect(before).toMatchObject({ clinicDate: MONDAY, slotless: 0 });
    await hub.call(hub.admin, 'appointments.reschedule', {
      id: booked.id,
      newStartsAt: at(TUESDAY, '09:00'),
      reason: 'Patient asked for the morning',
    });
    expect(row()).toEqual({
      ...before,
      startsAt: at(TUESDAY, '09:00'),
      endsAt: at(TUESDAY, '09:30'),
      startMs: Date.parse(at(TUESDAY, '09:00')),
      endMs: Date.parse(at(TUESDAY, '09:30')),
      clinicDate: TUESDAY,
      updatedAt: expect.any(String) as string,
    });
  });

  it('moves to another doctor, and onto a time overlapping its own old time', async () => {
    const doctor = insertDoctor(hub.db, { sessionMinutes: 60, bufferOverride: { before: 0, after: 0 } });
    insertWeeklyWindows(hub.db, doctor.id, [[2, '09:00', '13:00']]);
    const booked = await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '09:00'));
    const shifted = await hub.call(hub.admin, 'appointments.reschedule', {
      id: booked.id,
      newStartsAt: at(TUESDAY, '09:30'),
      reason: 'Doctor arrives late',
      overrideReason: 'Half an hour later than the grid',
    });
    expect(shifted).toMatchObject({
      startsAt: at(TUESDAY, '09:30'),
      overrideReason: 'Half an hour later than the grid',
    });

    const other = examDoctor(hub);
    const switched = await hub.call(hub.admin, 'appointments.reschedule', {
      id: booked.id,
      newStartsAt: at(TUESDAY, '11:00'),
      doctorId: other.id,
      reason: 'Seen by the other physician',
    });
    expect(switched).toMatchObject({
      doctorId: other.id,
      overrideReason: null,
      endsAt: at(TUESDAY, '11:30'),
    });
    expect(await tuesdayTimes(doctor.id)).toEqual(['09:00', '10:00', '11:00', '12:00']);
  });

  it('another doctor is held to the booking rules, each refusal naming doctorId; the move is told and audited', async () => {
    const first = examDoctor(hub);
    const patient = insertPatient(hub.db, { fullName: 'Meera Nair', email: 'meera@example.in' });
    const booked = await bookAt(hub, hub.admin, first.id, patient.id, at(TUESDAY, '09:00'));
    const moveTo = (doctorId: string, time = '10:00') =>
      hub.call(hub.admin, 'appointments.reschedule', {
        id: booked.id,
        newStartsAt: at(TUESDAY, time),
        doctorId,
        reason: 'Dr Menon is in theatre',
      });
    const namesDoctor = async (promise: Promise<unknown>, message: RegExp) => {
      const failure = await refusal(promise, 'DOCTOR_NOT_AVAILABLE');
      expect(failure.message).toMatch(message);
      expect(failure.error.fields?.map((f) => f.field)).toEqual(['doctorId']);
    };

    const noBuffers = { bufferOverride: { before: 0, after: 0 } };
    const retired = insertDoctor(hub.db, { ...noBuffers, fullName: 'Dr Old Hand', active: false });
    weekdaySchedule(hub.db, retired.id);
    await namesDoctor(moveTo(retired.id), /Dr Old Hand is not taking appointments/);
    const mornings = insertDoctor(hub.db, { ...noBuffers, fullName: 'Dr Early Bird' });
    insertWeeklyWindows(hub.db, mornings.id, [[1, '09:00', '13:00']]); // Mondays only
    await namesDoctor(moveTo(mornings.id), /Dr Early Bird is not working on 2026-11-24/);
    const away = insertDoctor(hub.db, { ...noBuffers, fullName: 'Dr On Leave' });
    weekdaySchedule(hub.db, away.id);
    await hub.call(hub.admin, 'schedules.addException', {
      exception: { id: randomUUID(), doctorId: away.id, date: TUESDAY, kind: 'leave', window: null },
    });
    await namesDoctor(moveTo(away.id), /Dr On Leave is not working on 2026-11-24/);

    const second = insertDoctor(hub.db, { ...noBuffers, fullName: 'Dr Farhan Ali' });
    weekdaySchedule(hub.db, second.id);
    await bookAt(hub, hub.admin, second.id, newPatient(hub, 'Ravi Kumar').id, at(TUESDAY, '10:00'));
    await refusal(moveTo(second.id), 'SLOT_TAKEN'); // the new doctor's booked time
    const offGrid = await refusal(moveTo(second.id, '10:10'), 'VALIDATION');
    expect(offGrid.error.fields?.[0]?.field).toBe('newStartsAt');
    expect(await hub.call(hub.admin, 'appointments.get', { id: booked.id })).toMatchObject({
      doctorId: first.id,
      startsAt: at(TUESDAY, '09:00'),
    });
    expect(hub.db.all(hub.db.q.selectFrom('reschedule_records').select('id'))).toEqual([]);

    const moved = await moveTo(second.id, '11:00');
    expect(moved).toMatchObject({ doctorId: second.id, startsAt: at(TUESDAY, '11:00') });
    expect(await tuesdayTimes(first.id)).toContain('09:00');
    expect(await tuesdayTimes(second.id)).not.toContain('11:00');
    const [audit] = hub.db.all(
      hub.db.q.selectFrom('audit_log').selectAll().where('action', '=', 'appointments.reschedule'),
    );
    expect(JSON.parse(audit!.details)).toMatchObject({
      from: { doctorId: first.id },
      to: { doctorId: second.id },
      doctorChanged: { from: 'Dr Kavita Menon', to: 'Dr Farhan Ali' },
    });
    const told = hub.db.all(
      hub.db.q
        .selectFrom('notifications')
        .select(['channel', 'body'])
        .where('aboutId', '=', booked.id)
        .where('kind', '=', 'schedule_change'),
    );
    expect(told.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    for (const message of told) expect(message.body).toContain('Dr Farhan Ali');
  });

  it('refuses a taken time with SLOT_TAKEN and changes nothing; final appointments cannot move', async () => {
    const doctor = examDoctor(hub);
    const a = await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '09:00'));
    await bookAt(hub, hub.admin, doctor.id, newPatient(hub, 'Ravi Kumar').id, at(TUESDAY, '09:30'));
    const failure = await refusal(
      hub.call(hub.admin, 'appointments.reschedule', {
        id: a.id,
        newStartsAt: at(TUESDAY, '09:30'),
        reason: 'Later',
      }),
      'SLOT_TAKEN',
    );
    expect(failure.error.nextSlots?.[0]?.start).toBe(at(TUESDAY, '10:00'));
    expect(await hub.call(hub.admin, 'appointments.get', { id: a.id })).toMatchObject({
      startsAt: a.startsAt,
    });
    expect(hub.db.all(hub.db.q.selectFrom('reschedule_records').select('id'))).toEqual([]);

    await hub.call(hub.admin, 'appointments.cancel', { id: a.id, reason: 'Called' });
    await refusal(
      hub.call(hub.admin, 'appointments.reschedule', {
        id: a.id,
        newStartsAt: at(TUESDAY, '11:00'),
        reason: 'x y z',
      }),
      'INVALID_TRANSITION',
    );
  });

  it('a patient moves directly only when policy allows and outside the cancellation window', async () => {
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const app = patientCaller(hub, patient.id);
    const soon = await bookAt(hub, app, doctor.id, patient.id, at(MONDAY, '09:00'));
    const later = await bookAt(hub, app, doctor.id, patient.id, at(TUESDAY, '09:00'));
    const move = (id: string) =>
      hub.call(app, 'appointments.reschedule', { id, newStartsAt: at(TUESDAY, '12:00'), reason: 'Exam day' });
    const denied = await refusal(move(later.id), 'POLICY');
    expect(denied.message).toMatch(/reschedule request/);
    changeSettings(hub, { patientDirectReschedule: true });
    await refusal(move(soon.id), 'POLICY');
    expect((await move(later.id)).startsAt).toBe(at(TUESDAY, '12:00'));
  });

  it('a patient requests, the clinic approves (moving it) or rejects with a reason', async () => {
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const app = patientCaller(hub, patient.id);
    const booked = await bookAt(hub, app, doctor.id, patient.id, at(TUESDAY, '09:00'));
    const request = await hub.call(app, 'appointments.requestReschedule', {
      id: booked.id,
      requestId: randomUUID(),
      preferredDate: '2026-11-25',
      note: 'Any time after 10',
    });
    expect(request.status).toBe('PENDING');
    await refusal(
      hub.call(app, 'appointments.requestReschedule', { id: booked.id, requestId: randomUUID() }),
      'CONFLICT',
    );
    const missing = await refusal(
      hub.call(hub.admin, 'appointments.decideReschedule', { requestId: request.id, approve: true }),
      'VALIDATION',
    );
    expect(missing.error.fields?.[0]?.field).toBe('newStartsAt');
    const approved = await hub.call(hub.admin, 'appointments.decideReschedule', {
      requestId: request.id,
      approve: true,
      newStartsAt: at('2026-11-25', '10:30'),
    });
    expect(approved).toMatchObject({ status: 'APPROVED', decidedAt: hub.clock.now().toISOString() });
    expect((await hub.call(app, 'appointments.get', { id: booked.id })).startsAt).toBe(
      at('2026-11-25', '10:30'),
    );

    const second = await hub.call(app, 'appointments.requestReschedule', {
      id: booked.id,
      requestId: randomUUID(),
    });
    await refusal(
      hub.call(hub.admin, 'appointments.decideReschedule', { requestId: second.id, approve: false }),
      'VALIDATION',
    );
    const rejected = await hub.call(hub.admin, 'appointments.decideReschedule', {
      requestId: second.id,
      approve: false,
      reason: 'Doctor is fully booked that week',
    });
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      decisionReason: 'Doctor is fully booked that week',
    });
    const history = await hub.call(app, 'appointments.history', { id: booked.id });
    expect(history.requests.map((r) => r.status)).toEqual(['APPROVED', 'REJECTED']);
    expect(history.reschedules).toHaveLength(1);
  });

  it('bulk reschedule moves what it can and reports the rest', async () => {
    const doctor = examDoctor(hub);
    const a = await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '09:00'));
    const b = await bookAt(hub, hub.admin, doctor.id, newPatient(hub, 'Ravi Kumar').id, at(TUESDAY, '09:30'));
    const result = await hub.call(hub.admin, 'schedules.bulkReschedule', {
      moves: [
        { appointmentId: a.id, newStartsAt: at('2026-11-25', '09:00') },
        { appointmentId: b.id, newStartsAt: at('2026-11-25', '09:00') },
      ],
      reason: 'Doctor on leave Tuesday',
    });
    expect(result.moved.map((m) => m.id)).toEqual([a.id]);
    expect(result.failed).toEqual([
      { appointmentId: b.id, message: expect.stringMatching(/just taken/) as string },
    ]);
    expect((await hub.call(hub.admin, 'appointments.get', { id: b.id })).startsAt).toBe(at(TUESDAY, '09:30'));
    expect(hub.db.all(hub.db.q.selectFrom('reschedule_records').select('appointmentId'))).toEqual([
      { appointmentId: a.id },
    ]);
  });
});
