import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { at, clinicPerTest, newDesktop, signedIn, waitFor } from './testing/client-test-support';

describe('client core: two desktops and a hub', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('serves queries from the replica and shows each desktop the other one’s changes', async () => {
    const clinic = await start();
    const a = newDesktop(clinic.server.url, 'front-desk');
    const b = newDesktop(clinic.server.url, 'back-desk');
    desktops.push(a, b);
    await signedIn(a, clinic.users.receptionist);
    await signedIn(b, clinic.users.receptionist2);

    const found = await a.core.call('patients.search', { text: 'Patient' });
    expect(found).toHaveLength(3);

    const patientId = randomUUID();
    const registered = await a.core.call('patients.register', {
      id: patientId,
      details: { fullName: 'Meera Iyer', sex: 'female', phone: '+91 98450 12345' },
    });
    expect(registered.code).toMatch(/^PAT\d+$/);
    const booked = await a.core.call('appointments.book', {
      id: randomUUID(),
      patientId,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '10:00'),
    });
    expect(booked.appointment.status).toBe('CONFIRMED');

    const seen = await waitFor(
      async () => (await b.core.call('patients.search', { text: 'Meera' }))[0],
      'desktop B to see the new patient',
    );
    expect(seen?.code).toBe(registered.code);
    await waitFor(
      async () =>
        (
          await b.core.call('appointments.list', {
            fromDate: '2026-11-23',
            toDate: '2026-11-23',
            doctorId: clinic.doctorId,
          })
        ).items.length === 1,
      'desktop B to see the booking',
    );
    // The hub holds exactly what the desktops show.
    const onHub = clinic.server.hub.db.sqlite
      .prepare('SELECT code FROM patients WHERE id = ?')
      .get(patientId);
    expect(onHub).toEqual({ code: registered.code });
    expect(a.core.connectionState()).toMatchObject({ online: true, pendingCount: 0, needsAttention: 0 });
  });
});
