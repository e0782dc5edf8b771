import { sql } from 'kysely';
import { failure } from '@shared/contract/errors';
import type { ParsedInputOf } from '@shared/contract/index';
import { type HandlerMap, handler } from '@server/core/handler';
import type { Db } from '@server/db/database';
import { clinicDayBounds } from '@server/handlers/billing/clinic-day';
import { staffNotificationFromRow } from '@server/notifications/notification-row';

type OutboxInput = ParsedInputOf<'notifications.outbox'>;

/**
 * The page and the count of the outbox filtered by `input`. createdAt and (patientId, createdAt)
 * are indexed; kind, channel and state narrow those rows. One transaction writes a cause's
 * messages with one createdAt: rowid (insertion order, part of every index) keeps the order
 * stable, without a sort.
 */
export function outboxQueries(db: Db, input: OutboxInput, zone: string) {
  let query = db.q.selectFrom('notifications');
  if (input.patientId) query = query.where('patientId', '=', input.patientId);
  if (input.fromDate) query = query.where('createdAt', '>=', clinicDayBounds(input.fromDate, zone).from);
  if (input.toDate) query = query.where('createdAt', '<', clinicDayBounds(input.toDate, zone).to);
  if (input.kind) query = query.where('kind', '=', input.kind);
  if (input.channel) query = query.where('channel', '=', input.channel);
  if (input.state) query = query.where('state', '=', input.state);
  return {
    page: query
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy(sql`rowid`, 'desc')
      .limit(input.limit)
      .offset(input.offset),
    count: query.select((eb) => eb.fn.countAll<number>().as('n')),
  };
}

/**
 * The outbox as staff see it (docs/architecture.md, "Messages"): every message the clinic made,
 * newest first, and sending a failed one again. Hub only: notifications are not synced.
 */
export const outboxHandlers: HandlerMap = {
  'notifications.outbox': handler('notifications.outbox', {
    run: (input, ctx) => {
      if (input.fromDate && input.toDate && input.toDate < input.fromDate) {
        throw failure('VALIDATION', 'The end date is before the start date.', {
          fields: [{ field: 'toDate', message: 'must not be before fromDate' }],
        });
      }
      const { page, count } = outboxQueries(ctx.db, input, ctx.settings().timeZone);
      const rows = ctx.db.all(page);
      const total = ctx.db.first(count);
      return { items: rows.map(staffNotificationFromRow), total: Number(total?.n ?? 0) };
    },
  }),

  'notifications.retry': handler('notifications.retry', {
    run: (input, ctx) => {
      const { db } = ctx;
      const row = db.first(db.q.selectFrom('notifications').selectAll().where('id', '=', input.id));
      if (!row) throw failure('NOT_FOUND', 'That message does not exist.');
      if (row.state !== 'failed') {
        throw failure(
          'CONFLICT',
          `This message is ${row.state}, not failed: only a failed message can be sent again.`,
        );
      }
      const nowMs = Date.parse(ctx.now);
      db.run(
        db.q
          .updateTable('notifications')
          .set({ state: 'pending', nextAttemptMs: nowMs, leaseUntilMs: null, updatedAt: ctx.now })
          .where('id', '=', row.id)
          .where('state', '=', 'failed'),
      );
      ctx.audit({
        kind: 'change',
        action: 'notifications.retry',
        entity: 'notifications',
        entityId: row.id,
        patientId: row.patientId,
        details: { kind: row.kind, channel: row.channel, attempts: row.attempts, reason: row.reason },
      });
      ctx.afterCommit(() => ctx.hub.outbox.wake());
      const after = db.first(db.q.selectFrom('notifications').selectAll().where('id', '=', row.id));
      return staffNotificationFromRow(after!);
    },
  }),
};
