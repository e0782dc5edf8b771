import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertDoctor, weekdaySchedule } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { assignRoom, at, insertAppointment, type QueueWorld, queueWorld } from './queue-fixtures';

let hub: TestHub;
let world: QueueWorld;

beforeEach(async () => {
  hub = await createTestHub({ now: at('09:00') });
  world = await queueWorld(hub, { fullName: 'Dr Kavita Menon' });
});
afterEach(() => hub.close());

const names = ['Asha Rao', 'Bhaskar Kulkarni', 'Chitra Venkatesh', 'Deepak Nair', 'Esther Fernandes'];

describe('queue.board', () => {
  it('shows tokens, initials and waits per doctor, never patient names', async () => {
    const room = assignRoom(hub.db, world.doctor.id, 'Room 1');
    const surgeon = insertDoctor(hub.db, {
      fullName: 'Dr Suresh Pillai',
      tokenPrefix: 'S',
      sessionMinutes: 15,
    });
    weekdaySchedule(hub.db, surgeon.id);
    insertDoctor(hub.db, { fullName: 'Dr Idle Person', tokenPrefix: 'I' }); // no queue today
    for (const [i, name] of names.entries()) {
      const appointmentId = insertAppointment(hub.db, {
        doctorId: world.doctor.id,
        time: `${9 + Math.floor(i / 2)}:${i % 2 ? '30' : '00'}`.padStart(5, '0'),
        patientName: name,
      });
      await hub.call(world.reception, 'queue.checkIn', { appointmentId });
    }
    const theirs = insertAppointment(hub.db, {
      doctorId: surgeon.id,
      time: '09:00',
      patientName: 'Farah Khan',
    });
    await hub.call(world.reception, 'queue.checkIn', { appointmentId: theirs });

    hub.clock.set(at('09:10'));
    const first = await hub.call(world.doctorCaller, 'queue.callNext', { doctorId: world.doctor.id });
    await hub.call(world.doctorCaller, 'queue.startConsultation', { id: first!.id });
    hub.clock.set(at('09:20'));

    const board = await hub.call(world.reception, 'queue.board', {});
    expect(board.clinicName).toBe('Sunrise Clinic');
    expect(board.generatedAt).toBe(new Date(at('09:20')).toISOString());
    expect(board.doctors).toEqual([
      {
        doctorId: world.doctor.id,
        doctorName: 'Dr Kavita Menon',
        roomName: room,
        serving: { token: 'K-001', initials: 'A.R.' },
        next: [
          { token: 'K-002', initials: 'B.K.', estimatedWaitMinutes: 20 },
          { token: 'K-003', initials: 'C.V.', estimatedWaitMinutes: 50 },
          { token: 'K-004', initials: 'D.N.', estimatedWaitMinutes: 80 },
        ],
        lastCalledAt: at('09:10'),
      },
      {
        doctorId: surgeon.id,
        doctorName: 'Dr Suresh Pillai',
        roomName: null,
        serving: null,
        next: [{ token: 'S-001', initials: 'F.K.', estimatedWaitMinutes: 0 }],
        lastCalledAt: null,
      },
    ]);
    const json = JSON.stringify(board);
    for (const name of [...names, 'Farah Khan']) {
      for (const part of name.split(' ')) expect(json).not.toContain(part);
    }
  });
});
