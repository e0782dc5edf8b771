import type { z } from 'zod';

export type OperationKind = 'command' | 'query';

/** One contract operation: its input schema (validated at every boundary) and its result schema. */
export interface Operation<
  I extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  K extends OperationKind = OperationKind,
> {
  kind: K;
  summary: string;
  input: I;
  result: R;
}

/** A change: goes through the outbox on a desktop and the change log on the hub. */
export function command<I extends z.ZodType, R extends z.ZodType>(
  summary: string,
  input: I,
  result: R,
): Operation<I, R, 'command'> {
  return { kind: 'command', summary, input, result };
}

/** A read: served from a desktop's replica or by the hub. */
export function query<I extends z.ZodType, R extends z.ZodType>(
  summary: string,
  input: I,
  result: R,
): Operation<I, R, 'query'> {
  return { kind: 'query', summary, input, result };
}
