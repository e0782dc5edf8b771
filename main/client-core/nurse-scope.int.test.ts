import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@shared/domain/user.schema';
import { pullChanges } from '@server/sync/pull';
import {
  at,
  type Clinic,
  clinicPerTest,
  type Desktop,
  newDesktop,
  signedIn,
  userIdOf,
} from '@main/client-core/testing/clinic';

const vitals = { systolic: 118, diastolic: 76, pulse: 70, temperatureC: 36.8, spo2: 99, weightKg: 61 };

/** The nurse's replica rows of consultations: id, status, signed time and vitals. */
function heldBy(desktop: Desktop): Record<string, unknown>[] {
  const replica = new BetterSqlite3(desktop.core.replicaFile, { readonly: true });
  try {
    return (
      replica.prepare('SELECT id, status, signedAt, vitals FROM consultations ORDER BY id').all() as Record<
        string,
        unknown
      >[]
    ).map((row) => ({ ...row, vitals: JSON.parse(String(row.vitals)) as unknown }));
  } finally {
    replica.close();
  }
}

async function bookAndCheckIn(clinic: Clinic, patient: number, time: string): Promise<string> {
  const { hub } = clinic.server;
  const id = randomUUID();
  await hub.call(hub.admin, 'appointments.book', {
    id,
    patientId: clinic.patientIds[patient]!,
    doctorId: clinic.doctorId,
    startsAt: at('2026-11-23', time),
  });
  await hub.call(hub.admin, 'queue.checkIn', { appointmentId: id });
  return id;
}

describe("a nurse's desktop holds vitals only of checked-in patients", { timeout: 90_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('a visit’s record arrives at check-in, leaves when the check-in is undone or the visit completes, and returns with a new check-in', async () => {
    const clinic = await start();
    const { hub } = clinic.server;
    const doctor = await hub.signIn('doctor', { username: 'doctor2', doctorId: clinic.doctorId });
    await hub.signIn('nurse', { username: 'nurse1' });
    const nurse = newDesktop(clinic.server.url, 'nurse-station');
    desktops.push(nurse);
    await signedIn(nurse, 'nurse1');

    const visit = await bookAndCheckIn(clinic, 0, '09:00');
    await nurse.core.syncNow();
    await nurse.core.call('consultations.recordVitals', { id: randomUUID(), appointmentId: visit, vitals });
    const recorded = await hub.call(doctor, 'consultations.vitals', { appointmentIds: [visit] });
    const consultationId = recorded[0]!.consultationId;
    await nurse.core.syncNow();
    expect(heldBy(nurse)).toEqual([{ id: consultationId, status: 'draft', signedAt: null, vitals }]);

    // Reception undoes the check-in: the record leaves her replica (the record itself did not change).
    const { transitions } = await hub.call(hub.admin, 'appointments.history', { id: visit });
    await hub.call(hub.admin, 'appointments.undoTransition', {
      transitionId: transitions.at(-1)!.id,
      reason: 'checked in the wrong patient',
    });
    await nurse.core.syncNow();
    expect(heldBy(nurse)).toEqual([]);
    expect(await nurse.core.call('consultations.vitals', { appointmentIds: [visit] })).toEqual([]);

    // Checked in again: the record (unchanged on the hub) comes back with its vitals.
    await hub.call(hub.admin, 'queue.checkIn', { appointmentId: visit });
    await nurse.core.syncNow();
    expect(heldBy(nurse)).toEqual([{ id: consultationId, status: 'draft', signedAt: null, vitals }]);

    // Signed while still checked in: a finalized row the replica can hold (it carries its signing).
    await hub.call(doctor, 'consultations.saveDraft', {
      id: consultationId,
      appointmentId: visit,
      content: { chiefComplaint: 'routine check' },
    });
    const signed = await hub.call(doctor, 'consultations.finalize', { id: consultationId });
    await nurse.core.syncNow();
    expect(nurse.core.connectionState().syncError).toBeNull();
    expect(heldBy(nurse)).toEqual([
      { id: consultationId, status: 'finalized', signedAt: signed.consultation.signedAt, vitals },
    ]);

    // The visit completes: gone again, and a new nurse desktop never receives it at all.
    await hub.call(doctor, 'appointments.complete', { id: visit });
    await nurse.core.syncNow();
    expect(heldBy(nurse)).toEqual([]);
    expect(nurse.core.connectionState().syncError).toBeNull();

    const actor: Actor = {
      userId: userIdOf(clinic, 'nurse1'),
      role: 'nurse',
      doctorId: null,
      patientId: null,
      deviceId: 'nurse-station-2',
    };
    const fresh = pullChanges(hub.core, actor, null, { epoch: hub.core.identity().epoch, cursor: 0 });
    expect(fresh.changes.filter((c) => c.entity === 'consultations')).toEqual([]);
    expect(JSON.stringify(fresh)).not.toContain(consultationId);
  });

  it("a new nurse desktop receives only the checked-in visits' records, never those of other visits", async () => {
    const clinic = await start({ patients: 3 });
    const { hub } = clinic.server;
    const doctor = await hub.signIn('doctor', { username: 'doctor2', doctorId: clinic.doctorId });
    await hub.signIn('nurse', { username: 'nurse1' });
    const waiting = await bookAndCheckIn(clinic, 0, '09:00');
    const done = await bookAndCheckIn(clinic, 1, '09:30');
    for (const appointmentId of [waiting, done]) {
      await hub.call(doctor, 'consultations.saveDraft', {
        id: randomUUID(),
        appointmentId,
        content: { chiefComplaint: 'cough', vitals },
      });
    }
    const [doneRecord] = await hub.call(doctor, 'consultations.vitals', { appointmentIds: [done] });
    await hub.call(doctor, 'consultations.finalize', { id: doneRecord!.consultationId });
    await hub.call(doctor, 'appointments.complete', { id: done });

    const nurse = newDesktop(clinic.server.url, 'nurse-station');
    desktops.push(nurse);
    await signedIn(nurse, 'nurse1');
    const [waitingRecord] = await hub.call(doctor, 'consultations.vitals', { appointmentIds: [waiting] });
    expect(heldBy(nurse).map((row) => row.id)).toEqual([waitingRecord!.consultationId]);

    // Page by page (small pages: the finished visit's check-in and completion fall in different
    // ones), the stream carries only the waiting visit's record. The finished one's id may travel
    // as a delete where its visit straddles a page boundary (the hub cannot tell whether the
    // desktop pulled that page while the visit was checked in), never its content.
    const actor: Actor = {
      userId: userIdOf(clinic, 'nurse1'),
      role: 'nurse',
      doctorId: null,
      patientId: null,
      deviceId: 'nurse-station-2',
    };
    const upserted = new Set<string>();
    for (let cursor = 0, pages = 0; pages < 500; pages++) {
      const page = pullChanges(hub.core, actor, null, { epoch: hub.core.identity().epoch, cursor, limit: 2 });
      for (const c of page.changes) {
        if (c.entity === 'consultations' && c.op === 'upsert') upserted.add(c.entityId);
        if (c.entity === 'consultations' && c.op === 'delete') expect(c.row).toBeNull();
      }
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect([...upserted]).toEqual([waitingRecord!.consultationId]);
  });

  it('a replica synced under the older policy (every visit’s vitals) is refetched at the next sign-in', async () => {
    const clinic = await start();
    const { hub } = clinic.server;
    const doctor = await hub.signIn('doctor', { username: 'doctor2', doctorId: clinic.doctorId });
    await hub.signIn('nurse', { username: 'nurse1' });
    const finished = await bookAndCheckIn(clinic, 0, '09:00');
    const id = randomUUID();
    await hub.call(doctor, 'consultations.saveDraft', { id, appointmentId: finished, content: { vitals } });
    await hub.call(hub.admin, 'appointments.undoTransition', {
      transitionId: (await hub.call(hub.admin, 'appointments.history', { id: finished })).transitions.at(-1)!
        .id,
      reason: 'wrong patient',
    });

    const nurse = newDesktop(clinic.server.url, 'nurse-station');
    await signedIn(nurse, 'nurse1');
    await nurse.close();
    // What the older policy left there: the record of a visit that is not checked in, and no view version.
    const old = new BetterSqlite3(nurse.core.replicaFile);
    old
      .prepare(
        `INSERT INTO consultations (id, appointmentId, patientId, doctorId, status, vitals, diagnosis, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, 'draft', ?, 'null', '2026-11-23T02:30:00.000Z', '2026-11-23T02:30:00.000Z')`,
      )
      .run(id, finished, clinic.patientIds[0], clinic.doctorId, JSON.stringify(vitals));
    old.prepare("DELETE FROM client_meta WHERE key = 'view'").run();
    old.close();

    const again = newDesktop(clinic.server.url, 'nurse-station', nurse.dir);
    desktops.push(again);
    await signedIn(again, 'nurse1');
    expect(heldBy(again)).toEqual([]);
  });
});
