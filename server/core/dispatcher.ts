import { randomUUID } from 'node:crypto';
import { contract, isOperationName, type OperationName } from '@shared/contract/index';
import { type ChangeHint, changeHint } from '@shared/contract/change-hint';
import { ApiFailure, failure } from '@shared/contract/errors';
import type { SyncedEntity } from '@shared/contract/sync.contract';
import type { Actor } from '@shared/domain/user.schema';
import { authorize } from '@shared/permissions/authorize';
import { fieldErrors } from '@shared/validation/format-error';
import { type ParameterOf, preparedQuery } from '@server/db/prepared-query';
import type { ChangeTable } from '@server/db/tables';
import { type ChangedRow, planMessages } from '@server/notifications/message-triggers';
import type { AuditEntry } from './audit-log.repository';
import type { AuthorClaim } from './author-time';
import { claimTargetOf } from './claim-refusals';
import { refusalOf } from './db-refusals';
import type { HandlerContext, HandlerMap } from './handler';
import type { HubCore } from './hub-core';
import { ReadMemo, readMemoOf } from './read-memo';

/** Who is calling, as the transport knows it. The session, not the payload, decides who acts. */
export interface Caller {
  token: string | null;
  deviceId: string;
  /** The client's network address; leave it out only for callers on this machine (see `source`). */
  address?: string;
}

export interface Dispatcher {
  call(name: string, input: unknown, caller: Caller): Promise<unknown>;
  /**
   * `call`, and for a command what it wrote: the hint its poke carries (no tables: nothing
   * synced), so that the caller's own window refetches only what depends on it.
   */
  callWithHint(
    name: string,
    input: unknown,
    caller: Caller,
  ): Promise<{ result: unknown; changed?: ChangeHint }>;
  /** Runs an operation for an actor already resolved from a session (sync push uses this). */
  execute(
    name: OperationName,
    input: unknown,
    actor: Actor | null,
    caller: Caller,
    options?: ExecuteOptions,
  ): Promise<unknown>;
  /**
   * `execute` in two steps, for callers that run several operations under one durable commit
   * (sync push): validation, authorization and `prepare` now; `run` inside the caller's
   * transaction; `committed` once that transaction has committed.
   */
  prepare(
    name: OperationName,
    input: unknown,
    actor: Actor | null,
    caller: Caller,
    options?: ExecuteOptions,
  ): Promise<PreparedOperation>;
  /** Whether the operation has an async `prepare` step (it may read what earlier operations wrote). */
  hasPrepareStep(name: OperationName): boolean;
}

export interface PreparedOperation {
  /**
   * Runs the handler, the change log, the audit entries and `inTransaction` in one transaction
   * (a savepoint inside the caller's). Database refusals become contract errors (refusalOf:
   * SLOT_TAKEN with the next free slots, …), anything else INTERNAL; a failure rolls back only this.
   */
  run(): unknown;
  /** The last change-log sequence number `run` wrote (0: none). */
  readonly lastSeq: number;
  /** The rows `run` recorded as changed (what a poke names). */
  readonly changes: readonly ChangedRow[];
  /** After the commit: checks the result, pokes (unless `poke: false`), runs after-commit hooks. */
  committed(options?: { poke?: boolean }): void;
}

export interface ExecuteOptions {
  /**
   * Runs inside the operation's own transaction after the handler succeeded, so that what it
   * writes (e.g. a processed-mutation record) commits or rolls back together with the effects.
   */
  inTransaction?: (result: unknown) => void;
  /** Ids for records the handler creates (sync push: derived from the mutation, as on the desktop). */
  newId?: () => string;
  /** Sync push: when the author made the change, by their desktop's corrected clock. */
  authorClaim?: AuthorClaim;
}

const logChange = preparedQuery((q, p: ParameterOf<Omit<ChangeTable, 'seq'>>) =>
  q.insertInto('changes').values({ entity: p('entity'), entityId: p('entityId'), op: p('op'), at: p('at') }),
);

export function createDispatcher(core: HubCore, handlers: HandlerMap): Dispatcher {
  async function prepare(
    name: OperationName,
    rawInput: unknown,
    actor: Actor | null,
    caller: Caller,
    options: ExecuteOptions = {},
  ): Promise<PreparedOperation> {
    const decision = authorize(actor?.role ?? null, name);
    if (!decision.allowed) {
      throw decision.reason === 'unauthenticated'
        ? failure('UNAUTHENTICATED', 'Please sign in first.')
        : failure('FORBIDDEN', 'Your role is not allowed to do this.');
    }
    const operation = contract[name];
    const parsed = operation.input.safeParse(rawInput);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      throw failure('VALIDATION', `Please correct: ${fields.map((f) => f.field).join(', ')}`, { fields });
    }
    const handler = handlers[name];
    if (!handler) throw failure('INTERNAL', `${name} is not available on this hub version.`);

    const now = core.clock.now().toISOString();
    const base = {
      db: core.db,
      actor,
      scope: decision.scope,
      now,
      settings: () => core.settings(),
      newId: options.newId ?? randomUUID,
      ...(options.authorClaim ? { authorClaim: options.authorClaim } : {}),
      events: core.events,
      hub: core,
      // The sign-in throttle's source. No address: an in-process caller, all of which share the
      // 'this-machine' bucket (auth/source-address.ts); a gateway calling in-process for remote
      // clients must pass each client's real address here.
      source: { address: caller.address ?? null, deviceId: caller.deviceId },
    };
    const prepared = handler.prepare ? await handler.prepare(parsed.data as never, base) : undefined;

    const after: (() => void)[] = [];
    const reads = readMemoOf(core);
    const session = ReadMemo.sessionOf(caller.token);
    let lastSeq = 0;
    let changes: ChangedRow[] = [];
    let result: unknown;
    const body = () => {
      const changed = new Map<string, { entity: SyncedEntity; entityId: string; op: 'upsert' | 'delete' }>();
      const audits: AuditEntry[] = [];
      const who = {
        at: now,
        actorUserId: actor?.userId ?? null,
        actorRole: actor?.role ?? null,
        deviceId: actor?.deviceId ?? caller.deviceId,
      };
      const ctx: HandlerContext = {
        ...base,
        changed: (entity, entityId, op = 'upsert') =>
          changed.set(`${entity}:${entityId}`, { entity, entityId, op }),
        audit: ({ readVersion, ...entry }) => {
          if (entry.kind === 'read' && readVersion !== undefined && session) {
            const record = `${entry.action}:${entry.entityId ?? entry.patientId}`;
            if (reads.hasRead(session, record, readVersion)) return;
            after.push(() => reads.remember(session, record, readVersion));
          }
          audits.push({ ...who, ...entry });
        },
        afterCommit: (fn) => after.push(fn),
      };
      const value = handler.run(parsed.data as never, ctx, prepared as never);
      if (changed.size > 0) planMessagesOf(core, ctx, changed.values(), name, parsed.data);
      let seq = 0;
      for (const change of changed.values()) {
        seq = Number(logChange.run(core.db, { ...change, at: now }).lastInsertRowid);
      }
      if (operation.kind === 'command' && changed.size > 0 && !audits.some((a) => a.kind === 'change')) {
        const [first] = changed.values();
        audits.push({
          ...who,
          kind: 'change',
          action: name,
          entity: first!.entity,
          entityId: first!.entityId,
          patientId: null,
          details: { rows: [...changed.values()].map((c) => `${c.entity}:${c.entityId}`) },
        });
      }
      for (const entry of audits) core.audit.append(entry);
      options.inTransaction?.(value);
      return { value, seq, changes: [...changed.values()] };
    };

    return {
      run() {
        after.length = 0;
        const done = runInTransaction(core, body, (error) =>
          refusalOf(error, base, () => claimTargetOf(base, parsed.data)),
        );
        lastSeq = done.seq;
        changes = done.changes;
        result = done.value;
        return done.value;
      },
      get lastSeq() {
        return lastSeq;
      },
      get changes() {
        return changes;
      },
      committed({ poke = true } = {}) {
        if (core.validateResults) operation.result.parse(result);
        if (poke && lastSeq > 0) {
          core.events.emit('sync.poke', { ...core.identity(), seq: lastSeq, ...changeHint(changes) });
        }
        for (const fn of after) fn();
      },
    };
  }

  async function executeReporting(
    name: OperationName,
    input: unknown,
    actor: Actor | null,
    caller: Caller,
    options: ExecuteOptions = {},
  ) {
    const operation = await prepare(name, input, actor, caller, options);
    const result = await core.writes.run(() => operation.run());
    operation.committed();
    return { result, changes: operation.changes };
  }

  async function callWithHint(name: string, input: unknown, caller: Caller) {
    if (!isOperationName(name))
      throw failure('NOT_FOUND', `Unknown operation ${JSON.stringify(name).slice(0, 80)}.`);
    const { result, changes } = await executeReporting(name, input, actorOf(name, caller), caller);
    return contract[name].kind === 'command' ? { result, changed: changeHint(changes) } : { result };
  }

  return {
    execute: async (...args) => (await executeReporting(...args)).result,
    prepare,
    hasPrepareStep: (name) => handlers[name]?.prepare !== undefined,
    call: async (name, input, caller) => (await callWithHint(name, input, caller)).result,
    callWithHint,
  };

  /**
   * The caller's session. An operation that needs none (sign-in, setup status) ignores a token
   * that has expired or ended: the lock screen signs in again on the socket that still holds it.
   */
  function actorOf(name: OperationName, caller: Caller): Actor | null {
    if (!caller.token) return null;
    try {
      return core.authenticate(caller.token, caller.deviceId);
    } catch (error) {
      const needsNoSession = authorize(null, name).allowed;
      if (needsNoSession && error instanceof ApiFailure && error.code === 'UNAUTHENTICATED') return null;
      throw error;
    }
  }
}

/**
 * The messages the change causes, written in its transaction (notifications/message-triggers.ts).
 * In a savepoint of their own: a planning failure is logged and never fails or blocks the change.
 */
function planMessagesOf(
  core: HubCore,
  ctx: HandlerContext,
  changes: Iterable<ChangedRow>,
  name: string,
  input: unknown,
) {
  // An operation asked not to tell patients (bulk moves with notifyPatients: false).
  const quiet = (input as { notifyPatients?: unknown } | null)?.notifyPatients === false;
  try {
    core.db.transaction(() => planMessages(ctx, changes, { quiet }));
  } catch (error) {
    core.logger.error({ err: error, operation: name }, 'messages of a change could not be planned');
  }
}

/** One transaction per call; database refusals become the errors users understand (refusalOf). */
function runInTransaction<T>(core: HubCore, fn: () => T, refusal: (error: unknown) => ApiFailure | null): T {
  try {
    return core.db.transaction(fn);
  } catch (error) {
    const refused = refusal(error);
    if (refused) throw refused;
    core.logger.error({ err: error }, 'operation failed');
    throw failure('INTERNAL', 'Something went wrong on the hub; nothing was saved. Please try again.');
  }
}
