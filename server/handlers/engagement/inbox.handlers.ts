import { type HandlerMap, handler } from '@server/core/handler';
import { notifyInbox } from '@server/notifications/message-writes.repository';
import { inboxOf, markInboxRead } from '@server/notifications/outbox.repository';
import { requireActor } from '@server/repositories/ownership';

/**
 * The companion app's inbox (docs/product.md §10): a patient sees and marks read only their own delivered
 * in-app messages. Another patient's id is ignored without a word, so nothing says it exists.
 */
export const inboxHandlers: HandlerMap = {
  'notifications.inbox': handler('notifications.inbox', {
    run: (input, ctx) => {
      const patientId = requireActor(ctx).patientId;
      return patientId ? inboxOf(ctx.db, patientId, input.unreadOnly) : [];
    },
  }),
  'notifications.markRead': handler('notifications.markRead', {
    run: (input, ctx) => {
      const patientId = requireActor(ctx).patientId;
      if (patientId && markInboxRead(ctx.db, patientId, input.ids, ctx.now) > 0) {
        // The app's other sessions update their unread badge.
        ctx.afterCommit(() => notifyInbox(ctx, patientId));
      }
      return { ok: true as const };
    },
  }),
};
