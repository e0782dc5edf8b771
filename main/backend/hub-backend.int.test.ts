import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopBackend } from '@shared/contract/desktop-bridge';
import type { EventPayload } from '@shared/contract/events.contract';
import { startHub } from '@server/hub/hub-server';
import { createHubBackend } from './hub-backend';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hubBackend(): Promise<DesktopBackend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-hub-backend-'));
  const hub = await startHub({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    mdns: false,
    logger: pino({ level: 'silent' }),
  });
  const backend = createHubBackend(hub, 'reception-pc', 'RECEPTION-PC');
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => backend.close());
  return backend;
}

/** First-run setup through the backend itself; returns the admin's session token. */
async function setUpClinic(backend: DesktopBackend): Promise<string> {
  const setup = await backend.call(
    'auth.setup',
    {
      settings: { clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata' },
      admin: { username: 'admin', displayName: 'Anita Admin', password: 'correct horse battery' },
      deviceId: 'reception-pc',
    },
    null,
  );
  if (!setup.ok) throw new Error(setup.error.message);
  return setup.result.token;
}

describe('the hub PC’s own backend', () => {
  it('serves the contract in-process: setup, signed-in calls, and errors as data naming the field', async () => {
    const backend = await hubBackend();
    const token = await setUpClinic(backend);

    const settings = await backend.call('settings.get', {}, token);
    expect(settings).toMatchObject({ ok: true, result: { clinicName: 'Sunrise Clinic' } });

    const anonymous = await backend.call('settings.get', {}, null);
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const bad = await backend.call('rooms.create', { id: 'not-a-uuid', name: '' } as never, token);
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.error.fields?.map((f) => f.field)).toEqual(expect.arrayContaining(['id', 'name']));

    expect(backend.connectionState()).toMatchObject({ mode: 'desktop', online: true, pendingChanges: 0 });
    // The hub PC is a device like any other, named by its computer's name, not its id.
    expect(await backend.call('devices.names', {}, token)).toEqual({
      ok: true,
      result: [{ id: 'reception-pc', name: 'RECEPTION-PC' }],
    });
  });

  it('answers the window’s own command with what it wrote, as the hub answers a browser (tables and ids)', async () => {
    const backend = await hubBackend();
    const token = await setUpClinic(backend);
    const id = randomUUID();

    const created = await backend.call('rooms.create', { id, details: { name: 'Room 1' } }, token);

    expect(created).toMatchObject({ ok: true, changed: { tables: ['rooms'], ids: { rooms: [id] } } });
    // A query says nothing: it wrote nothing.
    expect(await backend.call('rooms.list', {}, token)).not.toHaveProperty('changed');
  });

  it('tells the window its session ended when the user logs out', async () => {
    const backend = await hubBackend();
    const token = await setUpClinic(backend);
    const ended: EventPayload<'session.ended'>[] = [];
    backend.onEvent('session.ended', (payload) => ended.push(payload));
    await backend.call('settings.get', {}, token);
    // A command's reply carries what it wrote (a session is not a synced row: no tables).
    expect(await backend.call('auth.logout', {}, token)).toEqual({
      ok: true,
      result: { ok: true },
      changed: { tables: [], ids: {} },
    });
    expect(ended).toEqual([{ reason: 'logout' }]);
    expect(await backend.call('settings.get', {}, token)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});
