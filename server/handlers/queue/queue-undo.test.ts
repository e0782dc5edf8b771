import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertAppointment, type QueueWorld, queueWorld } from './queue-fixtures';

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
});
