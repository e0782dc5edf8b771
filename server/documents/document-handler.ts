import type { OperationName, ParsedInputOf, ResultOf } from '@shared/contract/index';
import { notFound, type RecordKind } from '@shared/contract/not-found';
import type { OwnResource } from '@shared/permissions/own-scope';
import { type HandlerContext, handler } from '@server/core/handler';
import { assertOwn } from '@server/repositories/ownership';

/** What `prepare` gets: the handler context without the in-transaction parts. */
export type ReadContext = Omit<HandlerContext, 'changed' | 'audit' | 'afterCommit'>;

/** What a document's loader reads with: the hub's delivery worker has no caller, only this. */
export type DocumentReader = Pick<ReadContext, 'db' | 'settings' | 'now' | 'scope' | 'actor'>;

export interface MadeDocument {
  fileName: string;
  bytes: Uint8Array;
}

/** The contract's document shape: a PDF, base64-encoded so every transport can carry it. */
export function pdfResult(document: MadeDocument) {
  return {
    fileName: document.fileName,
    mimeType: 'application/pdf' as const,
    base64: Buffer.from(document.bytes).toString('base64'),
  };
}

/**
 * Loads a record the caller may see under the policy's scope (own-scope.ts), or fails with the
 * same NOT_FOUND as for a missing one (docs/architecture.md (Security invariants)).
 */
export function requireVisible<T extends Record<string, unknown>>(
  ctx: Pick<HandlerContext, 'db' | 'scope' | 'actor'>,
  resource: OwnResource,
  record: T | null | undefined,
  kind: RecordKind,
): T {
  if (!record) throw notFound(kind);
  assertOwn(ctx, resource, record, kind);
  return record;
}

/**
 * A handler that answers with a generated document. pdf-lib is asynchronous and a document takes
 * tens of milliseconds, so the work happens in `prepare`, outside the write transaction: `load`
 * reads everything the document shows in one synchronous step (one consistent view) and enforces
 * ownership; `render` draws it. `run` then only records what must be recorded (the audit entry
 * for medical content) inside the transaction and returns the file. Handlers import their
 * `render…` module when first asked for a document: pdf-lib and fontkit add about 40 MB to a hub
 * process, which a hub that never prints need not carry.
 */
export function documentHandler<N extends OperationName, D>(
  name: N,
  spec: {
    load: (input: ParsedInputOf<N>, ctx: ReadContext) => D;
    render: (data: D, input: ParsedInputOf<N>, ctx: ReadContext) => Promise<ResultOf<N>>;
    audit?: (data: D, input: ParsedInputOf<N>, ctx: HandlerContext) => void;
  },
) {
  return handler<N, { data: D; result: ResultOf<N> }>(name, {
    prepare: async (input, ctx) => {
      const data = spec.load(input, ctx);
      return { data, result: await spec.render(data, input, ctx) };
    },
    run: (input, ctx, prepared) => {
      spec.audit?.(prepared.data, input, ctx);
      return prepared.result;
    },
  });
}
