import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { insertDoctor, insertPatient, weekdaySchedule } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { count, insertAppointment, rows } from '@server/testing/clinic-fixtures';

let hub: TestHub;
afterEach(() => hub?.close());

// Default now: Monday 2026-11-23 08:00 in Kolkata. Next Monday 30 Nov 10:00 IST = 04:30Z.
const nextMonday10 = '2026-11-30T04:30:00.000Z';

async function setup() {
  hub = await createTestHub();
  const receptionist = await hub.signIn('receptionist');
  const doctor = insertDoctor(hub.db, { fullName: 'Dr Kavita Menon' });
  weekdaySchedule(hub.db, doctor.id);
  const patient = insertPatient(hub.db, { code: 'PAT000042', fullName: 'Asha Rao' });
  return { receptionist, doctor, patient };
}

describe('schedule exceptions', () => {
  it('leave lists the bookings of that day and changes nothing until acknowledged', async () => {
    const { receptionist, doctor, patient } = await setup();
    const booked = insertAppointment(hub, {
      doctorId: doctor.id,
      patientId: patient.id,
      startsAt: nextMonday10,
    });
    const exception = {
      id: randomUUID(),
      doctorId: doctor.id,
      date: '2026-11-30',
      kind: 'leave' as const,
      window: null,
    };
    const refused = await failureOf(hub.call(receptionist, 'schedules.addException', { exception }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('Mon 2026-11-30 10:00 PAT000042 Asha Rao (on leave)');
    expect(count(hub, 'schedule_exceptions')).toBe(0);

    // Leave in the afternoon leaves the 10:00 booking alone.
    const afternoonOff = {
      ...exception,
      id: randomUUID(),
      window: { start: '14:00', end: '17:00' },
      reason: 'Conference',
    };
    expect(await hub.call(receptionist, 'schedules.addException', { exception: afternoonOff })).toEqual({
      collisions: [],
    });
    expect(
      await hub.call(receptionist, 'schedules.windowsOn', { doctorId: doctor.id, date: '2026-11-30' }),
    ).toEqual([{ start: '09:00', end: '13:00', roomId: null }]);

    const applied = await hub.call(receptionist, 'schedules.addException', {
      exception,
      acknowledgeCollisions: true,
    });
    expect(applied.collisions.map((a) => a.id)).toEqual([booked]);
    expect(
      await hub.call(receptionist, 'schedules.windowsOn', { doctorId: doctor.id, date: '2026-11-30' }),
    ).toEqual([]);
    const { exceptions } = await hub.call(receptionist, 'schedules.get', {
      doctorId: doctor.id,
      fromDate: '2026-11-30',
      toDate: '2026-11-30',
    });
    expect(exceptions).toHaveLength(2);
    expect(rows(hub, "SELECT op FROM changes WHERE entity = 'schedule_exceptions'")).toHaveLength(2);

    await hub.call(receptionist, 'schedules.removeException', { id: exception.id });
    expect(count(hub, 'schedule_exceptions')).toBe(1);
    expect(
      rows(hub, "SELECT op FROM changes WHERE entity = 'schedule_exceptions' AND entityId = ?", exception.id),
    ).toEqual([{ op: 'upsert' }, { op: 'delete' }]);
    expect(
      (await failureOf(hub.call(receptionist, 'schedules.removeException', { id: exception.id }))).code,
    ).toBe('NOT_FOUND');
  });

  it('an extra window adds hours; removing it is refused while bookings sit in it', async () => {
    const { receptionist, doctor, patient } = await setup();
    const roomId = randomUUID();
    await hub.call(hub.admin, 'rooms.create', { id: roomId, details: { name: 'Room 1' } });
    const saturday = {
      id: randomUUID(),
      doctorId: doctor.id,
      date: '2026-11-28',
      kind: 'extra' as const,
      window: { start: '10:00', end: '12:00', roomId },
    };
    await hub.call(receptionist, 'schedules.addException', { exception: saturday });
    expect(
      await hub.call(receptionist, 'schedules.windowsOn', { doctorId: doctor.id, date: '2026-11-28' }),
    ).toEqual([{ start: '10:00', end: '12:00', roomId }]);
    // Another doctor cannot take the same room then.
    const other = insertDoctor(hub.db, { fullName: 'Dr Arjun Shah' });
    const clash = await failureOf(
      hub.call(receptionist, 'schedules.addException', {
        exception: {
          ...saturday,
          id: randomUUID(),
          doctorId: other.id,
          window: { start: '11:00', end: '13:00', roomId },
        },
      }),
    );
    expect(clash.code).toBe('CONFLICT');
    expect(clash.fields?.[0]?.field).toBe('exception.window.roomId');

    insertAppointment(hub, {
      doctorId: doctor.id,
      patientId: patient.id,
      startsAt: '2026-11-28T05:00:00.000Z',
    });
    const refused = await failureOf(hub.call(receptionist, 'schedules.removeException', { id: saturday.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('Sat 2026-11-28 10:30 PAT000042');
    expect(count(hub, 'schedule_exceptions')).toBe(1);
  });

  it('refuses a window time that does not exist on that date (clocks go forward)', async () => {
    hub = await createTestHub({ timeZone: 'America/New_York', now: '2027-03-01T14:00:00.000Z' });
    const doctor = insertDoctor(hub.db);
    const error = await failureOf(
      hub.call(hub.admin, 'schedules.addException', {
        exception: {
          id: randomUUID(),
          doctorId: doctor.id,
          date: '2027-03-14',
          kind: 'extra',
          window: { start: '02:30', end: '05:00' },
        },
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.map((f) => f.field)).toEqual(['exception.window.start']);
    expect(error.fields?.[0]?.message).toContain('does not exist on 2027-03-14');
    expect(count(hub, 'schedule_exceptions')).toBe(0);
  });

  it('names bad exception fields', async () => {
    const { receptionist, doctor } = await setup();
    const error = await failureOf(
      hub.call(receptionist, 'schedules.addException', {
        exception: { id: randomUUID(), doctorId: doctor.id, date: '2026-02-30', kind: 'extra', window: null },
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.map((f) => f.field).sort()).toEqual(['exception.date', 'exception.window']);
    expect(count(hub, 'schedule_exceptions')).toBe(0);
  });
});
