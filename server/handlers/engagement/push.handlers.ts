import { failure } from '@shared/contract/errors';
import { type HandlerMap, handler } from '@server/core/handler';
import { vapidPublicKey } from '@server/notifications/push-keys.repository';
import {
  removePushSubscription,
  savePushSubscription,
} from '@server/notifications/push-subscriptions.repository';
import { requireActor } from '@server/repositories/ownership';

/**
 * Web Push subscriptions of the signed-in patient's browsers (issue 20). The VAPID private key
 * is never answered; an endpoint must be https (a test hub may allow http://127.0.0.1).
 */
export const pushHandlers: HandlerMap = {
  'push.publicKey': handler('push.publicKey', {
    run: (_input, ctx) => {
      requireActor(ctx);
      const publicKey = vapidPublicKey(ctx.db);
      if (!publicKey) throw failure('POLICY', 'Notifications to phones are not set up on this hub.');
      return { publicKey };
    },
  }),
  'push.subscribe': handler('push.subscribe', {
    run: (input, ctx) => {
      const patientId = requireActor(ctx).patientId;
      if (!patientId) throw failure('FORBIDDEN', 'Only a patient’s app can subscribe to notifications.');
      const problem = ctx.hub.push.endpointProblem(input.endpoint);
      if (problem)
        throw failure('VALIDATION', `endpoint ${problem}`, {
          fields: [{ field: 'endpoint', message: problem }],
        });
      savePushSubscription(
        ctx.db,
        { patientId, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth },
        ctx.now,
      );
      return { ok: true as const };
    },
  }),
  'push.unsubscribe': handler('push.unsubscribe', {
    run: (input, ctx) => {
      const patientId = requireActor(ctx).patientId;
      if (patientId) removePushSubscription(ctx.db, patientId, input.endpoint);
      return { ok: true as const };
    },
  }),
};
