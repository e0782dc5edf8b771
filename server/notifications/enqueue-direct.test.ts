import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertDoctor, insertPatient } from '@server/testing/fixtures';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { enqueueCode, enqueueWaitlistOffer } from './enqueue-direct';
import type { MessageContext } from './message-writes.repository';
import type { OutboxRow } from './outbox.repository';

describe('messages other features send from their handlers', () => {
  let hub: TestHub;
  let woken: number;
  beforeEach(async () => {
    hub = await createTestHub(); // Monday 23 Nov 2026, 08:00 in Kolkata
    woken = 0;
    hub.core.outbox.onWake(() => (woken += 1));
  });
  afterEach(() => hub.close());

  /** Runs `fn` in one transaction with a handler-like context, then its after-commit steps. */
  function inTransaction<T>(fn: (ctx: MessageContext) => T): T {
    const after: (() => void)[] = [];
    const ctx: MessageContext = {
      db: hub.db,
      now: hub.clock.now().toISOString(),
      settings: () => hub.core.settings(),
      afterCommit: (step) => after.push(step),
      hub: hub.core,
    };
    const result = hub.db.transaction(() => fn(ctx));
    for (const step of after) step();
    return result;
  }
  const rows = (prefix: string): OutboxRow[] =>
    hub.db
      .all(hub.db.q.selectFrom('notifications').selectAll().where('dedupeKey', 'like', `${prefix}%`))
      .sort((a, b) => a.channel.localeCompare(b.channel));

  it('an activation code goes by SMS and e-mail only, once per code, and wakes the worker', () => {
    const patientId = insertPatient(hub.db, { email: 'asha@example.in', phone: '+91 98450 22222' }).id;
    patientCaller(hub, patientId);
    const code = {
      kind: 'activation_code' as const,
      patientId,
      userId: null,
      codeId: 'code-1',
      code: '482913',
      validUntil: '2026-11-23T03:00:00.000Z', // 08:30 in Kolkata, today
    };
    inTransaction((ctx) => enqueueCode(ctx, code));
    inTransaction((ctx) => enqueueCode(ctx, code));
    const sent = rows(`code:${patientId}:code-1:`);
    expect(sent.map((r) => [r.channel, r.state, r.recipient])).toEqual([
      ['email', 'pending', 'asha@example.in'],
      ['sms', 'pending', '+91 98450 22222'],
    ]);
    expect(sent[1]!.body).toBe(
      'Sunrise Clinic: your activation code is 482913 (valid until 08:30). Never share it.',
    );
    expect(woken).toBe(1);
  });

  it('the front desk sees that a code was sent and to where, never the code', async () => {
    const patientId = insertPatient(hub.db, { email: 'asha@example.in', phone: '+91 98450 44444' }).id;
    patientCaller(hub, patientId);
    inTransaction((ctx) =>
      enqueueCode(ctx, {
        kind: 'activation_code',
        patientId,
        userId: null,
        codeId: 'code-2',
        code: '730451',
        validUntil: '2026-11-23T03:00:00.000Z',
      }),
    );
    const desk = await hub.signIn('receptionist');
    const { items } = await hub.call(desk, 'notifications.outbox', { patientId });
    expect(items.map((m) => m.recipient).sort()).toEqual(['+91 98450 44444', 'asha@example.in']);
    for (const message of items) {
      expect(`${message.subject} ${message.body}`).not.toContain('730451');
      expect(message.body).toContain('••••••');
    }
    expect(rows(`code:${patientId}:code-2:sms`)[0]!.body).toContain('730451'); // the patient gets it
  });

  it('a password reset code names the account; another day’s expiry gives the date', () => {
    const patientId = insertPatient(hub.db, { email: null, phone: '+91 98450 33333' }).id;
    const { userId } = patientCaller(hub, patientId);
    inTransaction((ctx) =>
      enqueueCode(ctx, {
        kind: 'password_reset_code',
        patientId,
        userId,
        codeId: 'reset-9',
        code: '118822',
        validUntil: '2026-11-24T04:00:00.000Z',
        channels: ['sms'],
      }),
    );
    const [sms] = rows(`code:${userId}:reset-9:`);
    expect(sms).toMatchObject({ channel: 'sms', aboutEntity: 'users', aboutId: userId });
    expect(sms!.body).toContain('valid until Tue 24 Nov 2026 09:30');
    expect(rows(`code:${userId}:`)).toHaveLength(1);
  });

  it('a waiting-list offer reaches every channel; an opted-out one is skipped', () => {
    const doctor = insertDoctor(hub.db, { fullName: 'Kavitha Iyer' });
    const patientId = insertPatient(hub.db, { email: 'r@example.in', messageOptOuts: ['email'] }).id;
    patientCaller(hub, patientId);
    const entryId = randomUUID();
    inTransaction((ctx) =>
      enqueueWaitlistOffer(ctx, {
        entryId,
        offerId: 'offer-1',
        patientId,
        doctorId: doctor.id,
        startsAt: '2026-11-23T06:00:00.000Z',
        holdUntil: '2026-11-23T03:15:00.000Z',
      }),
    );
    const offer = rows(`waitlist:${entryId}:offer-1:`);
    expect(offer.map((r) => [r.channel, r.state])).toEqual([
      ['email', 'skipped'],
      ['in_app', 'sent'],
      ['sms', 'pending'],
    ]);
    expect(offer[1]!.body).toContain(
      'A time with Dr Kavitha Iyer on Mon 23 Nov 2026 at 11:30 is held for you until 08:45',
    );
  });
});
