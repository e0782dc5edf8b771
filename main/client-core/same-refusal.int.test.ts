import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '@shared/contract/errors';
import { insertDoctor, weekdaySchedule } from '@server/testing/fixtures';
import {
  appointmentsOf,
  at,
  clinicPerTest,
  hubDown,
  logAll,
  newDesktop,
  signedIn,
  waitFor,
} from '@main/client-core/testing/clinic';

async function refusalOf(call: Promise<unknown>) {
  const error: unknown = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  return (error as ApiFailure).error;
}

/**
 * A database refusal reads the same wherever the database refused it (server/core/db-refusals.ts):
 * the hub answering a desk on the LAN, and a desktop's replica while the hub is out of reach.
 */
describe('the same refusal from the hub and from an offline desktop', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('gives the same code, message and next free times for the same double booking', async () => {
    const clinic = await start();
    const { hub } = clinic.server;
    const other = insertDoctor(hub.db, {
      fullName: 'Dr Farah Khan',
      bufferOverride: { before: 0, after: 0 },
    });
    weekdaySchedule(hub.db, other.id);
    for (const entity of ['doctors', 'weekly_windows']) logAll(hub.db, entity);
    const [p1, p2, p3] = clinic.patientIds as [string, string, string];
    const desk = await hub.signIn('receptionist');
    const book = (patientId: string, doctorId: string, time: string) => ({
      id: randomUUID(),
      patientId,
      doctorId: doctorId,
      startsAt: at('2026-11-23', time),
    });
    await hub.call(desk, 'appointments.book', book(p1, clinic.doctorId, '10:00'));
    await hub.call(desk, 'appointments.book', book(p2, other.id, '09:00'));

    const a = newDesktop(clinic.server.url, 'front-desk');
    desktops.push(a);
    await signedIn(a, clinic.users.receptionist);
    await waitFor(async () => (await appointmentsOf(a, clinic.doctorId)).length === 1, 'the replica');
    await waitFor(async () => (await appointmentsOf(a, other.id)).length === 1, 'the replica');

    // The doctor's 10:00 is Patient 1's; a walk-in for Patient 2 lands on 09:00 (the doctor's next
    // free slot), when Patient 2 is with Dr Khan: refused by the claims, outside the booking handler.
    const taken = book(p3, clinic.doctorId, '10:00');
    const walkIn = { appointmentId: randomUUID(), doctorId: clinic.doctorId, patientId: p2 };
    const hubTaken = await refusalOf(hub.call(desk, 'appointments.book', taken));
    const hubOverlap = await refusalOf(hub.call(desk, 'queue.walkIn', walkIn));

    await hubDown(clinic);
    await waitFor(() => !a.core.connectionState().online, 'the desktop to be offline');
    expect(await refusalOf(a.core.call('appointments.book', taken))).toEqual(hubTaken);
    expect(await refusalOf(a.core.call('queue.walkIn', walkIn))).toEqual(hubOverlap);

    expect(hubTaken).toMatchObject({
      code: 'SLOT_TAKEN',
      message: 'That slot was just taken. Please choose one of the next free times.',
    });
    expect(hubTaken.nextSlots?.map((s) => s.start)).toEqual(
      ['10:30', '11:00', '11:30', '12:00', '12:30'].map((time) => at('2026-11-23', time)),
    );
    expect(hubOverlap).toEqual({
      code: 'PATIENT_OVERLAP',
      message:
        'The patient already has an appointment at that time (A-2026-000002 with Dr Farah Khan at 09:00).',
    });
  });
});
