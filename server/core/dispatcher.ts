import { randomUUID } from 'node:crypto';
import { contract, isOperationName, type OperationName } from '@shared/contract/index';
import { ApiFailure, failure } from '@shared/contract/errors';
import type { SyncedEntity } from '@shared/contract/sync.contract';
import type { Actor } from '@shared/domain/user.schema';
import { authorize } from '@shared/permissions/authorize';
import { fieldErrors } from '@shared/validation/format-error';
import type { AuditEntry } from './audit-log';
import type { HandlerContext, HandlerMap } from './handler';
import type { HubCore } from './hub-core';

/** Who is calling, as the transport knows it. The session, not the payload, decides who acts. */
export interface Caller {
  token: string | null;
  deviceId: string;
  address?: string;
}

export interface Dispatcher {
  call(name: string, input: unknown, caller: Caller): Promise<unknown>;
  /** Runs an operation for an actor already resolved from a session (sync push uses this). */
  execute(
    name: OperationName,
    input: unknown,
    actor: Actor | null,
    caller: Caller,
    options?: ExecuteOptions,
  ): Promise<unknown>;
}

export interface ExecuteOptions {
  /**
   * Runs inside the operation's own transaction after the handler succeeded, so that what it
   * writes (e.g. a processed-mutation record) commits or rolls back together with the effects.
   */
  inTransaction?: (result: unknown) => void;
  /** Ids for records the handler creates (sync push: derived from the mutation, as on the desktop). */
  newId?: () => string;
}

export function createDispatcher(core: HubCore, handlers: HandlerMap): Dispatcher {
  async function execute(
    name: OperationName,
    rawInput: unknown,
    actor: Actor | null,
    caller: Caller,
    options: ExecuteOptions = {},
  ) {
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
      events: core.events,
      hub: core,
    };
    const prepared = handler.prepare ? await handler.prepare(parsed.data as never, base) : undefined;

    const after: (() => void)[] = [];
    let lastSeq = 0;
    const result = await core.writes.run(() =>
      runInTransaction(core, () => {
        const changed = new Map<
          string,
          { entity: SyncedEntity; entityId: string; op: 'upsert' | 'delete' }
        >();
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
          audit: (entry) => audits.push({ ...who, ...entry }),
          afterCommit: (fn) => after.push(fn),
        };
        const value = handler.run(parsed.data as never, ctx, prepared as never);
        for (const change of changed.values()) {
          lastSeq = Number(
            core.db.run(core.db.q.insertInto('changes').values({ ...change, at: now })).lastInsertRowid,
          );
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
        return value;
      }),
    );

    if (core.validateResults) operation.result.parse(result);
    if (lastSeq > 0) core.events.emit('sync.poke', { ...core.identity(), seq: lastSeq });
    for (const fn of after) fn();
    return result;
  }

  return {
    execute,
    async call(name, input, caller) {
      if (!isOperationName(name))
        throw failure('NOT_FOUND', `Unknown operation ${JSON.stringify(name).slice(0, 80)}.`);
      const actor = caller.token ? core.authenticate(caller.token, caller.deviceId) : null;
      return execute(name, input, actor, caller);
    },
  };
}

/** One transaction per call; database constraint failures become the errors users understand. */
function runInTransaction<T>(core: HubCore, fn: () => T): T {
  try {
    return core.db.transaction(fn);
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    const message = (error as Error).message ?? '';
    if (message.includes('doctor_claims')) {
      throw failure('SLOT_TAKEN', 'That slot was just taken. Please choose another time.');
    }
    if (message.includes('patient_claims')) {
      throw failure('PATIENT_OVERLAP', 'The patient already has an appointment at that time.');
    }
    core.logger.error({ err: error }, 'operation failed');
    throw failure('INTERNAL', 'Something went wrong on the hub; nothing was saved. Please try again.');
  }
}
