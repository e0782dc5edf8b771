import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChangeHint } from '@shared/contract/change-hint';
import { type ApiError, ApiFailure, failure } from '@shared/contract/errors';
import { deviceSchema } from '@shared/domain/user.schema';
import { fieldErrors } from '@shared/validation/format-error';

/** Every acknowledged message is answered with this shape, like an HTTP status + body. */
export type Reply<T = unknown> = ({ ok: true; result: T } | { ok: false; error: ApiError }) & {
  /** The hub's clock when it answered a `call` (browsers judge time-bound actions by it). */
  serverTime?: string;
  /** What a successful command `call` wrote (the hint its `sync.poke` carries). */
  changed?: ChangeHint;
};
export type Ack = (reply: Reply) => void;

/** What a client states when it connects; the token alone decides who it is. */
export const handshakeAuthSchema = z.object({
  token: z.string().min(1).max(200).nullish(),
  deviceId: z.string().min(1).max(100),
  /** The desktop's persistent sync client id (numbers its mutations); browsers may omit it. */
  clientId: z.string().min(8).max(100).nullish(),
  kind: deviceSchema.shape.kind.default('desktop'),
  deviceName: z.string().max(100).default(''),
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

export const callMessageSchema = z.strictObject({ name: z.string().max(100), input: z.unknown() });
export const authMessageSchema = z.strictObject({ token: z.string().min(1).max(200).nullable() });

/** Parses a message, or throws VALIDATION naming the bad fields. */
export function parseMessage<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = fieldErrors(parsed.error);
  throw failure('VALIDATION', `The ${what} message is malformed: ${fields.map((f) => f.field).join(', ')}`, {
    fields,
  });
}

/** Deepest nesting of objects and arrays a message may have; real messages stay far below it. */
export const MAX_MESSAGE_DEPTH = 64;

/**
 * Refuses a message nested deeper than `maxDepth` with VALIDATION. Iterative, so that a message
 * nested 100,000 deep is refused here instead of overflowing the stack of a recursive walker
 * (JSON.stringify, zod) later.
 */
export function assertMessageDepth(value: unknown, maxDepth = MAX_MESSAGE_DEPTH): void {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== 'object' || item === null || ArrayBuffer.isView(item)) continue;
    if (item instanceof ArrayBuffer) continue;
    if (depth >= maxDepth) {
      throw failure('VALIDATION', `This message is nested too deeply (more than ${maxDepth} levels).`, {
        fields: [{ field: 'message', message: `is nested more than ${maxDepth} levels deep` }],
      });
    }
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
}

/** Size of a message as it travels (JSON), to refuse oversized ones with a clear error. */
export function payloadBytes(value: unknown): number {
  if (value === undefined) return 0;
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

export function assertPayloadSize(value: unknown, limit: number): void {
  const size = payloadBytes(value);
  if (size > limit) {
    throw failure(
      'PAYLOAD_TOO_LARGE',
      `This message is ${(size / 1_048_576).toFixed(1)} MB; the hub accepts at most ${(limit / 1_048_576).toFixed(1)} MB.`,
    );
  }
}

/** ApiFailures travel as they are; anything else is a hub bug: logged, and reported without details. */
export function toApiError(error: unknown, logger: Logger, context: Record<string, unknown> = {}): ApiError {
  if (error instanceof ApiFailure) return error.error;
  logger.error({ err: error, ...context }, 'unexpected error while handling a socket message');
  return { code: 'INTERNAL', message: 'Something went wrong on the hub. Please try again.' };
}
