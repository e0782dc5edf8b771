import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopBackend } from '@shared/contract/desktop-bridge';
import type { EventPayload } from '@shared/contract/events.contract';
import {
  type Clinic,
  type Desktop,
  hubDown,
  newDesktop,
  removeDesktopDirs,
  startClinic,
  TEST_PASSWORD,
  waitFor,
} from '@main/client-core/testing/clinic';
import { insertNotification } from '@server/testing/outbox-fixtures';
import { clientBackend } from './client-backend';
import { KnownUsers } from './known-users';

describe('a client desktop’s backend', { timeout: 60_000 }, () => {
  let clinic: Clinic | undefined;
  let desktop: Desktop | undefined;
  let backend: DesktopBackend | undefined;
  afterEach(async () => {
    await backend?.close();
    await clinic?.close();
    removeDesktopDirs();
  });

  async function signIn(username: string) {
    const reply = await backend!.call(
      'auth.login',
      { username, password: TEST_PASSWORD, deviceId: 'ignored' },
      null,
    );
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.result;
  }

  it('signs in with the hub, serves the contract to the window’s token only, then unlocks offline', async () => {
    clinic = await startClinic();
    desktop = newDesktop(clinic.server.url, 'front-desk');
    backend = clientBackend(desktop.core, new KnownUsers(join(desktop.dir, 'known-users.json')));

    const session = await signIn(clinic.users.receptionist);
    expect(session.user).toMatchObject({ username: clinic.users.receptionist, role: 'receptionist' });
    await waitFor(() => backend!.connectionState().online, 'online');

    const search = await backend.call('patients.search', { text: 'Patient' }, session.token);

    expect(search.ok && search.result.length).toBe(3);
    expect(await backend.call('patients.search', { text: 'Patient' }, 'someone-else')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect((await backend.call('rooms.create', { name: '' } as never, session.token)).ok).toBe(false);

    await backend.call('auth.logout', {}, session.token);
    await hubDown(clinic);
    await waitFor(() => !backend!.connectionState().online, 'offline');

    // Offline: the same user unlocks with the cached verifier; a wrong password does not.
    const wrong = await backend.call(
      'auth.login',
      { username: clinic.users.receptionist, password: 'not the password', deviceId: 'x' },
      null,
    );
    expect(wrong.ok).toBe(false);
    const offline = await signIn(clinic.users.receptionist);
    expect(offline.user.username).toBe(clinic.users.receptionist);
    const me = await backend.call('auth.session', {}, offline.token);
    expect(me).toMatchObject({ ok: true, result: { user: { role: 'receptionist' } } });
    const stillThere = await backend.call('patients.search', { text: 'Patient' }, offline.token);

    expect(stillThere.ok && stillThere.result.length).toBe(3);
    expect(backend.connectionState()).toMatchObject({ mode: 'desktop', online: false });
    expect(backend.connectionState().offlineSince).not.toBeNull();
  });

  it('tells the window what another desktop’s change wrote, as the hub tells a browser (tables and ids)', async () => {
    clinic = await startClinic();
    desktop = newDesktop(clinic.server.url, 'front-desk');
    backend = clientBackend(desktop.core, new KnownUsers(join(desktop.dir, 'known-users.json')));
    await signIn(clinic.users.receptionist);
    await waitFor(() => backend!.connectionState().online, 'online');
    const { hub } = clinic.server;
    const hubPokes: EventPayload<'sync.poke'>[] = [];
    const windowPokes: EventPayload<'sync.poke'>[] = [];
    hub.core.events.on('sync.poke', (poke) => hubPokes.push(poke));
    backend.onEvent('sync.poke', (poke) => windowPokes.push(poke));

    const id = randomUUID();
    await hub.call(await hub.signIn('receptionist'), 'patients.register', {
      id,
      details: { fullName: 'Neha Joshi' },
    });
    const heard = await waitFor(
      () => windowPokes.find((poke) => poke.ids?.patients?.includes(id)),
      'the poke',
    );
    const told = hubPokes.find((poke) => poke.ids?.patients?.includes(id))!;
    expect(heard).toMatchObject({ tables: told.tables, ids: told.ids });
    expect(heard?.tables).toEqual(['patients']);
  });

  it('answers the window’s own commands with what they wrote: the hub’s hint, or the rows queued in the replica', async () => {
    clinic = await startClinic();
    desktop = newDesktop(clinic.server.url, 'front-desk');
    backend = clientBackend(desktop.core, new KnownUsers(join(desktop.dir, 'known-users.json')));
    const { token } = await signIn(clinic.users.receptionist);
    await waitFor(() => backend!.connectionState().online, 'online');
    const windowPokes: EventPayload<'sync.poke'>[] = [];
    backend.onEvent('sync.poke', (poke) => windowPokes.push(poke));

    // Queued (and accepted by the hub at once): what it wrote to the replica.
    const id = randomUUID();
    const online = await backend.call(
      'patients.register',
      { id, details: { fullName: 'Neha Joshi' } },
      token,
    );
    expect(online).toMatchObject({ ok: true, changed: { tables: ['patients'], ids: { patients: [id] } } });
    // The desktop's own change notification names the same rows (no "anything changed").
    expect(windowPokes[0]).toMatchObject({ tables: ['patients'], ids: { patients: [id] } });

    // Served by the hub (online-only): the hub's hint (notifications are not synced: no tables).
    const failed = insertNotification(clinic.server.hub.db, { state: 'failed', channel: 'email' });
    const retried = await backend.call('notifications.retry', { id: failed.id }, token);
    expect(retried).toMatchObject({ ok: true, changed: { tables: [] } });
    // A query says nothing.
    expect(await backend.call('patients.search', { text: 'Neha' }, token)).not.toHaveProperty('changed');

    await hubDown(clinic);
    await waitFor(() => !backend!.connectionState().online, 'offline');
    const offlineId = randomUUID();
    const offline = await backend.call(
      'patients.register',
      { id: offlineId, details: { fullName: 'Ravi Kumar' } },
      token,
    );
    expect(offline).toMatchObject({
      ok: true,
      changed: { tables: ['patients'], ids: { patients: [offlineId] } },
    });
  });
});
