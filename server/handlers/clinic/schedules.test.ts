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
const mornings = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '13:00' }));

async function setup() {
  hub = await createTestHub();
  const receptionist = await hub.signIn('receptionist');
  const doctor = insertDoctor(hub.db, { fullName: 'Dr Kavita Menon' });
  weekdaySchedule(hub.db, doctor.id);
  const patient = insertPatient(hub.db, { code: 'PAT000042', fullName: 'Asha Rao' });
  return { receptionist, doctor, patient };
}

const windowsOf = (doctorId: string) =>
  rows<{ id: string; weekday: number; start: string; end: string }>(
    hub,
    'SELECT id, weekday, start, "end" FROM weekly_windows WHERE doctorId = ? ORDER BY weekday, start',
    doctorId,
  );

describe('schedules.setWeekly', () => {
  it('lists a booking the new schedule strands and changes nothing until acknowledged', async () => {
    const { receptionist, doctor, patient } = await setup();
    const afternoon = insertAppointment(hub, {
      doctorId: doctor.id,
      patientId: patient.id,
      startsAt: '2026-11-30T09:00:00.000Z', // Monday 14:30 IST
    });
    insertAppointment(hub, { doctorId: doctor.id, patientId: patient.id, startsAt: nextMonday10 }); // still fits
    const before = windowsOf(doctor.id);
    const changesBefore = count(hub, 'changes');

    const preview = await hub.call(receptionist, 'schedules.previewWeekly', {
      doctorId: doctor.id,
      windows: mornings,
    });
    expect(preview.collisions.map((a) => a.id)).toEqual([afternoon]);

    const refused = await failureOf(
      hub.call(receptionist, 'schedules.setWeekly', { doctorId: doctor.id, windows: mornings }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('Mon 2026-11-30 14:30 PAT000042 Asha Rao (outside working hours)');
    expect(refused.message).toContain('Nothing was changed');
    expect(windowsOf(doctor.id)).toEqual(before);
    expect(count(hub, 'changes')).toBe(changesBefore);

    const applied = await hub.call(receptionist, 'schedules.setWeekly', {
      doctorId: doctor.id,
      windows: mornings,
      acknowledgeCollisions: true,
    });
    expect(applied.collisions.map((a) => a.id)).toEqual([afternoon]);
    expect(applied.collisions[0]!.status).toBe('CONFIRMED');
    // The morning windows kept their rows; the afternoon ones are gone, each change logged for sync.
    const after = windowsOf(doctor.id);
    expect(after.map((w) => `${w.weekday} ${w.start}-${w.end}`)).toEqual(
      mornings.map((w) => `${w.weekday} ${w.start}-${w.end}`),
    );
    expect(after.map((w) => w.id)).toEqual(before.filter((w) => w.start === '09:00').map((w) => w.id));
    const logged = rows<{ op: string }>(hub, "SELECT op FROM changes WHERE entity = 'weekly_windows'");
    expect(logged.filter((c) => c.op === 'delete')).toHaveLength(5);
    // Never dropped: the stranded booking is still there and still confirmed.
    expect(rows(hub, 'SELECT status FROM appointments WHERE id = ?', afternoon)).toEqual([
      { status: 'CONFIRMED' },
    ]);

    const schedule = await hub.call(receptionist, 'schedules.get', {
      doctorId: doctor.id,
      fromDate: '2026-11-01',
      toDate: '2026-12-31',
    });
    expect(schedule).toEqual({
      schedule: { doctorId: doctor.id, windows: mornings.map((w) => ({ ...w, roomId: null })) },
      exceptions: [],
    });
  });

  it('ignores past, cancelled and other doctors’ bookings', async () => {
    const { receptionist, doctor, patient } = await setup();
    const other = insertDoctor(hub.db);
    insertAppointment(hub, {
      doctorId: doctor.id,
      patientId: patient.id,
      startsAt: '2026-11-16T09:00:00.000Z',
    });
    insertAppointment(hub, {
      doctorId: doctor.id,
      patientId: patient.id,
      startsAt: '2026-11-30T09:00:00.000Z',
      status: 'CANCELLED',
    });
    insertAppointment(hub, {
      doctorId: other.id,
      patientId: patient.id,
      startsAt: '2026-12-01T09:00:00.000Z',
    });
    const result = await hub.call(receptionist, 'schedules.setWeekly', { doctorId: doctor.id, windows: [] });
    expect(result.collisions).toEqual([]);
    expect(windowsOf(doctor.id)).toEqual([]);
  });

  it('refuses a room that another doctor holds at the same time', async () => {
    const { doctor } = await setup();
    const roomId = randomUUID();
    await hub.call(hub.admin, 'rooms.create', { id: roomId, details: { name: 'Room 2' } });
    const other = insertDoctor(hub.db, { fullName: 'Dr Arjun Shah' });
    await hub.call(hub.admin, 'schedules.setWeekly', {
      doctorId: other.id,
      windows: [{ weekday: 1, start: '09:00', end: '12:00', roomId }],
    });
    const before = windowsOf(doctor.id);
    const clash = await failureOf(
      hub.call(hub.admin, 'schedules.setWeekly', {
        doctorId: doctor.id,
        windows: [
          { weekday: 2, start: '09:00', end: '12:00', roomId },
          { weekday: 1, start: '11:00', end: '13:00', roomId },
        ],
      }),
    );
    expect(clash.code).toBe('CONFLICT');
    expect(clash.message).toContain('Room 2 is used by Dr Arjun Shah on Monday 09:00–12:00');
    expect(clash.fields?.map((f) => f.field)).toEqual(['windows.1.roomId']);
    expect(clash.fields?.[0]?.message).toContain('Room 2');
    expect(windowsOf(doctor.id)).toEqual(before);

    // Back to back in the same room is fine.
    await hub.call(hub.admin, 'schedules.setWeekly', {
      doctorId: doctor.id,
      windows: [{ weekday: 1, start: '12:00', end: '13:00', roomId }],
    });
    const usage = await hub.call(hub.admin, 'rooms.availability', { date: '2026-11-30' });
    expect(usage).toEqual([
      { roomId, doctorId: other.id, start: '2026-11-30T03:30:00.000Z', end: '2026-11-30T06:30:00.000Z' },
      { roomId, doctorId: doctor.id, start: '2026-11-30T06:30:00.000Z', end: '2026-11-30T07:30:00.000Z' },
    ]);
  });

  it('names bad windows and writes nothing', async () => {
    const { receptionist, doctor } = await setup();
    const before = windowsOf(doctor.id);
    const overlapping = await failureOf(
      hub.call(receptionist, 'schedules.setWeekly', {
        doctorId: doctor.id,
        windows: [
          { weekday: 1, start: '09:00', end: '13:00' },
          { weekday: 1, start: '12:00', end: '14:00' },
        ],
      }),
    );
    expect(overlapping.code).toBe('VALIDATION');
    expect(overlapping.fields).toEqual([{ field: 'windows.1', message: 'overlaps another window that day' }]);
    const malformed = await failureOf(
      hub.call(receptionist, 'schedules.setWeekly', {
        doctorId: doctor.id,
        windows: [{ weekday: 8, start: '9:00', end: '08:00' }],
      }),
    );
    expect(malformed.fields?.map((f) => f.field).sort()).toEqual([
      'windows.0.end',
      'windows.0.start',
      'windows.0.weekday',
    ]);
    const noRoom = await failureOf(
      hub.call(receptionist, 'schedules.setWeekly', {
        doctorId: doctor.id,
        windows: [{ weekday: 1, start: '09:00', end: '10:00', roomId: randomUUID() }],
      }),
    );
    expect(noRoom.fields).toEqual([{ field: 'windows.0.roomId', message: 'is not a room of this clinic' }]);
    const noDoctor = await failureOf(
      hub.call(receptionist, 'schedules.setWeekly', { doctorId: randomUUID(), windows: [] }),
    );
    expect(noDoctor.code).toBe('NOT_FOUND');
    expect(windowsOf(doctor.id)).toEqual(before);
  });
});
