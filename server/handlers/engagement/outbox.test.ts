import { afterEach, describe, expect, it } from 'vitest';
import type { Notification } from '@shared/domain/notification.schema';
import { insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { insertNotification } from '@server/testing/outbox-fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { outboxQueries } from './outbox.handlers';

let hub: TestHub;
afterEach(() => hub?.close());

const page = { limit: 100, offset: 0 };

describe('notifications.outbox', () => {
  it('lists newest first, filters by kind, channel, state, patient and clinic dates, and pages', async () => {
    hub = await createTestHub();
    const reception = await hub.signIn('receptionist');
    const asha = insertPatient(hub.db, { fullName: 'Asha Rao' });
    const ravi = insertPatient(hub.db, { fullName: 'Ravi Kumar' });
    // Clinic (Kolkata, +05:30) midnight of 23 Nov is 2026-11-22T18:30Z.
    const lateOn22 = insertNotification(hub.db, {
      patientId: asha.id,
      createdAt: '2026-11-22T18:29:59.000Z',
      state: 'sent',
    });
    const earlyOn23 = insertNotification(hub.db, {
      patientId: ravi.id,
      createdAt: '2026-11-22T18:30:00.000Z',
      channel: 'email',
      kind: 'reminder',
      state: 'failed',
      reason: '550 5.1.1 mailbox unavailable',
      attempts: 1,
    });
    // One cause's messages share a createdAt: the one written later is listed first.
    const sameMomentA = insertNotification(hub.db, {
      patientId: asha.id,
      createdAt: '2026-11-23T02:30:00.000Z',
    });
    const sameMomentB = insertNotification(hub.db, {
      patientId: asha.id,
      createdAt: '2026-11-23T02:30:00.000Z',
      channel: 'email',
    });
    const list = async (filters: Record<string, unknown>) => {
      const result = await hub.call(reception, 'notifications.outbox', { ...page, ...filters });
      return { ids: result.items.map((n) => n.id), total: result.total, items: result.items };
    };

    expect((await list({})).ids).toEqual([sameMomentB.id, sameMomentA.id, earlyOn23.id, lateOn22.id]);
    expect(await list({ channel: 'email' })).toMatchObject({ ids: [sameMomentB.id, earlyOn23.id], total: 2 });
    expect((await list({ state: 'failed' })).ids).toEqual([earlyOn23.id]);
    expect((await list({ kind: 'reminder' })).ids).toEqual([earlyOn23.id]);
    expect((await list({ patientId: asha.id })).ids).toEqual([sameMomentB.id, sameMomentA.id, lateOn22.id]);
    expect((await list({ fromDate: '2026-11-23', toDate: '2026-11-23' })).ids).toEqual([
      sameMomentB.id,
      sameMomentA.id,
      earlyOn23.id,
    ]);
    expect((await list({ toDate: '2026-11-22' })).ids).toEqual([lateOn22.id]);
    expect((await list({ patientId: asha.id, channel: 'sms', fromDate: '2026-11-23' })).ids).toEqual([
      sameMomentA.id,
    ]);
    expect(await list({ limit: 2, offset: 1 })).toMatchObject({
      ids: [sameMomentA.id, earlyOn23.id],
      total: 4,
    });

    const failed = (await list({ state: 'failed' })).items[0];
    expect(failed).toEqual<Notification>({
      id: earlyOn23.id,
      patientId: ravi.id,
      kind: 'reminder',
      channel: 'email',
      language: 'en',
      recipient: 'asha@example.in',
      about: null,
      subject: 'Your appointment',
      body: earlyOn23.body,
      segments: null,
      attachment: null,
      state: 'failed',
      reason: '550 5.1.1 mailbox unavailable',
      attempts: 1,
      dueAt: '2026-11-22T18:30:00.000Z',
      nextAttemptAt: null,
      createdAt: '2026-11-22T18:30:00.000Z',
      sentAt: null,
      readAt: null,
    });

    const backwards = await failureOf(
      hub.call(reception, 'notifications.outbox', { fromDate: '2026-11-23', toDate: '2026-11-22' }),
    );
    expect(backwards).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'toDate' }] });
    const doctor = await hub.signIn('doctor');
    expect((await failureOf(hub.call(doctor, 'notifications.outbox', {}))).code).toBe('FORBIDDEN');
  });

  it('reads through the createdAt or (patientId, createdAt) index, without sorting', async () => {
    hub = await createTestHub();
    const plan = (input: Record<string, unknown>) => {
      const { sql, parameters } = outboxQueries(hub.db, { ...page, ...input }, 'Asia/Kolkata').page.compile();
      return (
        hub.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as {
          detail: string;
        }[]
      )
        .map((r) => r.detail)
        .join('\n');
    };
    for (const input of [
      {},
      { state: 'failed', channel: 'sms' },
      { fromDate: '2026-11-01', toDate: '2026-11-30' },
    ]) {
      const detail = plan(input);
      expect(detail, JSON.stringify(input)).toMatch(/USING INDEX notifications_created/);
      expect(detail, JSON.stringify(input)).not.toMatch(/TEMP B-TREE/);
    }
    const byPatient = plan({ patientId: '00000000-0000-4000-8000-000000000001', fromDate: '2026-11-01' });
    expect(byPatient).toMatch(/USING INDEX notifications_patient \(patientId=\? AND createdAt>\?\)/);
    expect(byPatient).not.toMatch(/TEMP B-TREE/);
  });
});

describe('notifications.retry', () => {
  it('puts a failed message back to pending, due now, audited, and wakes the sender after commit', async () => {
    hub = await createTestHub();
    const reception = await hub.signIn('receptionist');
    const patient = insertPatient(hub.db);
    const failed = insertNotification(hub.db, {
      patientId: patient.id,
      state: 'failed',
      reason: 'SMTP 421: try again later',
      attempts: 5,
      createdAt: '2026-11-22T10:00:00.000Z',
      nextAttemptMs: Date.parse('2026-11-22T11:00:00.000Z'),
      leaseUntilMs: Date.parse('2026-11-22T11:00:30.000Z'),
    });
    let wakes = 0;
    let stateWhenWoken: unknown;
    hub.core.outbox.onWake(() => {
      wakes += 1;
      stateWhenWoken = {
        inTransaction: hub.db.sqlite.inTransaction,
        ...(hub.db.sqlite.prepare('SELECT state FROM notifications WHERE id = ?').get(failed.id) as object),
      };
    });

    const retried = await hub.call(reception, 'notifications.retry', { id: failed.id });
    expect(retried).toMatchObject({
      id: failed.id,
      state: 'pending',
      nextAttemptAt: '2026-11-23T02:30:00.000Z',
      reason: 'SMTP 421: try again later',
      attempts: 5,
    });
    expect(wakes).toBe(1);
    expect(stateWhenWoken).toEqual({ inTransaction: false, state: 'pending' });
    expect(
      hub.db.sqlite
        .prepare('SELECT state, nextAttemptMs, leaseUntilMs, updatedAt FROM notifications WHERE id = ?')
        .get(failed.id),
    ).toEqual({
      state: 'pending',
      nextAttemptMs: Date.parse('2026-11-23T02:30:00.000Z'),
      leaseUntilMs: null,
      updatedAt: '2026-11-23T02:30:00.000Z',
    });
    const audit = hub.db.sqlite
      .prepare("SELECT kind, entity, entityId, patientId FROM audit_log WHERE action = 'notifications.retry'")
      .all();
    expect(audit).toEqual([
      { kind: 'change', entity: 'notifications', entityId: failed.id, patientId: patient.id },
    ]);

    // Now pending: a second retry is refused, naming the state; so are sent and skipped ones.
    const again = await failureOf(hub.call(reception, 'notifications.retry', { id: failed.id }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('pending');
    for (const state of ['sent', 'skipped'] as const) {
      const other = insertNotification(hub.db, {
        state,
        reason: state === 'skipped' ? 'no phone number' : null,
      });
      const refused = await failureOf(hub.call(reception, 'notifications.retry', { id: other.id }));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toContain(state);
    }
    expect(wakes).toBe(1);
    const missing = await failureOf(
      hub.call(reception, 'notifications.retry', { id: '00000000-0000-4000-8000-000000000009' }),
    );
    expect(missing.code).toBe('NOT_FOUND');
    const doctor = await hub.signIn('doctor');
    expect((await failureOf(hub.call(doctor, 'notifications.retry', { id: failed.id }))).code).toBe(
      'FORBIDDEN',
    );
  });
});
