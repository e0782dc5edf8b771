import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  clinicPerTest,
  hubDown,
  hubUp,
  newDesktop,
  settled,
  signedIn,
  waitFor,
} from '@main/client-core/testing/clinic';

/** A patient's message language and channel choices travel both ways between hub and replica (issue 15). */
describe('patient message choices on a desktop', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('registered offline reach the hub; changed on the hub reach the replica', async () => {
    const clinic = await start();
    const { hub } = clinic.server;
    const desk = newDesktop(clinic.server.url, 'reception');
    desktops.push(desk);
    await signedIn(desk, clinic.users.receptionist);

    const port = await hubDown(clinic);
    await waitFor(() => !desk.core.connectionState().online, 'desktop offline');
    const id = randomUUID();
    const offline = await desk.core.call('patients.register', {
      id,
      details: {
        fullName: 'Asha Rao',
        preferredLanguage: 'hi',
        messageOptOuts: ['email'],
        emailAttachments: true,
      },
    });
    expect(offline).toMatchObject({
      preferredLanguage: 'hi',
      messageOptOuts: ['email'],
      emailAttachments: true,
    });
    await hubUp(clinic, port);
    await settled([desk]);
    expect(
      hub.db.sqlite
        .prepare('SELECT preferredLanguage, messageOptOuts, emailAttachments FROM patients WHERE id = ?')
        .get(id),
    ).toEqual({ preferredLanguage: 'hi', messageOptOuts: '["email"]', emailAttachments: 1 });

    await hub.call(hub.admin, 'patients.update', {
      id,
      details: { preferredLanguage: 'en', messageOptOuts: ['sms'], emailAttachments: false },
    });
    await waitFor(async () => {
      await desk.core.syncNow();
      const p = await desk.core.call('patients.get', { id });
      return p.preferredLanguage === 'en' && p.messageOptOuts.join() === 'sms' && !p.emailAttachments;
    }, 'the hub’s change on the replica');
    // Read from the replica itself (patients.get is served by it), in its own columns.
    const replica = new BetterSqlite3(desk.core.replicaFile, { readonly: true });
    try {
      expect(
        replica
          .prepare('SELECT preferredLanguage, messageOptOuts, emailAttachments FROM patients WHERE id = ?')
          .get(id),
      ).toEqual({ preferredLanguage: 'en', messageOptOuts: '["sms"]', emailAttachments: 0 });
    } finally {
      replica.close();
    }
  });
});
