import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insertDoctor, weekdaySchedule } from '@server/testing/fixtures';
import {
  at,
  clinicPerTest,
  hubDown,
  hubUp,
  logAll,
  newDesktop,
  settled,
  signedIn,
  TEST_PASSWORD,
  waitFor,
} from '@main/client-core/testing/clinic';

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

  it('offers a refused offline booking only times still free after the whole push (A syncs, then B)', async () => {
    const clinic = await start();
    const { hub } = clinic.server;
    const other = insertDoctor(hub.db, { sessionMinutes: 30, bufferOverride: { before: 0, after: 0 } });
    weekdaySchedule(hub.db, other.id);
    for (const entity of ['doctors', 'weekly_windows']) logAll(hub.db, entity);
    const a = newDesktop(clinic.server.url, 'front-desk');
    const b = newDesktop(clinic.server.url, 'back-desk');
    desktops.push(a);
    await signedIn(a, clinic.users.receptionist);
    await signedIn(b, clinic.users.receptionist2);
    const [p1, p2] = clinic.patientIds as [string, string];
    const t = (time: string) => at('2026-11-23', time);
    const book = (desk: typeof a, patientId: string, time: string, doctorId = clinic.doctorId) =>
      desk.core.call('appointments.book', { id: randomUUID(), patientId, doctorId, startsAt: t(time) });

    const port = await hubDown(clinic);
    await waitFor(() => !a.core.connectionState().online && !b.core.connectionState().online, 'both offline');
    await book(a, p1, '09:30');
    // B, offline: the same 09:30 for its patient, then 10:30 with the same doctor and 11:00 with
    // another doctor for that patient; all three go to the hub in one push.
    const refused = await book(b, p2, '09:30');
    await book(b, p2, '10:30');
    await book(b, p2, '11:00', other.id);
    expect(b.core.connectionState().pendingCount).toBe(3);
    await b.close(); // B stays away until A has synced

    await hubUp(clinic, port);
    await settled([a]);
    const back = newDesktop(clinic.server.url, 'back-desk', b.dir);
    desktops.push(back);
    await back.core.unlock(clinic.users.receptionist2, TEST_PASSWORD);
    await settled([back]);

    const held = hub.db.sqlite
      .prepare("SELECT patientId, startsAt FROM appointments WHERE status = 'CONFIRMED' ORDER BY startsAt")
      .all();
    expect(held).toEqual([
      { patientId: p1, startsAt: t('09:30') },
      { patientId: p2, startsAt: t('10:30') },
      { patientId: p2, startsAt: t('11:00') },
    ]);
    const entries = back.core.needsAttention();
    expect(entries.map((e) => [e.name, (e.input as { id: string }).id, e.error.code])).toEqual([
      ['appointments.book', refused.appointment.id, 'SLOT_TAKEN'],
    ]);
    // 10:30 (the doctor's, by B's own later booking) and 11:00 (the patient's, with the other
    // doctor) were free when the hub refused 09:30; neither is offered now.
    const offered = (entries[0]!.nextAction as { nextSlots: { start: string }[] }).nextSlots;
    expect(offered.map((s) => s.start)).toEqual(['10:00', '11:30', '12:00', '12:30', '14:00'].map(t));

    // What is offered stays what is free when the author looks: another desk takes 10:00 meanwhile.
    await book(a, p1, '10:00');
    await settled([a, back]);
    const now = (back.core.needsAttention()[0]!.nextAction as { nextSlots: { start: string }[] }).nextSlots;
    expect(now.map((s) => s.start)).toEqual(['11:30', '12:00', '12:30', '14:00', '14:30'].map(t));
  });

  it('never offers the refused time itself, even before the replica learns who took it', async () => {
    const clinic = await start();
    const { hub } = clinic.server;
    const desk = newDesktop(clinic.server.url, 'front-desk');
    desktops.push(desk);
    await signedIn(desk, clinic.users.receptionist);
    const noon = at('2026-11-23', '12:00');
    const port = await hubDown(clinic);
    await waitFor(() => !desk.core.connectionState().online, 'offline');
    await desk.core.call('appointments.book', {
      id: randomUUID(),
      patientId: clinic.patientIds[0]!,
      doctorId: clinic.doctorId,
      startsAt: noon,
    });
    // Meanwhile 12:00 is claimed at the hub by a write the desktop never pulls.
    const unit = Date.parse(noon) / 300_000;
    for (let i = 0; i < 6; i++) {
      hub.db.sqlite
        .prepare('INSERT INTO doctor_claims (doctorId, unit, appointmentId) VALUES (?, ?, ?)')
        .run(clinic.doctorId, unit + i, randomUUID());
    }
    await hubUp(clinic, port);
    await settled([desk]);
    const [entry] = desk.core.needsAttention();
    expect(entry?.error.code).toBe('SLOT_TAKEN');
    const offered = (entry!.nextAction as { nextSlots: { start: string }[] }).nextSlots;
    expect(offered.map((s) => s.start)).toEqual(
      ['12:30', '14:00', '14:30', '15:00', '15:30'].map((time) => at('2026-11-23', time)),
    );
  });
});
