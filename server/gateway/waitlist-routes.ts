import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { InputOf, OperationName, ResultOf } from '@shared/contract/index';
import { byIdSchema } from '@shared/contract/common';
import { idSchema, isoDateSchema, text } from '@shared/domain/common.schema';
import { patientWaitlistEntrySchema } from '@shared/gateway/waitlist.schema';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { API_PREFIX } from './auth-routes';
import { patientCaller } from './patient-session';
import { storedId } from './retry-key';

/**
 * Joining: a doctor and a range of dates, for the session's own patient. `id` (optional) is a
 * retry key: a retried request answers the entry it made instead of joining twice; the entry's
 * own id is derived from it and the patient (retry-key.ts), so it differs from the key.
 */
const joinBodySchema = z.strictObject({
  id: idSchema.optional(),
  doctorId: idSchema,
  fromDate: isoDateSchema,
  toDate: isoDateSchema,
  note: text(300).default(''),
});

interface RouteDeps {
  core: HubCore;
  dispatcher: Dispatcher;
}

/**
 * The patient's waiting list (issue 19, item 3; docs/product.md §11): list, join and leave,
 * thin adapters over waitlist.list, waitlist.join and waitlist.cancel. Another patient's entry
 * id answers like a missing one.
 */
export function registerWaitlistRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const call = async <N extends OperationName>(request: FastifyRequest, name: N, input: InputOf<N>) =>
    (await deps.dispatcher.call(name, input, patientCaller(deps.core, request))) as ResultOf<N>;

  typed.get(
    `${API_PREFIX}/waitlist`,
    { schema: { response: { 200: z.array(patientWaitlistEntrySchema) } } },
    (request) => call(request, 'waitlist.list', {}),
  );
  typed.post(
    `${API_PREFIX}/waitlist`,
    { schema: { body: joinBodySchema, response: { 200: patientWaitlistEntrySchema } } },
    async (request) => {
      const me = await call(request, 'patients.me', {});
      const { id: retryKey, ...asked } = request.body;
      const id = storedId('waitlist-entry', me.id, retryKey);
      return call(request, 'waitlist.join', { id, patientId: me.id, ...asked });
    },
  );
  typed.delete(
    `${API_PREFIX}/waitlist/:id`,
    { schema: { params: byIdSchema, response: { 200: patientWaitlistEntrySchema } } },
    (request) => call(request, 'waitlist.cancel', { id: request.params.id }),
  );
}
