import { randomUUID } from 'node:crypto';
import type { StaffSocket } from './staff-socket';

export interface QueuedDoctor {
  fullName: string;
  registrationNumber: string;
  tokenPrefix: string;
  /** Their sign-in, to open their own screen (My queue). */
  username: string;
  password: string;
  /** Works every day, all day, in this room; without it the doctor has no schedule. */
  roomId?: string;
}

/**
 * A doctor of the test's own (so the demo's live queues do not matter) with a sign-in, and a new
 * patient walked into their queue for each name, in order: the waiting-room display's set-up in
 * its browser test and its benchmark. Returns the doctor's id.
 */
export async function addQueuedDoctor(
  staff: { admin: StaffSocket['call']; reception: StaffSocket['call'] },
  doctor: QueuedDoctor,
  patients: readonly string[],
): Promise<string> {
  const doctorId = randomUUID();
  await staff.admin('doctors.create', {
    id: doctorId,
    details: {
      fullName: doctor.fullName,
      specialization: 'General medicine',
      registrationNumber: doctor.registrationNumber,
      fees: { newVisit: 50_000, followUp: 30_000 },
      tokenPrefix: doctor.tokenPrefix,
    },
  });
  await staff.admin('users.create', {
    id: randomUUID(),
    username: doctor.username,
    password: doctor.password,
    displayName: doctor.fullName,
    role: 'doctor',
    doctorId,
  });
  if (doctor.roomId) {
    const windows = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      start: '00:00',
      end: '23:55',
      roomId: doctor.roomId,
    }));
    await staff.admin('schedules.setWeekly', { doctorId, windows });
  }
  for (const fullName of patients) {
    await staff.reception('queue.walkIn', {
      appointmentId: randomUUID(),
      doctorId,
      newPatient: { id: randomUUID(), details: { fullName } },
      placement: 'queue',
    });
  }
  return doctorId;
}
