import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '@server/db/backup';
import { connectTo, send } from '@server/testing/socket-hub';
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
  userIdOf,
  waitFor,
} from '@main/client-core/testing/clinic';

const count = (clinic: Clinic, sql: string, ...args: unknown[]) =>
  (clinic.server.hub.db.sqlite.prepare(sql).get(...args) as { n: number }).n;

describe('client core sync protocol', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('refers offline to records an offline change created (same ids on desktop and hub); duplicated and reordered deliveries apply once', async () => {
    const clinic = await start();
    const deviceId = `front-desk-${randomUUID().slice(0, 8)}`;
    const a = newDesktop(clinic.server.url, 'front-desk', undefined, deviceId);
    desktops.push(a);
    await signedIn(a, clinic.users.receptionist);
    const port = await hubDown(clinic);
    await waitFor(() => !a.core.connectionState().online, 'offline');
    const appointmentId = randomUUID();
    await a.core.call('appointments.book', {
      id: appointmentId,
      patientId: clinic.patientIds[0]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '09:30'),
    });
    const entry = await a.core.call('queue.checkIn', { appointmentId });
    await a.core.call('queue.setPriority', { entryId: entry.id, priority: 'urgent', reason: 'chest pain' });
    const sent = readOutbox(a);
    await hubUp(clinic, port);
    await settled([a]);
    expect(a.core.needsAttention()).toEqual([]);
    const onHub = clinic.server.hub.db.sqlite.prepare('SELECT id, priority FROM queue_entries').all();
    expect(onHub).toEqual([{ id: entry.id, priority: 'urgent' }]);

    // The same mutations delivered again, and in another order, by the same client (its user, on
    // its machine): stored outcomes.
    const clientId = readClientId(a);
    const { hub } = clinic.server;
    const login = await hub.call(null, 'auth.login', {
      username: clinic.users.receptionist,
      password: TEST_PASSWORD,
      deviceId,
    });
    const raw = await connectTo(clinic.server.url, { token: login.token, clientId, deviceId });
    const epoch = hub.core.identity().epoch;
    const replay = [3, 1, 2, 3, 1].map((mutationId) => sent.find((m) => m.mutationId === mutationId)!);
    const before = count(clinic, 'SELECT count(*) AS n FROM changes');
    const reply = await send<{ outcomes: { status: string }[]; gap: boolean }>(raw, 'sync.push', {
      clientId,
      epoch,
      mutations: replay,
    });
    expect(reply.ok && reply.result.outcomes.every((o) => o.status === 'applied')).toBe(true);
    expect(count(clinic, 'SELECT count(*) AS n FROM changes')).toBe(before);
    expect(count(clinic, "SELECT count(*) AS n FROM queue_entries WHERE priority = 'urgent'")).toBe(1);
    // Ahead of the hub (a gap): refused, nothing applied.
    const gap = await send<{ outcomes: unknown[]; gap: boolean }>(raw, 'sync.push', {
      clientId,
      epoch,
      mutations: [{ ...replay[0]!, mutationId: 9 }],
    });
    expect(gap.ok && gap.result).toMatchObject({ gap: true, outcomes: [] });
    raw.disconnect();

    // Pages delivered twice (cursor rewound) change nothing.
    const list = async () =>
      JSON.stringify(await a.core.call('queue.list', { doctorId: clinic.doctorId, date: '2026-11-23' }));
    const shown = await list();
    rewindCursor(a);
    await a.core.syncNow();
    expect(await list()).toBe(shown);
  });

  it('refetches and re-pushes its outbox after the hub is restored from a backup (new epoch)', async () => {
    const clinic = await start();
    const a = newDesktop(clinic.server.url, 'front-desk');
    desktops.push(a);
    await signedIn(a, clinic.users.receptionist);
    const backup = join(clinic.server.hub.dir, 'backup.db');
    await backupDatabase(clinic.server.hub.db.sqlite, backup);
    // Applied by the old hub after the backup: lost in the restore, except what the desktop still holds.
    const lost = randomUUID();
    await a.core.call('appointments.book', {
      id: lost,
      patientId: clinic.patientIds[0]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '14:00'),
    });
    const port = await hubDown(clinic);
    await waitFor(() => !a.core.connectionState().online, 'offline');
    const offline = randomUUID();
    await a.core.call('appointments.book', {
      id: offline,
      patientId: clinic.patientIds[1]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '15:00'),
    });
    await hubUp(clinic, port);
    await hubDown(clinic);
    await restoreHubFrom(clinic, backup);
    const epoch = clinic.server.hub.core.identity().epoch;
    expect(epoch).toBeGreaterThan(1);
    await settled([a]);
    expect(count(clinic, 'SELECT count(*) AS n FROM appointments WHERE id = ?', offline)).toBe(1);
    const page = await a.core.call('appointments.list', {
      doctorId: clinic.doctorId,
      fromDate: '2026-11-23',
      toDate: '2026-11-23',
    });
    const hubIds = (
      clinic.server.hub.db.sqlite.prepare('SELECT id FROM appointments').all() as { id: string }[]
    ).map((r) => r.id);
    expect(page.items.map((x) => x.id).sort()).toEqual(hubIds.sort());
  });

  it('purges and refetches when the role changes; signs out a user disabled meanwhile; unlocks offline with a cached verifier', async () => {
    const clinic = await start();
    const { hub } = clinic.server;
    const secret = 'confidential-dx-4471';
    const booking = randomUUID();
    const reception = newDesktop(clinic.server.url, 'reception');
    const doctor = newDesktop(clinic.server.url, 'doctor');
    desktops.push(reception, doctor);
    await signedIn(reception, clinic.users.receptionist);
    await signedIn(doctor, clinic.users.doctor);
    await reception.core.call('appointments.book', {
      id: booking,
      patientId: clinic.patientIds[0]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '09:00'),
    });
    await reception.core.call('queue.checkIn', { appointmentId: booking });
    await waitFor(
      async () =>
        (await doctor.core.call('queue.list', { doctorId: clinic.doctorId, date: '2026-11-23' })).waiting
          .length === 1,
      'check-in on the doctor desktop',
    );
    await doctor.core.call('consultations.saveDraft', {
      id: randomUUID(),
      appointmentId: booking,
      content: { clinicalNotes: secret },
    });
    await settled([doctor]);

    // Offline unlock: the doctor's desktop restarts while the hub is down.
    await doctor.close();
    desktops.splice(desktops.indexOf(doctor), 1);
    const port = await hubDown(clinic);
    const again = newDesktop(clinic.server.url, 'doctor', doctor.dir);
    desktops.push(again);
    await expect(again.core.unlock(clinic.users.doctor, 'wrong password')).rejects.toThrow(
      /Wrong username or password/,
    );
    await again.core.unlock(clinic.users.doctor, TEST_PASSWORD);
    expect(again.core.connectionState()).toMatchObject({ online: false, user: { role: 'doctor' } });
    const record = await again.core.call('consultations.get', { appointmentId: booking });
    expect(JSON.stringify(record)).toContain(secret);
    await hubUp(clinic, port);
    await waitFor(() => again.core.connectionState().online, 'session renewed on reconnect');

    // Role downgrade: the hub ends the session; signing in again purges the doctor's data.
    const admin = await hub.call(null, 'auth.login', {
      username: 'admin',
      password: TEST_PASSWORD,
      deviceId: 'admin-desktop',
    });
    const adminCaller = { token: admin.token, deviceId: 'admin-desktop' };
    await hub.call(adminCaller, 'users.update', {
      id: userIdOf(clinic, clinic.users.doctor),
      role: 'receptionist',
      doctorId: null,
    });
    await waitFor(() => again.core.connectionState().user === null, 'signed out after the role change');
    expect(again.core.connectionState().signedOutReason).toMatch(/role|session/i);
    // The hub has just dropped the old session's link: a sign-in while it reconnects is told the
    // hub cannot be reached (as a user would be, and tries again).
    await waitFor(async () => {
      await signedIn(again, clinic.users.doctor);
      return true;
    }, 'signed in again once the link is back');
    expect(again.core.connectionState().user?.role).toBe('receptionist');
    await again.core.close();
    desktops.splice(desktops.indexOf(again), 1);
    const bytes = [join(doctor.dir, 'replica.db'), join(doctor.dir, 'replica.db-wal')]
      .map((f) => (existsSync(f) ? readFileSync(f).toString('latin1') : ''))
      .join('');
    expect(bytes).toContain(booking);
    expect(bytes).not.toContain(secret);

    // Disabled meanwhile: signed out on reconnect, and can no longer unlock offline.
    const third = newDesktop(clinic.server.url, 'reception', reception.dir);
    await reception.close();
    desktops.splice(desktops.indexOf(reception), 1, third);
    const port2 = await hubDown(clinic);
    await third.core.unlock(clinic.users.receptionist, TEST_PASSWORD);
    await hub.call(adminCaller, 'users.setDisabled', {
      id: userIdOf(clinic, clinic.users.receptionist),
      disabled: true,
    });
    await hubUp(clinic, port2);
    await waitFor(() => third.core.connectionState().user === null, 'the disabled user signed out');
    expect(third.core.connectionState().signedOutReason).toMatch(/disabled/i);
    await expect(third.core.unlock(clinic.users.receptionist, TEST_PASSWORD)).rejects.toThrow();
  });
});

function readClientId(desktop: Desktop): string {
  const db = new BetterSqlite3(desktop.core.replicaFile, { readonly: true });
  try {
    return (db.prepare('SELECT clientId FROM client_users LIMIT 1').get() as { clientId: string }).clientId;
  } finally {
    db.close();
  }
}

/** The changes waiting in the desktop's outbox, as it pushes them. */
function readOutbox(
  desktop: Desktop,
): { mutationId: number; name: string; input: unknown; createdAt: string }[] {
  const db = new BetterSqlite3(desktop.core.replicaFile, { readonly: true });
  try {
    const rows = db
      .prepare("SELECT mutationId, name, input, createdAt FROM client_outbox WHERE state = 'pending'")
      .all() as { mutationId: number; name: string; input: string; createdAt: string }[];
    return rows.map((row) => ({ ...row, input: JSON.parse(row.input) as unknown }));
  } finally {
    db.close();
  }
}

/** A second connection to the replica, as a crash-free way to make the next pull start over. */
function rewindCursor(desktop: Desktop): void {
  const db = new BetterSqlite3(desktop.core.replicaFile);
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare("UPDATE client_meta SET value = '0' WHERE key = 'cursor'").run();
  } finally {
    db.close();
  }
}
