import { afterEach, describe, expect, it } from 'vitest';
import { readSmtpSettings } from '@server/notifications/mail-settings.repository';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';

let hub: TestHub;
afterEach(() => hub?.close());

const SECRET = 'hunter2-smtp-Secret!';
const server = {
  enabled: true,
  host: 'smtp.example.org',
  port: 587,
  security: 'starttls',
  username: 'clinic@example.org',
  fromAddress: 'clinic@example.org',
  fromName: 'Sunrise Clinic',
} as const;

/** Everything a password must never reach: the audit log and the change log (sync). */
function traces(): string {
  const audit = hub.db.sqlite.prepare('SELECT * FROM audit_log').all();
  const changes = hub.db.sqlite.prepare('SELECT * FROM changes').all();
  return JSON.stringify([audit, changes]);
}

describe('outgoing mail settings', () => {
  it('starts switched off, with no password', async () => {
    hub = await createTestHub();
    expect(await hub.call(hub.admin, 'messages.mailSettings', {})).toEqual({
      enabled: false,
      host: '',
      port: 587,
      security: 'starttls',
      username: '',
      fromAddress: null,
      fromName: '',
      passwordSet: false,
      updatedAt: null,
    });
  });

  it('stores the password for the sender but answers only passwordSet, and never audits it', async () => {
    hub = await createTestHub();
    const saved = await hub.call(hub.admin, 'messages.saveMailSettings', { ...server, password: SECRET });
    expect(saved).toEqual({ ...server, passwordSet: true, updatedAt: hub.clock.now().toISOString() });
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    expect(await hub.call(hub.admin, 'messages.mailSettings', {})).toEqual(saved);
    expect(readSmtpSettings(hub.db).password).toBe(SECRET);

    // Left out or blank: kept. Null: cleared.
    await hub.call(hub.admin, 'messages.saveMailSettings', { ...server, port: 465, security: 'tls' });
    expect(readSmtpSettings(hub.db)).toMatchObject({ port: 465, security: 'tls', password: SECRET });
    await hub.call(hub.admin, 'messages.saveMailSettings', { ...server, password: '' });
    expect(readSmtpSettings(hub.db).password).toBe(SECRET);
    const cleared = await hub.call(hub.admin, 'messages.saveMailSettings', { ...server, password: null });
    expect(cleared.passwordSet).toBe(false);
    expect(readSmtpSettings(hub.db).password).toBeNull();

    const audits = hub.db.sqlite
      .prepare(
        "SELECT entity, details FROM audit_log WHERE action = 'messages.saveMailSettings' ORDER BY seq",
      )
      .all() as { entity: string; details: string }[];
    expect(audits.map((a) => JSON.parse(a.details) as unknown)).toEqual([
      {
        fields: ['enabled', 'host', 'username', 'fromAddress', 'fromName'],
        password: 'set',
      },
      { fields: ['port', 'security'], password: 'kept' },
      { fields: ['port', 'security'], password: 'kept' },
      { fields: [], password: 'cleared' },
    ]);
    expect(traces()).not.toContain(SECRET);
  });

  it('refuses switching on without a host or a sender address, naming each field', async () => {
    hub = await createTestHub();
    const error = await failureOf(
      hub.call(hub.admin, 'messages.saveMailSettings', {
        ...server,
        host: '  ',
        fromAddress: null,
        password: SECRET,
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.map((f) => f.field)).toEqual(['host', 'fromAddress']);
    expect(error.message).toMatch(/host.*fromAddress/);
    expect(readSmtpSettings(hub.db).updatedAt).toBeNull();
    expect(traces()).not.toContain(SECRET);

    // Switched off, an incomplete server may be kept for later.
    const off = await hub.call(hub.admin, 'messages.saveMailSettings', {
      ...server,
      enabled: false,
      host: '',
      fromAddress: null,
    });
    expect(off.enabled).toBe(false);
    const badPort = await failureOf(hub.call(hub.admin, 'messages.saveMailSettings', { ...server, port: 0 }));
    expect(badPort.fields?.map((f) => f.field)).toEqual(['port']);
  });

  it('wakes the delivery worker after saving, so waiting e-mails can go', async () => {
    hub = await createTestHub();
    let woken = 0;
    hub.core.outbox.onWake(() => (woken += 1));
    await hub.call(hub.admin, 'messages.saveMailSettings', server);
    expect(woken).toBe(1);
  });

  it('is for the admin only', async () => {
    hub = await createTestHub();
    const receptionist = await hub.signIn('receptionist');
    expect((await failureOf(hub.call(receptionist, 'messages.mailSettings', {}))).code).toBe('FORBIDDEN');
    expect((await failureOf(hub.call(receptionist, 'messages.saveMailSettings', server))).code).toBe(
      'FORBIDDEN',
    );
  });
});
