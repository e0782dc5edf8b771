import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertDoctor, insertWeeklyWindows } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import {
  at,
  insertAppointment,
  patientCaller,
  type QueueWorld,
  queueWorld,
  TODAY,
} from '@server/testing/queue-fixtures';

let hub: TestHub;
let world: QueueWorld;

beforeEach(async () => {
  hub = await createTestHub();
  world = await queueWorld(hub);
});
afterEach(() => hub.close());

function book(time: string, patientName = 'Asha Rao') {
  return insertAppointment(hub.db, { doctorId: world.doctor.id, time, patientName });
}

describe('queue.checkIn', () => {
  it('gives tokens K-001…K-005 in check-in order and estimates waits (docs/product.md §7 worked example)', async () => {
    // Booked 09:00…11:00, but they arrive in another order.
    const booked = ['09:00', '09:30', '10:00', '10:30', '11:00'].map((t, i) =>
      book(t, `Patient ${'ABCDE'[i]} Rao`),
    );
    const arrival = [booked[2]!, booked[0]!, booked[4]!, booked[1]!, booked[3]!];
    const entries = [];
    for (const [i, appointmentId] of arrival.entries()) {
      hub.clock.set(at(`08:${String(40 + i * 2)}`));
      entries.push(await hub.call(world.reception, 'queue.checkIn', { appointmentId }));
    }
    expect(entries.map((e) => e.token)).toEqual(['K-001', 'K-002', 'K-003', 'K-004', 'K-005']);
    expect(entries.map((e) => e.appointmentId)).toEqual(arrival);
    expect(entries.map((e) => e.position)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(entries.every((e) => e.state === 'waiting' && e.clinicDate === TODAY)).toBe(true);
    expect(entries[0]!.displayInitials).toBe('P.R.');
    const status = hub.db.sqlite.prepare('SELECT status FROM appointments WHERE id = ?').get(arrival[0]!);
    expect(status).toEqual({ status: 'CHECKED_IN' });
    const transitions = hub.db.sqlite
      .prepare('SELECT "from", "to" FROM status_transitions WHERE appointmentId = ?')
      .all(arrival[0]!);
    expect(transitions).toEqual([{ from: 'CONFIRMED', to: 'CHECKED_IN' }]);

    // K-001 goes in at 10:00; at 10:15 the fourth of the waiting has three ahead → 105 min → 12:00.
    hub.clock.set(at('10:00'));
    await hub.call(world.doctorCaller, 'queue.callNext', { doctorId: world.doctor.id });
    await hub.call(world.doctorCaller, 'queue.startConsultation', { id: entries[0]!.id });
    hub.clock.set(at('10:15'));
    const queue = await hub.call(world.reception, 'queue.list', { doctorId: world.doctor.id, date: TODAY });
    expect(queue.averageConsultationMinutes).toBe(30);
    expect(queue.current?.token).toBe('K-001');
    expect(queue.waiting.map((w) => w.entry.token)).toEqual(['K-002', 'K-003', 'K-004', 'K-005']);
    expect(queue.waiting.map((w) => w.patientsAhead)).toEqual([0, 1, 2, 3]);
    expect(queue.waiting.map((w) => w.estimatedWaitMinutes)).toEqual([15, 45, 75, 105]);
    expect(queue.waiting[3]!.estimatedCallAt).toBe(new Date(at('12:00')).toISOString());
    expect(queue.waiting.map((w) => w.waitingMinutes)).toEqual([93, 91, 89, 87]);
    expect(queue.done).toEqual([]);

    // The patient of K-005 sees the same in the app.
    const patientId = entries[4]!.patientId;
    const mine = await hub.call(patientCaller(hub, patientId), 'queue.myPosition', {
      appointmentId: arrival[4]!,
    });
    expect(mine).toEqual({
      token: 'K-005',
      patientsAhead: 3,
      estimatedWaitMinutes: 105,
      estimatedCallAt: new Date(at('12:00')).toISOString(),
      state: 'waiting',
    });
  });

  it('refuses a second check-in of the same appointment', async () => {
    const id = book('09:00');
    await hub.call(world.reception, 'queue.checkIn', { appointmentId: id });
    await expect(hub.call(world.reception, 'queue.checkIn', { appointmentId: id })).rejects.toMatchObject({
      error: { code: 'CONFLICT', message: expect.stringContaining('K-001') as string },
    });
    expect(hub.db.sqlite.prepare('SELECT count(*) AS n FROM queue_entries').get()).toEqual({ n: 1 });
  });

  it('checks in only on the day, only active appointments, and a doctor only their own', async () => {
    const tomorrow = insertAppointment(hub.db, {
      doctorId: world.doctor.id,
      time: '09:00',
      date: '2026-11-24',
    });
    await expect(
      hub.call(world.reception, 'queue.checkIn', { appointmentId: tomorrow }),
    ).rejects.toMatchObject({
      error: { code: 'POLICY' },
    });
    const cancelled = insertAppointment(hub.db, {
      doctorId: world.doctor.id,
      time: '10:00',
      status: 'CANCELLED',
    });
    await expect(
      hub.call(world.reception, 'queue.checkIn', { appointmentId: cancelled }),
    ).rejects.toMatchObject({
      error: { code: 'INVALID_TRANSITION' },
    });
    const other = insertDoctor(hub.db, { tokenPrefix: 'S' });
    const theirs = insertAppointment(hub.db, { doctorId: other.id, time: '09:00' });
    await expect(
      hub.call(world.doctorCaller, 'queue.checkIn', { appointmentId: theirs }),
    ).rejects.toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    const own = book('11:00');
    const entry = await hub.call(world.doctorCaller, 'queue.checkIn', { appointmentId: own });
    expect(entry.token).toBe('K-001');
    // Tokens count per doctor per day.
    const theirsEntry = await hub.call(world.reception, 'queue.checkIn', { appointmentId: theirs });
    expect(theirsEntry.token).toBe('S-001');
  });

  it('answers a patient who has not checked in yet', async () => {
    const id = book('09:00');
    const patientId = hub.db.sqlite.prepare('SELECT patientId FROM appointments WHERE id = ?').get(id) as {
      patientId: string;
    };
    await expect(
      hub.call(patientCaller(hub, patientId.patientId), 'queue.myPosition', { appointmentId: id }),
    ).rejects.toMatchObject({
      error: { code: 'POLICY', message: expect.stringContaining('Not checked in yet') as string },
    });
  });

  it('emits queue.changed after a check-in', async () => {
    const seen: unknown[] = [];
    hub.core.events.on('queue.changed', (payload) => seen.push(payload));
    await hub.call(world.reception, 'queue.checkIn', { appointmentId: book('09:00') });
    expect(seen).toEqual([{ doctorId: world.doctor.id, clinicDate: TODAY }]);
  });

  it("estimates from the doctor's next working window and flags a check-in hours early", async () => {
    // An evening doctor (17:00–20:00 on Mondays); the patient checks in at 03:58 for 17:00.
    const evening = insertDoctor(hub.db, { tokenPrefix: 'E', sessionMinutes: 15 });
    insertWeeklyWindows(hub.db, evening.id, [[1, '17:00', '20:00']]);
    const appointmentId = insertAppointment(hub.db, { doctorId: evening.id, time: '17:00', minutes: 15 });
    const second = insertAppointment(hub.db, { doctorId: evening.id, time: '17:15', minutes: 15 });
    hub.clock.set(at('03:58'));
    await hub.call(world.reception, 'queue.checkIn', { appointmentId });
    hub.clock.set(at('16:00'));
    await hub.call(world.reception, 'queue.checkIn', { appointmentId: second });
    hub.clock.set(at('16:10'));
    const queue = await hub.call(world.reception, 'queue.list', { doctorId: evening.id, date: TODAY });
    expect(queue.waiting.map((w) => [w.estimatedCallAt, w.estimatedWaitMinutes])).toEqual([
      [new Date(at('17:00')).toISOString(), 50],
      [new Date(at('17:15')).toISOString(), 65],
    ]);
    // 03:58 for 17:00 is flagged (13 h 2 min early); 16:00 for 17:15 is not (within 2 h).
    expect(queue.waiting.map((w) => w.earlyCheckInMinutes)).toEqual([13 * 60 + 2, null]);
  });
});
