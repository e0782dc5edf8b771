import type { FastifyRequest } from 'fastify';
import { failure } from '@shared/contract/errors';
import type { Caller } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';

/** The device id of callers that have not signed in (sign-up, asking for a code). */
export const APP_DEVICE = 'patient-app';

const NOT_SIGNED_IN = 'Please sign in to the app again.';

/** The dispatcher's caller for a request that needs no session: the client's real address. */
export function anonymousCaller(request: FastifyRequest): Caller {
  return { token: null, deviceId: APP_DEVICE, address: request.ip };
}

/**
 * The caller of a signed-in request: `Authorization: Bearer <token>`, the opaque session token
 * the sign-in answered (stored hashed by the hub, with its idle and absolute expiry). Only a
 * patient's session is accepted here; a staff token gets the same 401 as a wrong or expired one,
 * so the gateway never confirms that a token is a staff one.
 */
export function patientCaller(core: HubCore, request: FastifyRequest): Caller {
  const match = /^Bearer ([A-Za-z0-9_-]{22,200})$/.exec(request.headers.authorization ?? '');
  if (!match) throw failure('UNAUTHENTICATED', NOT_SIGNED_IN);
  const token = match[1]!;
  let actor;
  try {
    actor = core.authenticate(token, APP_DEVICE);
  } catch {
    throw failure('UNAUTHENTICATED', NOT_SIGNED_IN);
  }
  if (actor.role !== 'patient' || !actor.patientId) throw failure('UNAUTHENTICATED', NOT_SIGNED_IN);
  return { token, deviceId: actor.deviceId, address: request.ip };
}
