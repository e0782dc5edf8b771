import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { insertDoctor, insertPatient, weekdaySchedule } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { changeSettings } from '@server/testing/booking-setup';
import { count, insertAppointment, rows } from '@server/testing/clinic-fixtures';

let hub: TestHub;
afterEach(() => hub?.close());

// Default now: Monday 2026-11-23 08:00 in Kolkata. Next Monday 30 Nov 10:00 IST = 04:30Z.
const nextMonday10 = '2026-11-30T04:30:00.000Z';
const nextMonday11 = '2026-11-30T05:30:00.000Z';
const nextTuesday = '2026-12-01T03:30:00.000Z';

async function setup() {
  hub = await createTestHub();
  const receptionist = await hub.signIn('receptionist');
  const menon = insertDoctor(hub.db, { fullName: 'Dr Kavita Menon' });
  const iyer = insertDoctor(hub.db, { fullName: 'Dr Ravi Iyer' });
  weekdaySchedule(hub.db, menon.id);
  weekdaySchedule(hub.db, iyer.id);
  const doctor = await hub.signIn('doctor', { doctorId: menon.id });
  const patient = insertPatient(hub.db, {
    code: 'PAT000042',
    fullName: 'Asha Rao',
    phone: '+91 98450 11111',
  });
  const leave = (doctorId = menon.id, kind: 'leave' | 'extra' = 'leave') => ({
    id: randomUUID(),
    doctorId,
    date: '2026-11-30',
    kind,
    window: kind === 'leave' ? null : { start: '18:00', end: '19:00' },
    reason: 'Family function',
  });
  return { receptionist, doctor, menon, iyer, patient, leave };
}

const messagesAbout = (appointmentId: string) =>
  rows<{ kind: string; channel: string; state: string }>(
    hub,
    'SELECT kind, channel, state FROM notifications WHERE aboutId = ? ORDER BY kind, channel',
    appointmentId,
  );

describe('a doctor’s own leave (setting doctorLeave)', () => {
  it('a doctor previews, marks their leave and moves the stranded bookings; patients are told unless asked not to', async () => {
    const { doctor, menon, patient, leave } = await setup();
    const told = insertAppointment(hub, {
      doctorId: menon.id,
      patientId: patient.id,
      startsAt: nextMonday10,
    });
    const quiet = insertAppointment(hub, {
      doctorId: menon.id,
      patientId: patient.id,
      startsAt: nextMonday11,
    });
    const exception = leave();

    const preview = await hub.call(doctor, 'schedules.previewException', { exception });
    expect(preview.collisions.map((a) => a.id)).toEqual([told, quiet]);
    expect(count(hub, 'schedule_exceptions')).toBe(0);
    expect((await failureOf(hub.call(doctor, 'schedules.addException', { exception }))).code).toBe(
      'CONFLICT',
    );

    const added = await hub.call(doctor, 'schedules.addException', {
      exception,
      acknowledgeCollisions: true,
    });
    expect(added.collisions).toHaveLength(2);
    expect(count(hub, 'schedule_exceptions')).toBe(1);
    const [first, second] = await hub.call(doctor, 'slots.nextFree', {
      doctorId: menon.id,
      from: nextTuesday,
      limit: 2,
    });

    const moved = await hub.call(doctor, 'schedules.bulkReschedule', {
      moves: [{ appointmentId: told, newStartsAt: first!.start }],
      reason: 'Dr Menon is on leave',
    });
    expect(moved.failed).toEqual([]);
    await hub.call(doctor, 'schedules.bulkReschedule', {
      moves: [{ appointmentId: quiet, newStartsAt: second!.start }],
      reason: 'Dr Menon is on leave',
      notifyPatients: false,
    });
    expect(messagesAbout(told).filter((m) => m.kind === 'schedule_change')).toEqual([
      { kind: 'schedule_change', channel: 'email', state: 'skipped' }, // no e-mail address
      { kind: 'schedule_change', channel: 'sms', state: 'pending' },
    ]);
    expect(messagesAbout(quiet).filter((m) => m.kind === 'schedule_change')).toEqual([]);

    await hub.call(doctor, 'schedules.removeException', { id: exception.id });
    expect(count(hub, 'schedule_exceptions')).toBe(0);
  });

  it('only their own schedule, only leave, and only where the clinic lets doctors mark it', async () => {
    const { receptionist, doctor, menon, iyer, patient, leave } = await setup();
    const others = await failureOf(hub.call(doctor, 'schedules.addException', { exception: leave(iyer.id) }));
    expect(others.code).toBe('NOT_FOUND');
    const extra = await failureOf(
      hub.call(doctor, 'schedules.addException', { exception: leave(menon.id, 'extra') }),
    );
    expect(extra).toMatchObject({ code: 'POLICY', fields: [{ field: 'exception.kind' }] });

    const iyersLeave = leave(iyer.id);
    await hub.call(receptionist, 'schedules.addException', { exception: iyersLeave });
    expect((await failureOf(hub.call(doctor, 'schedules.removeException', { id: iyersLeave.id }))).code).toBe(
      'NOT_FOUND',
    );
    const iyersBooking = insertAppointment(hub, {
      doctorId: iyer.id,
      patientId: patient.id,
      startsAt: nextMonday10,
    });
    const foreign = await hub.call(doctor, 'schedules.bulkReschedule', {
      moves: [{ appointmentId: iyersBooking, newStartsAt: nextMonday11 }],
      reason: 'Not mine to move',
    });
    expect(foreign.moved).toEqual([]);
    expect(foreign.failed[0]!.message).toBe('No such appointment.');

    // Their own booking may go to a colleague of the same specialization (where the patient agrees).
    const other = insertPatient(hub.db, { fullName: 'Ravi Kumar', phone: '+91 98450 22222' });
    const mine = insertAppointment(hub, { doctorId: menon.id, patientId: other.id, startsAt: nextTuesday });
    const skin = insertDoctor(hub.db, { fullName: 'Dr Skin', specialization: 'Dermatologist' });
    weekdaySchedule(hub.db, skin.id);
    const handOver = (doctorId: string) =>
      hub.call(doctor, 'schedules.bulkReschedule', {
        moves: [{ appointmentId: mine, newStartsAt: nextTuesday, doctorId }],
        reason: 'On leave; a colleague sees the patient',
      });
    expect((await handOver(skin.id)).failed[0]!.message).toMatch(/same specialization \(General Physician\)/);
    expect((await handOver(iyer.id)).moved).toMatchObject([{ id: mine, doctorId: iyer.id }]);

    changeSettings(hub, { doctorLeave: 'frontDesk' });
    const refused = await failureOf(hub.call(doctor, 'schedules.addException', { exception: leave() }));
    expect(refused.code).toBe('POLICY');
    expect(refused.message).toContain('ask the front desk');
    await hub.call(receptionist, 'schedules.addException', { exception: leave() });
    expect(count(hub, 'schedule_exceptions')).toBe(2);
  });
});
