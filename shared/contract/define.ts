import type { z } from 'zod';

export type OperationKind = 'command' | 'query';

/**
 * Where a desktop's client core runs an operation (docs/architecture.md (main/client-core — the
 * offline-first desktop)), declared by every operation so a new one cannot forget it:
 * - `replica`: a query answered from the desktop's replica, online or not;
 * - `queue`: a command applied to the replica at once and queued in the outbox, online or not
 *   (online, the caller waits for the hub's verdict);
 * - `online-only`: forwarded to the hub; offline the desktop answers UNREACHABLE (needs the hub).
 */
export type OfflineMode = 'replica' | 'queue' | 'online-only';

/** A value a provisional record shows: a literal, or the value of another field of the record. */
export type ProvisionalValue = string | number | boolean | null | { from: string };

/**
 * How a queued command marks the record it creates as provisional until the hub has accepted it
 * (docs/architecture.md: Provisional): the fields only the hub assigns show `set` instead, in the
 * replica's row and in the result. A `from` field that is null leaves the record unmarked.
 */
export interface ProvisionalMark<In = Record<string, unknown>, Out = Record<string, unknown>> {
  /** The replica table holding the record. */
  table: string;
  /** The input field naming the record's id. */
  id: Extract<keyof In, string>;
  /** The result field holding the record (absent: the result is the record). */
  result?: Extract<keyof Out, string>;
  set: Record<string, ProvisionalValue>;
  /** An input field a desktop offline fills with a provisional code of its own (TMP-…). */
  offlineCode?: Extract<keyof In, string>;
}

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
  offline: OfflineMode;
  provisional?: ProvisionalMark;
}

/** A change: goes through the outbox on a desktop (`queue`) or straight to the hub, and the change log on the hub. */
export function command<I extends z.ZodType, R extends z.ZodType>(
  summary: string,
  input: I,
  result: R,
  ...offline: ['online-only'] | ['queue', ProvisionalMark<z.output<NoInfer<I>>, z.output<NoInfer<R>>>?]
): Operation<I, R, 'command'> {
  const [mode, provisional] = offline;
  return {
    kind: 'command',
    summary,
    input,
    result,
    offline: mode,
    ...(provisional && { provisional: provisional as ProvisionalMark }),
  };
}

/** A read: served from a desktop's replica (`replica`) or by the hub (`online-only`). */
export function query<I extends z.ZodType, R extends z.ZodType>(
  summary: string,
  input: I,
  result: R,
  offline: 'replica' | 'online-only',
): Operation<I, R, 'query'> {
  return { kind: 'query', summary, input, result, offline };
}
