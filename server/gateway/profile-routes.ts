import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contract, type InputOf, type OperationName, type ResultOf } from '@shared/contract/index';
import { okSchema } from '@shared/contract/common';
import { patchOf } from '@shared/domain/common.schema';
import { notificationSchema } from '@shared/domain/notification.schema';
import { patientDetailsSchema, patientSchema } from '@shared/domain/patient.schema';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { API_PREFIX } from './auth-routes';
import { patientCaller } from './patient-session';

/** The patient's own record as the app shows it: no provisional code or bookkeeping times. */
export const patientProfileSchema = z.object(
  patientSchema.omit({ provisionalCode: true, createdAt: true, updatedAt: true }).shape,
);

/**
 * What a patient may change themselves (docs/product.md §14 "profile"): how the clinic reaches
 * them (phone, e-mail, address, emergency contact) and how it messages them (language, channels
 * opted out, PDFs by e-mail). Who they are (name, date of birth, sex, patient code) and the
 * medical facts (allergies, conditions, blood group) and insurance stay with the clinic's staff,
 * who check them. The phone can be changed but not removed: it is how they sign in and get codes.
 * Any other key is refused with 422 naming it.
 */
export const profilePatchSchema = patchOf(patientDetailsSchema)
  .pick({
    email: true,
    address: true,
    emergencyContact: true,
    preferredLanguage: true,
    messageOptOuts: true,
    emailAttachments: true,
  })
  .extend({ phone: patientDetailsSchema.shape.phone.unwrap().unwrap().optional() });

/** An in-app message as its reader sees it: not its delivery bookkeeping. */
export const patientNotificationSchema = z.object(
  notificationSchema.pick({
    id: true,
    kind: true,
    about: true,
    subject: true,
    body: true,
    createdAt: true,
    sentAt: true,
    readAt: true,
  }).shape,
);

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
