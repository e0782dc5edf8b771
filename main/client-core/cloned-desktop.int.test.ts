import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { backupDatabase } from '@server/db/backup';
import { Outbox } from './outbox';
import { openReplica } from './replica';
import {
  at,
  clinicPerTest,
  type Clinic,
  type Desktop,
  hubDown,
  hubUp,
  newDesktop,
  restoreHubFrom,
  settled,
  signedIn,
  TEST_PASSWORD,
} from '@main/client-core/testing/clinic';

const rows = (clinic: Clinic, sql: string, ...args: unknown[]) =>
  clinic.server.hub.db.sqlite.prepare(sql).all(...args) as Record<string, unknown>[];

/** Offline on one copy: a new patient booked and checked in, marked urgent, and a booking. */
async function offlineWork(desktop: Desktop, clinic: Clinic, name: string, phone: string, times: string[]) {
  const patientId = randomUUID();
  const patient = await desktop.core.call('patients.register', {
    id: patientId,
    details: { fullName: name, sex: 'female', phone },
  });
  expect(patient.code).toMatch(/^TMP-/);
  const visit = randomUUID();
  await desktop.core.call('appointments.book', {
    id: visit,
    patientId,
    doctorId: clinic.doctorId,
    startsAt: at('2026-11-23', times[0]!),
  });
  // The queue entry's id is derived from the check-in; the next change names it.
  const entry = await desktop.core.call('queue.checkIn', { appointmentId: visit });
  await desktop.core.call('queue.setPriority', { entryId: entry.id, priority: 'urgent', reason: 'fever' });
  const other = randomUUID();
  await desktop.core.call('appointments.book', {
    id: other,
    patientId: clinic.patientIds[name.length % 2]!,
    doctorId: clinic.doctorId,
    startsAt: at('2026-11-23', times[1]!),
  });
  return { patientId, provisional: patient.code, visit, entryId: entry.id, other };
}

describe('a desktop whose data folder was copied to a second PC', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it("both PCs' offline changes all reach the hub: the copy that finds its client id in use registers a new one", async () => {
    const clinic = await start();
    const { url } = clinic.server;
    const deviceId = `front-desk-${randomUUID().slice(0, 8)}`;
    const original = newDesktop(url, 'front-desk', undefined, deviceId);
    await signedIn(original, clinic.users.receptionist);
    const before = randomUUID();
    await original.core.call('appointments.book', {
      id: before,
      patientId: clinic.patientIds[0]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '09:00'),
    });
    await settled([original]);
    await original.close();

    // A cloned disk: the same device id, the same cached sign-in, the same sync client id.
    const copyDir = mkdtempSync(join(tmpdir(), 'clinic-desktop-copy-'));
    onTestFinished(() => rmSync(copyDir, { recursive: true, force: true }));
    cpSync(original.dir, copyDir, { recursive: true });
    const port = await hubDown(clinic);
    const first = newDesktop(url, 'front-desk', original.dir, deviceId);
    const second = newDesktop(url, 'front-desk', copyDir, deviceId);
    desktops.push(first, second);
    for (const pc of [first, second]) await pc.core.unlock(clinic.users.receptionist, TEST_PASSWORD);
    const one = await offlineWork(first, clinic, 'Kavya Rao', '+91 98450 11111', ['09:30', '11:00']);
    const two = await offlineWork(second, clinic, 'Ravi Menon', '+91 98450 22222', ['10:00', '11:30']);
    expect(one.provisional).toBe(two.provisional); // the copies number alike

    await hubUp(clinic, port);
    await settled([first, second]);
    for (const pc of [first, second]) expect(pc.core.needsAttention()).toEqual([]);

    const appointments = rows(clinic, 'SELECT id FROM appointments ORDER BY id').map((r) => r.id);
    expect(appointments).toEqual([before, one.visit, one.other, two.visit, two.other].sort());
    const patients = rows(
      clinic,
      "SELECT id, provisionalCode FROM patients WHERE fullName IN ('Kavya Rao', 'Ravi Menon') ORDER BY fullName",
    );
    expect(patients.map((p) => p.id)).toEqual([one.patientId, two.patientId]);
    expect(new Set(patients.map((p) => p.provisionalCode)).size).toBe(2);
    expect(rows(clinic, 'SELECT id, priority FROM queue_entries ORDER BY id')).toEqual(
      [
        { id: one.entryId, priority: 'urgent' },
        { id: two.entryId, priority: 'urgent' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    // The machine now has two sync clients for the one user, both bound to it.
    const clients = rows(clinic, 'SELECT userId, deviceId FROM sync_clients WHERE deviceId = ?', deviceId);
    expect(clients).toHaveLength(2);
    expect(new Set(clients.map((c) => c.userId)).size).toBe(1);

    // Each PC shows everything (the hub's rows replaced each one's own).
    for (const pc of [first, second]) {
      const page = await pc.core.call('appointments.list', {
        doctorId: clinic.doctorId,
        fromDate: '2026-11-23',
        toDate: '2026-11-23',
      });
      expect(page.items.map((a) => a.id).sort()).toEqual(appointments);
    }
  });

  it('a data folder moved to another machine (a new device id) registers a new client id there and loses nothing', async () => {
    const clinic = await start();
    const { url } = clinic.server;
    const old = newDesktop(url, 'front-desk');
    await signedIn(old, clinic.users.receptionist);
    await old.core.call('appointments.book', {
      id: randomUUID(),
      patientId: clinic.patientIds[0]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '09:00'),
    });
    await settled([old]);
    await old.close();

    const deviceId = `new-pc-${randomUUID().slice(0, 8)}`;
    const moved = newDesktop(url, 'new-pc', old.dir, deviceId);
    desktops.push(moved);
    await signedIn(moved, clinic.users.receptionist);
    const booking = randomUUID();
    await moved.core.call('appointments.book', {
      id: booking,
      patientId: clinic.patientIds[1]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '09:30'),
    });
    await settled([moved]);
    expect(moved.core.needsAttention()).toEqual([]);
    expect(rows(clinic, 'SELECT id FROM appointments WHERE id = ?', booking)).toHaveLength(1);
    const clients = rows(clinic, 'SELECT deviceId, lastMutationId FROM sync_clients ORDER BY lastSeenAt');
    expect(clients.filter((c) => c.deviceId === deviceId)).toEqual([{ deviceId, lastMutationId: 1 }]);
  });

  it('a moved data folder meeting a restored hub never sends an acknowledged change again', async () => {
    const clinic = await start();
    const { url } = clinic.server;
    const old = newDesktop(url, 'front-desk');
    await signedIn(old, clinic.users.receptionist);
    const input = {
      id: randomUUID(),
      patientId: clinic.patientIds[0]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '09:00'),
    };
    await old.core.call('appointments.book', input);
    await settled([old]);
    await old.close();
    // The folder as it was copied: the hub had acknowledged the booking, the pull that drops it
    // from the outbox had not run yet.
    const replica = openReplica(join(old.dir, 'replica.db'));
    const { clientId, userId, actor } = replica.db.sqlite
      .prepare('SELECT clientId, userId, actor FROM client_users')
      .get() as { clientId: string; userId: string; actor: string };
    const outbox = new Outbox(replica.db);
    replica.db.transaction(() => {
      outbox.insert({
        clientId,
        mutationId: 1,
        userId,
        actor: JSON.parse(actor) as never,
        name: 'appointments.book',
        input,
        createdAt: '2026-11-23T02:30:00.000Z',
      });
      outbox.markAcked(clientId, 1);
    });
    replica.close();
    // Meanwhile the hub is restored from a backup that has the booking (a new epoch).
    const backup = join(clinic.server.hub.dir, 'backup.db');
    await backupDatabase(clinic.server.hub.db.sqlite, backup);
    await restoreHubFrom(clinic, backup);
    const processed = () => rows(clinic, 'SELECT clientId, mutationId FROM processed_mutations');
    expect(processed()).toEqual([{ clientId, mutationId: 1 }]);

    // On another machine the client id is not its to use: the hub does not tell it the client's
    // last mutation id, and the desktop renumbers nothing by a number it was not told.
    const moved = newDesktop(url, 'new-pc', old.dir, `new-pc-${randomUUID().slice(0, 8)}`);
    desktops.push(moved);
    await signedIn(moved, clinic.users.receptionist);
    const later = randomUUID();
    await moved.core.call('appointments.book', { ...input, id: later, startsAt: at('2026-11-23', '09:30') });
    await settled([moved]);
    expect(moved.core.needsAttention()).toEqual([]);
    expect(rows(clinic, 'SELECT id FROM appointments ORDER BY id').map((r) => r.id)).toEqual(
      [input.id, later].sort(),
    );
    // The acknowledged booking went to the hub once; only the new one came under a new client id.
    const after = processed();
    expect(after.filter((r) => r.clientId === clientId)).toEqual([{ clientId, mutationId: 1 }]);
    expect(after.filter((r) => r.clientId !== clientId)).toEqual([
      { clientId: expect.any(String) as string, mutationId: 1 },
    ]);
  });
});
