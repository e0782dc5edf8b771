import { afterEach, describe, expect, it } from 'vitest';
import { notificationKindSchema } from '@shared/domain/notification.schema';
import { defaultTemplate } from '@server/notifications/default-templates';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';

let hub: TestHub;
afterEach(() => hub?.close());

const reminderSms = { kind: 'reminder', channel: 'sms', language: 'en' } as const;

function auditRows(action: string) {
  return hub.db.sqlite
    .prepare('SELECT entity, entityId, details, actorRole FROM audit_log WHERE action = ?')
    .all(action) as { entity: string; entityId: string; details: string; actorRole: string }[];
}

describe('message texts', () => {
  it('lists every kind × channel × language, the shipped default until the admin changes one', async () => {
    hub = await createTestHub();
    const entries = await hub.call(hub.admin, 'messages.templates', {});
    // Every kind (15 today), on the app, SMS and e-mail, in English and Hindi.
    expect(entries).toHaveLength(notificationKindSchema.options.length * 3 * 2);
    expect(notificationKindSchema.options).toHaveLength(15);
    const hindiEmail = entries.find(
      (e) => e.kind === 'prescription_ready' && e.channel === 'email' && e.language === 'hi',
    );
    expect(hindiEmail).toEqual({
      kind: 'prescription_ready',
      channel: 'email',
      language: 'hi',
      ...defaultTemplate('prescription_ready', 'email', 'hi'),
      customized: false,
      updatedAt: null,
    });
    expect(entries.filter((e) => e.channel === 'sms').every((e) => e.subject === '')).toBe(true);
  });

  it('saves a text (audited), lists it as customized, and reset goes back to the default (audited)', async () => {
    hub = await createTestHub();
    const body = '{clinicName}: see {doctor} at {time} on {date}. Ref {appointmentNumber}';
    const saved = await hub.call(hub.admin, 'messages.saveTemplate', { ...reminderSms, subject: '', body });
    expect(saved).toEqual({
      ...reminderSms,
      subject: '',
      body,
      customized: true,
      updatedAt: hub.clock.now().toISOString(),
    });
    const listed = (await hub.call(hub.admin, 'messages.templates', {})).find(
      (e) => e.kind === 'reminder' && e.channel === 'sms' && e.language === 'en',
    );
    expect(listed).toEqual(saved);
    // The other language and channels keep their defaults.
    const hindi = (await hub.call(hub.admin, 'messages.templates', {})).find(
      (e) => e.kind === 'reminder' && e.channel === 'sms' && e.language === 'hi',
    );
    expect(hindi?.customized).toBe(false);
    expect(auditRows('messages.saveTemplate')).toEqual([
      {
        entity: 'message_templates',
        entityId: 'reminder:sms:en',
        details: JSON.stringify({ kind: 'reminder', channel: 'sms', language: 'en' }),
        actorRole: 'admin',
      },
    ]);

    const reset = await hub.call(hub.admin, 'messages.resetTemplate', reminderSms);
    expect(reset).toEqual({
      ...reminderSms,
      ...defaultTemplate('reminder', 'sms', 'en'),
      customized: false,
      updatedAt: null,
    });
    expect(hub.db.sqlite.prepare('SELECT count(*) AS n FROM message_templates').get()).toEqual({ n: 0 });
    expect(auditRows('messages.resetTemplate')).toHaveLength(1);
    // Resetting a default changes nothing and audits nothing.
    await hub.call(hub.admin, 'messages.resetTemplate', reminderSms);
    expect(auditRows('messages.resetTemplate')).toHaveLength(1);
  });

  it('refuses an unknown placeholder naming it and the field, and saves nothing', async () => {
    hub = await createTestHub();
    const error = await failureOf(
      hub.call(hub.admin, 'messages.saveTemplate', {
        kind: 'payment_receipt',
        channel: 'email',
        language: 'en',
        subject: 'Receipt {receiptNo}',
        body: 'Dear {patientName}, we received {amount}.',
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('{receiptNo}');
    expect(error.fields?.map((f) => f.field)).toEqual(['subject']);
    expect(error.fields![0]!.message).toContain('{receiptNo} is not a placeholder');
    expect(error.fields![0]!.message).toContain('{receiptNumber}'); // it says what may be used

    const inBody = await failureOf(
      hub.call(hub.admin, 'messages.saveTemplate', {
        kind: 'prescription_ready',
        channel: 'in_app',
        language: 'hi',
        subject: 'पर्चा तैयार',
        body: 'प्रिय {patientName}, {time} बजे',
      }),
    );
    expect(inBody.fields?.map((f) => f.field)).toEqual(['body']);
    expect(inBody.message).toContain('{time}'); // a visit placeholder, but not of this kind
    expect(hub.db.sqlite.prepare('SELECT count(*) AS n FROM message_templates').get()).toEqual({ n: 0 });
    expect(auditRows('messages.saveTemplate')).toEqual([]);
  });

  it('refuses a subject on an SMS and a stray brace', async () => {
    hub = await createTestHub();
    const error = await failureOf(
      hub.call(hub.admin, 'messages.saveTemplate', {
        ...reminderSms,
        subject: 'Hello',
        body: 'See you {date',
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.map((f) => f.field)).toEqual(['subject', 'body']);
    expect(error.fields?.[0]?.message).toMatch(/SMS has no subject/);
  });

  it('previews a text with sample values and the clinic name, counting SMS segments', async () => {
    hub = await createTestHub();
    const sms = await hub.call(hub.admin, 'messages.preview', {
      ...reminderSms,
      subject: '',
      body: '{clinicName}: {patientName}, {doctor} {time}',
    });
    expect(sms).toEqual({
      subject: '',
      body: 'Sunrise Clinic: Asha Rao, Dr. Kavitha Iyer 10:30',
      segments: 1,
    });
    const hindi = await hub.call(hub.admin, 'messages.preview', {
      ...reminderSms,
      language: 'hi',
      subject: '',
      body: defaultTemplate('reminder', 'sms', 'hi').body,
    });
    expect(hindi.body).toContain('Dr. Kavitha Iyer');
    expect(hindi.segments).toBe(2); // UCS-2: over 70 units
    const email = await hub.call(hub.admin, 'messages.preview', {
      kind: 'payment_receipt',
      channel: 'email',
      language: 'en',
      subject: 'Receipt {receiptNumber}',
      body: 'Paid {amount}',
    });
    expect(email).toEqual({ subject: 'Receipt R-2026-000042', body: 'Paid ₹500.00', segments: null });
    const bad = await failureOf(
      hub.call(hub.admin, 'messages.preview', { ...reminderSms, subject: '', body: 'Hi {nickname}' }),
    );
    expect(bad.message).toContain('{nickname}');
  });

  it('is for the admin only', async () => {
    hub = await createTestHub();
    const receptionist = await hub.signIn('receptionist');
    expect((await failureOf(hub.call(receptionist, 'messages.templates', {}))).code).toBe('FORBIDDEN');
    expect(
      (
        await failureOf(
          hub.call(receptionist, 'messages.saveTemplate', { ...reminderSms, subject: '', body: 'x {date}' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});
