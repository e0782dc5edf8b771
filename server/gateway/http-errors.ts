import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiFailure, type ApiError, type ErrorCode } from '@shared/contract/errors';

/** The one place a contract failure becomes an HTTP status on the patient gateway. */
export const statusOfCode: Record<ErrorCode, number> = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  // The gateway never tells a patient which operations exist for other roles.
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SLOT_TAKEN: 409,
  DOCTOR_NOT_AVAILABLE: 409,
  PATIENT_OVERLAP: 409,
  INVALID_TRANSITION: 409,
  POLICY: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
  UNREACHABLE: 503,
};

/** Without a wait from the hub, a RATE_LIMITED answer asks for this one. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * Every answer that is not a success has this body: `{ error: ApiError }`. A RATE_LIMITED one
 * always has a Retry-After header (the rate limit's own, or the hub throttle's wait).
 */
export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.code === 'RATE_LIMITED') {
    const retryAfterSeconds =
      error.retryAfterSeconds ?? (Number(reply.getHeader('retry-after')) || DEFAULT_RETRY_AFTER_SECONDS);
    reply.header('retry-after', String(retryAfterSeconds));
    return reply.code(429).send({ error: { ...error, retryAfterSeconds } });
  }
  return reply.code(statusOfCode[error.code]).send({ error });
}

/**
 * Maps what a route throws to the error body: contract failures by their code, request-schema
 * failures as VALIDATION naming each field, the rate limit as RATE_LIMITED (with Retry-After), Fastify's own 4xx (bad JSON, too large) by their status; anything
 * else is logged and answered 500 without details.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiFailure, request, reply) => {
    if (error instanceof ApiFailure) return sendError(reply, error.error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        field: fieldOf(issue.instancePath, issue.params) || error.validationContext || 'body',
        message: issue.message ?? 'is not valid',
      }));
      return sendError(reply, {
        code: 'VALIDATION',
        message: `Please correct: ${fields.map((f) => f.field).join(', ')}`,
        fields,
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return sendError(reply, { code: 'RATE_LIMITED', message: error.message });
    }
    if (status === 413) return sendError(reply, { code: 'PAYLOAD_TOO_LARGE', message: error.message });
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: { code: 'VALIDATION', message: error.message } });
    }
    request.log.error({ err: error }, 'patient gateway: request failed');
    return sendError(reply, { code: 'INTERNAL', message: 'Something went wrong on the clinic’s hub.' });
  });
  app.setNotFoundHandler((_request, reply) =>
    sendError(reply, { code: 'NOT_FOUND', message: 'No such page in the clinic’s patient API.' }),
  );
}

/** `/login` → `login`, `/items/0/name` → `items.0.name`; an unknown key names itself. */
function fieldOf(instancePath: string, params: unknown): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const keys = (params as { keys?: string[] } | undefined)?.keys;
  if (keys?.length) return [path, keys.join(',')].filter(Boolean).join('.');
  return path;
}
