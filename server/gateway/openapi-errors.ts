import type { RouteOptions } from 'fastify';
import { z } from 'zod';
import { apiErrorSchema, errorCodes, type ErrorCode } from '@shared/contract/errors';
import { API_PREFIX, PUBLIC_ROUTES } from './auth-routes';
import { GATEWAY_BODY_LIMIT_BYTES } from './gateway-limits';
import { statusOfCode } from './http-errors';

/** What each documented error status means to the app (the body is always `{ error: ApiError }`). */
const meaning = {
  401: 'Not signed in: no session token, or a wrong, expired or staff one (all answered alike).',
  404: 'No such record for this patient: another patient’s id answers exactly like a missing one.',
  409:
    'Refused by the clinic’s rules: SLOT_TAKEN (nextSlots lists the next free slots to offer), ' +
    'POLICY (outside the clinic’s booking or cancellation policy), CONFLICT, INVALID_TRANSITION, ' +
    'DOCTOR_NOT_AVAILABLE or PATIENT_OVERLAP.',
  413: `The request body is larger than ${GATEWAY_BODY_LIMIT_BYTES / 1024} KiB.`,
  422: 'Bad input: VALIDATION, with fields naming each field to correct.',
  429: 'Too many requests: wait the Retry-After header’s seconds (the limit always ends).',
} as const;

export type ErrorStatus = keyof typeof meaning;

/** The error body of one status, its codes narrowed to those `statusOfCode` sends with it. */
function errorBody(status: ErrorStatus) {
  const codes = errorCodes.filter((code) => statusOfCode[code] === status) as [ErrorCode, ...ErrorCode[]];
  return z.strictObject({ error: apiErrorSchema.extend({ code: z.enum(codes) }) }).describe(meaning[status]);
}

const errorBodies = Object.fromEntries(
  Object.keys(meaning).map((status) => [status, errorBody(Number(status) as ErrorStatus)]),
) as Record<ErrorStatus, ReturnType<typeof errorBody>>;

/**
 * The error answers a route can give, by its kind (issue 19, item 4): every route can be slowed
 * down (429); every route but the sign-in ones needs a session (401); a route with an `:id`
 * can miss (404); a command (not GET) can be refused by the clinic's rules (409) or be too large
 * (413); a route with input can be bad input (422).
 */
export function errorStatusesOf(route: Pick<RouteOptions, 'method' | 'url' | 'schema'>): ErrorStatus[] {
  const methods = [route.method].flat();
  const command = methods.some((method) => method !== 'GET' && method !== 'HEAD');
  const signedIn = !methods.some((method) => PUBLIC_ROUTES.includes(`${method} ${route.url}`));
  const schema = route.schema ?? {};
  const input = Boolean(schema.body ?? schema.querystring ?? schema.params) || route.url.includes(':');
  return [
    ...(signedIn ? [401 as const] : []),
    ...(route.url.includes(':') ? [404 as const] : []),
    ...(command ? [409 as const, 413 as const] : []),
    ...(input ? [422 as const] : []),
    429 as const,
  ];
}

/**
 * Adds the error answers to every /api/v1 route's response schema as it is registered (and the
 * bearer token to the signed-in ones), so each
 * route file declares only its success and the document lists its errors all the same. The
 * schemas also check what is sent: an error body of the wrong shape answers 500.
 */
export function documentErrorResponses(route: RouteOptions): void {
  if (!route.url.startsWith(`${API_PREFIX}/`)) return;
  const response = { ...(route.schema?.response as Record<string, unknown> | undefined) };
  const statuses = errorStatusesOf(route);
  for (const status of statuses) response[status] ??= errorBodies[status];
  // A signed-in route takes the session token as `Authorization: Bearer` (the docs page's Authorize).
  const security = statuses.includes(401) ? { security: [{ bearer: [] }] } : {};
  route.schema = { ...security, ...route.schema, response };
}

/** The Retry-After header of every 429 answer, in the JSON schema the document is made from. */
export function withRetryAfter(response: Record<string, unknown> | undefined): void {
  const limited = response?.['429'] as { headers?: unknown } | undefined;
  if (!limited) return;
  limited.headers = {
    'Retry-After': { type: 'integer', minimum: 1, description: 'Seconds to wait before trying again.' },
  };
}
