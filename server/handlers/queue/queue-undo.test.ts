import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '@server/testing/booking-setup';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { at, insertAppointment, type QueueWorld, queueWorld } from '@server/testing/queue-fixtures';

let hub: TestHub;
let world: QueueWorld;
beforeEach(async () => {
  hub = await createTestHub();
  world = await queueWorld(hub);
});
afterEach(() => hub.close());

describe('undo of a mistaken check-in', () => {
  it('takes the patient out of the waiting line; checking in again keeps the token', async () => {
    const first = insertAppointment(hub.db, {
      doctorId: world.doctor.id,
      time: '09:00',
      patientName: 'Asha Rao',
    });
    const second = insertAppointment(hub.db, {
      doctorId: world.doctor.id,
      time: '09:30',
      patientName: 'Ravi Kumar',
    });
    await hub.call(world.reception, 'queue.checkIn', { appointmentId: first });
    await hub.call(world.reception, 'queue.checkIn', { appointmentId: second });
    const history = await hub.call(world.reception, 'appointments.history', { id: first });
    const checkIn = history.transitions.find((t) => t.to === 'CHECKED_IN')!;

    const undone = await hub.call(world.reception, 'appointments.undoTransition', {
      transitionId: checkIn.id,
      reason: 'checked in the wrong Asha',
    });
    expect(undone.status).toBe('CONFIRMED');
    const queue = await hub.call(world.reception, 'queue.list', {
      doctorId: world.doctor.id,
      date: '2026-11-23',
    });
    expect(queue.waiting.map((w) => w.entry.token)).toEqual(['K-002']);

    const again = await hub.call(world.reception, 'queue.checkIn', { appointmentId: first });
    expect(again.token).toBe('K-001');
    const after = await hub.call(world.reception, 'queue.list', {
      doctorId: world.doctor.id,
      date: '2026-11-23',
    });
    expect(after.waiting.map((w) => w.entry.token)).toEqual(['K-002', 'K-001']);
  });

  async function checkedIn() {
    const appointmentId = insertAppointment(hub.db, { doctorId: world.doctor.id, time: '09:00' });
    hub.clock.set(at('08:55'));
    const entry = await hub.call(world.reception, 'queue.checkIn', { appointmentId });
    const history = await hub.call(world.reception, 'appointments.history', { id: appointmentId });
    const checkIn = history.transitions.find((t) => t.to === 'CHECKED_IN')!;
    return { appointmentId, entry, checkIn };
  }

  it('is refused at the front desk once the doctor has written a draft, naming why', async () => {
    const { appointmentId, checkIn } = await checkedIn();
    await hub.call(world.doctorCaller, 'consultations.saveDraft', {
      id: randomUUID(),
      appointmentId,
      content: { chiefComplaint: 'Fever for three days' },
      baseRevision: null,
    });
    const history = await hub.call(world.reception, 'appointments.history', { id: appointmentId });
    expect(history.doctorWork).toBe('draft');

    const undo = hub.call(world.reception, 'appointments.undoTransition', {
      transitionId: checkIn.id,
      reason: 'wrong patient',
    });
    const refused = await refusal(undo, 'POLICY');
    expect(refused.message).toMatch(/doctor has started writing .* draft .*check-in cannot be undone/);
    const cancel = hub.call(world.reception, 'appointments.cancel', { id: appointmentId, reason: 'left' });
    expect((await refusal(cancel, 'POLICY')).message).toMatch(/visit cannot be cancelled/);
    const row = hub.db.sqlite.prepare('SELECT status FROM appointments WHERE id = ?').get(appointmentId);
    expect(row).toEqual({ status: 'CHECKED_IN' });

    // The doctor may: it is their own work.
    const undone = await hub.call(world.doctorCaller, 'appointments.undoTransition', {
      transitionId: checkIn.id,
      reason: 'not my patient',
    });
    expect(undone.status).toBe('CONFIRMED');
  });

  it('is refused once the doctor has started the consultation, even before anything is written', async () => {
    const { appointmentId, entry, checkIn } = await checkedIn();
    hub.clock.set(at('09:00'));
    await hub.call(world.doctorCaller, 'queue.startConsultation', { id: entry.id });
    const history = await hub.call(world.reception, 'appointments.history', { id: appointmentId });
    expect(history.doctorWork).toBe('consultation_started');
    const undo = hub.call(world.reception, 'appointments.undoTransition', {
      transitionId: checkIn.id,
      reason: 'wrong patient',
    });
    expect((await refusal(undo, 'POLICY')).message).toMatch(/doctor has started this consultation/);
  });

  it('vitals recorded by the nurse alone do not hold the check-in', async () => {
    const { appointmentId, checkIn } = await checkedIn();
    const nurse = await hub.signIn('nurse');
    await hub.call(nurse, 'consultations.recordVitals', {
      id: randomUUID(),
      appointmentId,
      vitals: { pulse: 80 },
    });
    const history = await hub.call(world.reception, 'appointments.history', { id: appointmentId });
    expect(history.doctorWork).toBeNull();
    const undone = await hub.call(world.reception, 'appointments.undoTransition', {
      transitionId: checkIn.id,
      reason: 'wrong patient',
    });
    expect(undone.status).toBe('CONFIRMED');
  });
});
