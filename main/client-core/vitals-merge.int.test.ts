import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  at,
  clinicPerTest,
  hubDown,
  hubUp,
  newDesktop,
  settled,
  signedIn,
  waitFor,
} from '@main/client-core/testing/clinic';

const TAKEN = { systolic: 130, diastolic: 85, pulse: 78, temperatureC: 37.2, spo2: 98, weightKg: 64 };

/**
 * Issue 18 item 9 through offline sync: a doctor's draft saved offline changes the pulse, the
 * nurse corrects the temperature on the hub meanwhile; when the queued save reaches the hub (and
 * is rebased on the desktop's replica) both readings are kept.
 */
describe('client core: vitals merge per reading through the outbox', { timeout: 90_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('keeps the nurse’s temperature and the offline doctor’s pulse, on the hub and on the desktop', async () => {
    const clinic = await start();
    const { hub } = clinic.server;
    const nurse = await hub.signIn('nurse', { username: 'nurse1' });
    const room = newDesktop(clinic.server.url, 'consulting-room');
    desktops.push(room);
    await signedIn(room, clinic.users.doctor);

    const appointmentId = randomUUID();
    await hub.call(hub.admin, 'appointments.book', {
      id: appointmentId,
      patientId: clinic.patientIds[0]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '09:00'),
    });
    await hub.call(hub.admin, 'queue.checkIn', { appointmentId });
    await hub.call(nurse, 'consultations.recordVitals', { id: randomUUID(), appointmentId, vitals: TAKEN });
    const opened = (await waitFor(
      async () => (await room.core.call('consultations.get', { appointmentId }))?.consultation,
      'the nurse’s vitals on the consulting-room desktop',
    ))!;
    expect(opened.vitals).toEqual(TAKEN);

    const port = await hubDown(clinic);
    await waitFor(() => !room.core.connectionState().online, 'the desktop offline');
    const offline = await room.core.call('consultations.saveDraft', {
      id: opened.id,
      appointmentId,
      content: { chiefComplaint: 'fever for three days', vitals: { ...TAKEN, pulse: 96 } },
      vitalsBase: opened.vitals,
      baseRevision: opened.draftRevision,
    });
    expect(offline.consultation.vitals).toEqual({ ...TAKEN, pulse: 96 });
    expect(room.core.connectionState().pendingCount).toBe(1);
    // Meanwhile at the nurse's station (on the hub): the temperature corrected from the same readings.
    await hub.call(nurse, 'consultations.recordVitals', {
      id: randomUUID(),
      appointmentId,
      vitals: { ...TAKEN, temperatureC: 38.4 },
      vitalsBase: TAKEN,
    });

    await hubUp(clinic, port);
    await settled([room]);
    const both = { ...TAKEN, pulse: 96, temperatureC: 38.4 };
    const onHub = await hub.call(nurse, 'consultations.vitals', { appointmentIds: [appointmentId] });
    expect(onHub[0]!.vitals).toEqual(both);
    const onDesktop = (await waitFor(async () => {
      const view = await room.core.call('consultations.get', { appointmentId });
      return view?.consultation.vitals.temperatureC === 38.4 ? view.consultation : null;
    }, 'the merged readings on the desktop'))!;
    expect(onDesktop.vitals).toEqual(both);
    expect(onDesktop.chiefComplaint).toBe('fever for three days');
  });
});
