import { randomUUID } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  appointmentsOf,
  at,
  clinicPerTest,
  type Clinic,
  hubDown,
  hubUp,
  newDesktop,
  settled,
  signedIn,
  waitFor,
} from '@main/client-core/testing/clinic';

const SECRET = 'suspected kawasaki zebra-7731';

function activeAt(clinic: Clinic, startsAt: string) {
  return clinic.server.hub.db.sqlite
    .prepare(
      "SELECT id, patientId FROM appointments WHERE startsAt = ? AND status IN ('REQUESTED','CONFIRMED','CHECKED_IN')",
    )
    .all(startsAt) as { id: string; patientId: string }[];
}

describe('client core offline', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  /** A reception and a doctor desktop signed in; the first patient booked at 09:00, checked in, and waiting on the doctor's desktop. */
  async function bookAndCheckIn(clinic: Clinic) {
    const reception = newDesktop(clinic.server.url, 'reception');
    const doctor = newDesktop(clinic.server.url, 'doctor');
    desktops.push(reception, doctor);
    await signedIn(reception, clinic.users.receptionist);
    await signedIn(doctor, clinic.users.doctor);
    const appointmentId = randomUUID();
    await reception.core.call('appointments.book', {
      id: appointmentId,
      patientId: clinic.patientIds[0]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '09:00'),
    });
    await reception.core.call('queue.checkIn', { appointmentId });
    await waitFor(
      async () =>
        (await doctor.core.call('queue.list', { doctorId: clinic.doctorId, date: '2026-11-23' })).waiting
          .length === 1,
      "the check-in to reach the doctor's desktop",
    );
    return { reception, doctor, appointmentId };
  }

  it('keeps both desktops working while the hub is down, converges after, and one of two same-slot bookings gets needs-attention with alternatives', async () => {
    const clinic = await start();
    const a = newDesktop(clinic.server.url, 'front-desk');
    const b = newDesktop(clinic.server.url, 'back-desk');
    desktops.push(a, b);
    await signedIn(a, clinic.users.receptionist);
    await signedIn(b, clinic.users.receptionist2);
    const [p1, p2, p3] = clinic.patientIds as [string, string, string];

    const port = await hubDown(clinic);
    await waitFor(() => !a.core.connectionState().online && !b.core.connectionState().online, 'both offline');
    expect(a.core.connectionState().offlineSince).not.toBeNull();

    // Offline on A: register (provisional code), book, check in, pay nothing yet.
    const newId = randomUUID();
    const registered = await a.core.call('patients.register', {
      id: newId,
      details: { fullName: 'Kavya Offline', sex: 'female' },
    });
    expect(registered.code).toMatch(/^TMP-/);
    expect(await a.core.call('patients.search', { text: registered.code })).toHaveLength(1);
    const ten = at('2026-11-23', '10:00');
    const mineA = randomUUID();
    const bookedA = await a.core.call('appointments.book', {
      id: mineA,
      patientId: p1,
      doctorId: clinic.doctorId,
      startsAt: ten,
    });
    expect(bookedA.appointment.provisional).toBe(true);
    const early = randomUUID();
    await a.core.call('appointments.book', {
      id: early,
      patientId: newId,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '09:00'),
    });
    const entry = await a.core.call('queue.checkIn', { appointmentId: early });
    expect(entry.token).toMatch(/-001$/);

    // Offline on B: the same slot for another patient, and another booking.
    const mineB = randomUUID();
    await b.core.call('appointments.book', {
      id: mineB,
      patientId: p2,
      doctorId: clinic.doctorId,
      startsAt: ten,
    });
    await b.core.call('appointments.book', {
      id: randomUUID(),
      patientId: p3,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '11:00'),
    });
    expect(a.core.connectionState().pendingCount).toBe(4);
    expect(b.core.connectionState().pendingCount).toBe(2);
    expect(activeAt(clinic, ten)).toHaveLength(0); // nothing reached the hub

    await hubUp(clinic, port);
    await settled([a, b]);
    await settled([a, b]);

    // Exactly one holds the slot; the other has a needs-attention entry with the next free slots.
    const holders = activeAt(clinic, ten);
    expect(holders).toHaveLength(1);
    const loser = holders[0]!.id === mineA ? b : a;
    const attention = loser.core.needsAttention();
    expect(attention).toHaveLength(1);
    expect(attention[0]!.error.code).toBe('SLOT_TAKEN');
    expect(attention[0]!.nextAction).toMatchObject({ kind: 'choose_another_slot' });
    expect((attention[0]!.nextAction as { nextSlots: unknown[] }).nextSlots.length).toBeGreaterThan(0);
    expect(loser.core.connectionState().needsAttention).toBe(1);

    // Converged: both desktops show the hub's appointments; the offline patient has a PAT code
    // and stays findable by the provisional one.
    const onHub = (
      clinic.server.hub.db.sqlite.prepare('SELECT id, status, startsAt FROM appointments').all() as {
        id: string;
        status: string;
        startsAt: string;
      }[]
    )
      .map((r) => `${r.id}:${r.status}:${r.startsAt}`)
      .sort();
    expect(await appointmentsOf(a, clinic.doctorId)).toEqual(onHub);
    expect(await appointmentsOf(b, clinic.doctorId)).toEqual(onHub);
    for (const d of [a, b]) {
      const [found] = await d.core.call('patients.search', { text: registered.code });
      expect(found?.code).toMatch(/^PAT\d{6}$/);
      expect(found?.provisionalCode).toBe(registered.code);
    }
    const queue = await b.core.call('queue.list', { doctorId: clinic.doctorId, date: '2026-11-23' });
    expect(JSON.stringify(queue)).toContain(early);
    // Only its author sees the entry: another receptionist signing in on that desktop does not.
    const [author, other] =
      loser === a
        ? [clinic.users.receptionist, clinic.users.receptionist2]
        : [clinic.users.receptionist2, clinic.users.receptionist];
    await loser.core.signOut();
    await signedIn(loser, other);
    expect(loser.core.needsAttention()).toEqual([]);
    expect(loser.core.connectionState().needsAttention).toBe(0);
    expect(loser.core.dismissAttention(attention[0]!.id)).toBe(false);
    await loser.core.signOut();
    await signedIn(loser, author);
    expect(loser.core.needsAttention().map((e) => e.id)).toEqual([attention[0]!.id]);
    expect(loser.core.dismissAttention(attention[0]!.id)).toBe(true);
    expect(loser.core.needsAttention()).toHaveLength(0);
  });

  it("never writes a doctor's consultation text into a receptionist's replica file; the doctor works offline", async () => {
    const clinic = await start();
    const { reception, doctor, appointmentId } = await bookAndCheckIn(clinic);

    const port = await hubDown(clinic);
    await waitFor(() => !doctor.core.connectionState().online, 'doctor offline');
    const consultationId = randomUUID();
    await doctor.core.call('consultations.saveDraft', {
      id: consultationId,
      appointmentId,
      content: {
        chiefComplaint: 'fever for 5 days',
        clinicalNotes: SECRET,
        diagnosis: { text: SECRET, code: null },
      },
    });
    const signed = await doctor.core.call('consultations.finalize', { id: consultationId });
    expect(signed.consultation.status).toBe('finalized');
    await hubUp(clinic, port);
    await settled([reception, doctor]);
    expect(
      JSON.stringify(clinic.server.hub.db.sqlite.prepare('SELECT * FROM consultations').all()),
    ).toContain(SECRET);
    await reception.core.syncNow();
    await reception.close();
    await doctor.close();
    desktops.length = 0;

    const bytes = (file: string) => (existsSync(file) ? readFileSync(file).toString('latin1') : '');
    const receptionFiles = [reception.core.replicaFile, `${reception.core.replicaFile}-wal`]
      .map(bytes)
      .join('');
    expect(receptionFiles).toContain(appointmentId); // it did sync
    expect(receptionFiles).not.toContain(SECRET);
    expect(receptionFiles).not.toContain('fever for 5 days');
    const doctorFiles = [doctor.core.replicaFile, `${doctor.core.replicaFile}-wal`].map(bytes).join('');
    expect(doctorFiles).toContain(SECRET);
  });

  it('a call made offline reaches the waiting-room display once, with the id the desktop gave it', async () => {
    const clinic = await start();
    const { reception, doctor } = await bookAndCheckIn(clinic);

    const port = await hubDown(clinic);
    await waitFor(() => !doctor.core.connectionState().online, 'doctor offline');
    const called = await doctor.core.call('queue.callNext', { doctorId: clinic.doctorId });
    expect(called?.state).toBe('called');
    await hubUp(clinic, port);
    await settled([reception, doctor]);
    const hubCalls = clinic.server.hub.db.sqlite
      .prepare('SELECT id, kind, token FROM display_calls')
      .all() as { id: string; kind: string; token: string }[];
    expect(hubCalls.map((c) => [c.kind, c.token])).toEqual([['call', called!.token]]);
    await doctor.close();
    desktops.splice(desktops.indexOf(doctor), 1);
    // The replica keeps its own copy (never read); a rebase re-running the call adds none.
    const replica = new Database(doctor.core.replicaFile, { readonly: true });
    try {
      expect(replica.prepare('SELECT id FROM display_calls').all()).toEqual([
        { id: (hubCalls[0] as { id: string }).id },
      ]);
    } finally {
      replica.close();
    }
  });
});
