import { contract, isOperationName, type OperationName } from '@shared/contract/index';
import { type ApiFailure, failure } from '@shared/contract/errors';
import type { SyncedEntity } from '@shared/contract/sync.contract';
import type { Actor } from '@shared/domain/user.schema';
import { authorize } from '@shared/permissions/authorize';
import { fieldErrors } from '@shared/validation/format-error';
import { claimTargetOf, type NextSlots, nextSlotsFor } from '@server/core/claim-refusals';
import { refusalOf } from '@server/core/db-refusals';
import type { HandlerContext, HandlerMap } from '@server/core/handler';
import type { LocalHub } from './local-hub';
import { markProvisional } from './provisional';
import type { ReadLog } from './read-log';
import { setCapture } from './undo-log';

export interface LocalRun {
  name: string;
  input: unknown;
  actor: Actor;
  now: string;
  newId: () => string;
  /** Record undo images of what this run changes (commands of the outbox). */
  capture: boolean;
  /** Collects the synced rows the run wrote (what the hub's change log would hold). */
  changes?: { entity: SyncedEntity; entityId: string }[];
}

/**
 * Runs a contract operation against the replica through the hub's own handler, as the hub's
 * dispatcher would: authorize (shared policy, cached actor), validate (contract schema), run in
 * one transaction. What only the hub does is skipped: the change log, the audit chain, pokes;
 * reads of medical content are kept for the hub's audit log.
 */
export class LocalExecutor {
  constructor(
    private readonly local: LocalHub,
    private readonly handlers: HandlerMap,
    /** Where reads of medical content go until the hub audits them. */
    private readonly reads: ReadLog,
  ) {}

  /** Parses the input as the contract says (defaults filled), or throws VALIDATION naming fields. */
  parse(name: OperationName, input: unknown): unknown {
    const parsed = contract[name].input.safeParse(input);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      throw failure('VALIDATION', `Please correct: ${fields.map((f) => f.field).join(', ')}`, { fields });
    }
    return parsed.data;
  }

  run(run: LocalRun): unknown {
    const { name, actor } = run;
    if (!isOperationName(name)) throw failure('NOT_FOUND', `Unknown operation ${name.slice(0, 80)}.`);
    const decision = authorize(actor.role, name);
    if (!decision.allowed) throw failure('FORBIDDEN', 'Your role is not allowed to do this.');
    const input = this.parse(name, run.input);
    const handler = this.handlers[name];
    if (!handler || handler.prepare || contract[name].offline === 'online-only') {
      throw failure('INTERNAL', `${name} needs the hub.`);
    }
    const { db } = this.local;
    const ctx = this.context(run, decision.scope);
    try {
      return db.transaction(() => {
        setCapture(db.sqlite, run.capture);
        try {
          const value = handler.run(input as never, ctx, undefined as never);
          return run.capture ? markProvisional(db, contract[name].provisional, input, value) : value;
        } finally {
          setCapture(db.sqlite, false);
        }
      });
    } catch (error) {
      throw this.translate(error, name, input, ctx);
    }
  }

  private context(run: LocalRun, scope: HandlerContext['scope']): HandlerContext {
    const { actor } = run;
    return {
      db: this.local.db,
      actor,
      scope,
      now: run.now,
      // Made here, by this desktop's clock; the hub has not received it yet.
      authorClaim: { at: run.now, offsetMs: 0, helloAt: null, local: true },
      settings: () => this.local.settings(),
      newId: run.newId,
      events: this.local.events,
      hub: this.local,
      source: { address: null, deviceId: actor.deviceId },
      changed: (entity, entityId) => {
        run.changes?.push({ entity, entityId });
      },
      // A query's reads of medical content are audited by the hub later (sync.reads); a command
      // re-run by a rebase reads nothing new.
      audit: (entry) => {
        if (entry.kind === 'read' && !run.capture) this.reads.record(actor.userId, run.now, entry);
      },
      afterCommit: () => undefined,
    };
  }

  /**
   * The next free times for a refused booking or move, from the replica as it is now (the hub's
   * rows and this desktop's waiting changes): what its author can still choose (docs/product.md §13).
   */
  suggestions(name: string, input: unknown, actor: Actor, now: string): NextSlots {
    const ctx = this.context({ name, input, actor, now, newId: () => '', capture: false }, 'any');
    return nextSlotsFor(ctx, claimTargetOf(ctx, input));
  }

  /** A refusal as the hub's dispatcher words it (refusalOf), or INTERNAL naming what failed here. */
  private translate(error: unknown, name: string, input: unknown, ctx: HandlerContext): ApiFailure {
    return (
      refusalOf(error, ctx, () => claimTargetOf(ctx, input)) ??
      failure('INTERNAL', `${name} could not be applied on this desktop: ${(error as Error).message ?? ''}`)
    );
  }
}
