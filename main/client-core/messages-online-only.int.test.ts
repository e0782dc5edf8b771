import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '@shared/contract/errors';
import { insertNotification } from '@server/testing/outbox-fixtures';
import { clinicPerTest, hubDown, newDesktop, signedIn, waitFor } from '@main/client-core/testing/clinic';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Notifications are not synced: a desktop asks the hub for the outbox and for a retry (issue 15). */
describe('messages on a desktop', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('reads the outbox and retries through the hub, and says the hub is needed when offline', async () => {
    const clinic = await start();
    const { hub } = clinic.server;
    const failed = insertNotification(hub.db, {
      patientId: clinic.patientIds[0]!,
      state: 'failed',
      reason: '550 mailbox unavailable',
      channel: 'email',
    });
    const desk = newDesktop(clinic.server.url, 'reception');
    desktops.push(desk);
    await signedIn(desk, clinic.users.receptionist);

    const page = await desk.core.call('notifications.outbox', { patientId: clinic.patientIds[0]! });
    expect(page.items.map((n) => [n.id, n.state])).toEqual([[failed.id, 'failed']]);
    const retried = await desk.core.call('notifications.retry', { id: failed.id });
    expect(retried.state).toBe('pending');
    expect(hub.db.sqlite.prepare('SELECT state FROM notifications WHERE id = ?').get(failed.id)).toEqual({
      state: 'pending',
    });
    // Nothing of the outbox reaches the replica, even after a sync.
    await desk.core.syncNow();
    const replica = new BetterSqlite3(desk.core.replicaFile, { readonly: true });
    try {
      expect(replica.prepare('SELECT count(*) AS n FROM notifications').get()).toEqual({ n: 0 });
    } finally {
      replica.close();
    }

    await hubDown(clinic);
    await waitFor(() => !desk.core.connectionState().online, 'desktop offline');
    expect(await codeOf(desk.core.call('notifications.outbox', {}))).toBe('UNREACHABLE');
    expect(await codeOf(desk.core.call('notifications.retry', { id: failed.id }))).toBe('UNREACHABLE');
  });
});
