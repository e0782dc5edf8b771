import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';

let hub: TestHub;
afterEach(() => hub?.close());

/** A patient's language and channel choices for the messages the clinic sends (issue 15). */
describe('patient message choices', () => {
  it('are stored on registration and update and returned by get and search', async () => {
    hub = await createTestHub();
    const reception = await hub.signIn('receptionist');
    const plain = await hub.call(reception, 'patients.register', {
      id: randomUUID(),
      details: { fullName: 'Ravi Kumar' },
    });
    expect(plain).toMatchObject({ preferredLanguage: 'en', messageOptOuts: [], emailAttachments: false });

    const asha = await hub.call(reception, 'patients.register', {
      id: randomUUID(),
      details: {
        fullName: 'Asha Rao',
        phone: '+91 98450 12345',
        preferredLanguage: 'hi',
        messageOptOuts: ['sms'],
        emailAttachments: true,
      },
    });
    expect(asha).toMatchObject({ preferredLanguage: 'hi', messageOptOuts: ['sms'], emailAttachments: true });
    const stored = () =>
      hub.db.sqlite
        .prepare('SELECT preferredLanguage, messageOptOuts, emailAttachments FROM patients WHERE id = ?')
        .get(asha.id);
    expect(stored()).toEqual({ preferredLanguage: 'hi', messageOptOuts: '["sms"]', emailAttachments: 1 });
    expect(await hub.call(reception, 'patients.get', { id: asha.id })).toEqual(asha);

    const updated = await hub.call(reception, 'patients.update', {
      id: asha.id,
      details: { messageOptOuts: ['sms', 'email'], emailAttachments: false },
    });
    expect(updated).toMatchObject({
      preferredLanguage: 'hi',
      messageOptOuts: ['sms', 'email'],
      emailAttachments: false,
    });
    expect(stored()).toEqual({
      preferredLanguage: 'hi',
      messageOptOuts: '["sms","email"]',
      emailAttachments: 0,
    });
    const [found] = await hub.call(reception, 'patients.search', { text: 'Asha Rao', limit: 5 });
    expect(found).toMatchObject({ preferredLanguage: 'hi', messageOptOuts: ['sms', 'email'] });
    const audit = hub.db.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'patients.update' AND entityId = ?")
      .get(asha.id) as { details: string };
    expect(JSON.parse(audit.details)).toEqual({ fields: ['messageOptOuts', 'emailAttachments'] });

    const bad = await failureOf(
      hub.call(reception, 'patients.update', {
        id: asha.id,
        details: { preferredLanguage: 'fr' as never, messageOptOuts: ['fax' as never] },
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fields?.map((f) => f.field).sort()).toEqual([
      'details.messageOptOuts.0',
      'details.preferredLanguage',
    ]);
    const repeated = await failureOf(
      hub.call(reception, 'patients.update', { id: asha.id, details: { messageOptOuts: ['sms', 'sms'] } }),
    );
    expect(repeated.fields).toEqual([
      { field: 'details.messageOptOuts', message: 'must not repeat a channel' },
    ]);
  });
});
