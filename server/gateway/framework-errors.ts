import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '@shared/contract/errors';
import { sendError } from './http-errors';

/**
 * What Fastify's router refuses before any route runs (a path it cannot decode, a path parameter
 * longer than its limit): answered like any missing page, in the one error body. An over-long
 * id is no one's record, so it gets the same 404 as a missing id.
 */
export function answerFrameworkError(_error: Error, _request: FastifyRequest, reply: FastifyReply): void {
  void sendError(reply, { code: 'NOT_FOUND', message: 'No such page in the clinic’s patient API.' });
}

const clientErrors: Record<string, { status: number; reason: string; error: ApiError }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    error: { code: 'VALIDATION', message: 'The request took too long to arrive; please try again.' },
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    error: { code: 'VALIDATION', message: 'The request’s address or headers are too large.' },
  },
};

const badRequest = {
  status: 400,
  reason: 'Bad Request',
  error: { code: 'VALIDATION', message: 'The request could not be read.' } satisfies ApiError,
};

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers or request line too
 * large, a request too slow to arrive, malformed HTTP): the status Node would send, with the one
 * error body the app reads everywhere else, and the connection closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const answer = clientErrors[error.code ?? ''] ?? badRequest;
  const body = JSON.stringify({ error: answer.error });
  socket.write(
    `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  );
  socket.destroy();
}
