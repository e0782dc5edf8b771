import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contract, type OperationName } from '@shared/contract/index';
import { API_PREFIX } from '@shared/gateway/api-prefix';
import type { Caller, Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { anonymousCaller, patientCaller } from './patient-session';

export { API_PREFIX };

interface RouteDeps {
  core: HubCore;
  dispatcher: Dispatcher;
  /** Requests per IP address per window on the anonymous account routes (stricter than the rest). */
  authLimit: RequestLimit;
  /** Requests per IP address per window on sign-up, which writes records and sends SMS (stricter still). */
  signUpLimit: RequestLimit;
}

export interface RequestLimit {
  max: number;
  windowMs: number;
}

/** Anonymous POSTs: the body is the contract operation's input, the answer its result. */
const publicPosts = [
  ['/auth/sign-up', 'auth.patientSignUp'],
  ['/auth/activation-code', 'auth.requestActivation'],
  ['/auth/activate', 'auth.activate'],
  ['/auth/login', 'auth.patientLogin'],
  ['/auth/password-reset-code', 'auth.requestPasswordReset'],
  ['/auth/password-reset', 'auth.resetPassword'],
] as const satisfies readonly (readonly [string, OperationName])[];

/**
 * The only /api/v1 routes that need no session (the OpenAPI document gives every other one 401):
 * the account routes, and the clinic's name and contact details for the welcome screen.
 */
export const PUBLIC_ROUTES: readonly string[] = [
  ...publicPosts.map(([path]) => `POST ${API_PREFIX}${path}`),
  `GET ${API_PREFIX}/clinic`,
];

/**
 * The patient's account routes (issue 19, item 2), each a thin adapter over its contract
 * operation: the request is checked against the operation's own zod input schema (the same
 * schemas will give the OpenAPI document), and the dispatcher does the rest with the client's
 * real address as the sign-in throttle's source.
 */
export function registerAuthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const call = (name: OperationName, input: unknown, caller: Caller) =>
    deps.dispatcher.call(name, input, caller);

  for (const [path, name] of publicPosts) {
    const operation = contract[name];
    const limit = name === 'auth.patientSignUp' ? deps.signUpLimit : deps.authLimit;
    typed.post(
      `${API_PREFIX}${path}`,
      {
        schema: { body: operation.input, response: { 200: operation.result } },
        config: { rateLimit: { max: limit.max, timeWindow: limit.windowMs } },
      },
      (request) => call(name, request.body, anonymousCaller(request)) as never,
    );
  }

  const signedIn = (request: FastifyRequest) => patientCaller(deps.core, request);
  typed.post(
    `${API_PREFIX}/auth/logout`,
    { schema: { response: { 200: contract['auth.logout'].result } } },
    (request) => call('auth.logout', {}, signedIn(request)) as never,
  );
  typed.get(
    `${API_PREFIX}/me`,
    { schema: { response: { 200: contract['auth.session'].result } } },
    (request) => call('auth.session', {}, signedIn(request)) as never,
  );
}
