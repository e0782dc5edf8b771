import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contract, type InputOf, type OperationName, type ResultOf } from '@shared/contract/index';
import { okSchema } from '@shared/contract/common';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { API_PREFIX } from './auth-routes';
import { patientCaller } from './patient-session';

interface RouteDeps {
  core: HubCore;
  dispatcher: Dispatcher;
}

/**
 * Web Push for the companion app (issue 20, item 3): the hub's VAPID public key, and the
 * session's own browser subscriptions (the PushSubscription JSON the browser gives; removed by
 * endpoint). Thin adapters over push.publicKey, push.subscribe and push.unsubscribe.
 */
export function registerPushRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const call = async <N extends OperationName>(request: FastifyRequest, name: N, input: InputOf<N>) =>
    (await deps.dispatcher.call(name, input, patientCaller(deps.core, request))) as ResultOf<N>;

  typed.get(
    `${API_PREFIX}/push/key`,
    { schema: { response: { 200: contract['push.publicKey'].result } } },
    (request) => call(request, 'push.publicKey', {}),
  );
  typed.post(
    `${API_PREFIX}/push/subscriptions`,
    { schema: { body: contract['push.subscribe'].input, response: { 200: okSchema } } },
    (request) => call(request, 'push.subscribe', request.body),
  );
  typed.delete(
    `${API_PREFIX}/push/subscriptions`,
    { schema: { body: contract['push.unsubscribe'].input, response: { 200: okSchema } } },
    (request) => call(request, 'push.unsubscribe', request.body),
  );
}
