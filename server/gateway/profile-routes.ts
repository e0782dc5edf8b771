import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contract, type InputOf, type OperationName, type ResultOf } from '@shared/contract/index';
import { okSchema } from '@shared/contract/common';
import {
  patientProfileSchema,
  profilePatchSchema,
  patientNotificationSchema,
} from '@shared/gateway/profile.schema';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { API_PREFIX } from './auth-routes';
import { patientCaller } from './patient-session';

const inboxQuerySchema = z.strictObject({
  unreadOnly: z.enum(['true', 'false']).default('false'),
});

interface RouteDeps {
  core: HubCore;
  dispatcher: Dispatcher;
}

/**
 * The patient's profile and in-app messages (issue 19, item 3): thin adapters over patients.me,
 * patients.update (always on the session's own record), notifications.inbox and
 * notifications.markRead (which ignores ids that are not the caller's own messages).
 */
export function registerProfileRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const call = async <N extends OperationName>(request: FastifyRequest, name: N, input: InputOf<N>) =>
    (await deps.dispatcher.call(name, input, patientCaller(deps.core, request))) as ResultOf<N>;

  typed.get(`${API_PREFIX}/profile`, { schema: { response: { 200: patientProfileSchema } } }, (request) =>
    call(request, 'patients.me', {}),
  );
  typed.patch(
    `${API_PREFIX}/profile`,
    { schema: { body: profilePatchSchema, response: { 200: patientProfileSchema } } },
    async (request) => {
      const me = await call(request, 'patients.me', {});
      return call(request, 'patients.update', { id: me.id, details: request.body });
    },
  );

  typed.get(
    `${API_PREFIX}/notifications`,
    {
      schema: {
        querystring: inboxQuerySchema,
        response: {
          200: z.object({
            items: z.array(patientNotificationSchema),
            /** Unread messages in the inbox (the app's badge). */
            unread: z.number().int().min(0),
          }),
        },
      },
    },
    async (request) => {
      const unreadOnly = request.query.unreadOnly === 'true';
      const items = await call(request, 'notifications.inbox', { unreadOnly });
      const unread = unreadOnly ? items : await call(request, 'notifications.inbox', { unreadOnly: true });
      return { items, unread: unread.length };
    },
  );
  typed.post(
    `${API_PREFIX}/notifications/read`,
    { schema: { body: contract['notifications.markRead'].input, response: { 200: okSchema } } },
    (request) => call(request, 'notifications.markRead', request.body),
  );
}
