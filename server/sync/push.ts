import type { z } from 'zod';
import { contract, isOperationName } from '@shared/contract/index';
import { changeHint } from '@shared/contract/change-hint';
import { type ApiError, ApiFailure, failure } from '@shared/contract/errors';
import { type Mutation, type MutationOutcome, pushRequestSchema } from '@shared/contract/sync.contract';
import type { Actor } from '@shared/domain/user.schema';
import type { Caller, Dispatcher, PreparedOperation } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import type { ChangedRow } from '@server/notifications/message-triggers';
import { claimOf } from '@server/core/author-time';
import { mutationFingerprint, mutationIdSource } from './mutation-ids';
import { ProcessedLog } from './processed-log';
import {
  type ClientInfo,
  clientTaken,
  lastMutationIdOf,
  mayUseOrigin,
  standingOf,
  storedMutation,
  touchClient,
} from './sync-clients.repository';
import type { ConnectionClock } from './socket-session';
import { parseMessage } from './wire';

export interface PushResult {
  outcomes: MutationOutcome[];
  lastMutationId: number;
  gap: boolean;
}

/** The authenticated connection a push arrives on: the session, never the payload, decides who acts. */
export interface PushSession {
  actor: Actor;
  caller: Caller;
  /** Set when the connection declared its client id; a push must then be for that client. */
  clientId: string | null;
  deviceName: string;
  kind: string;
  /** The clock offset measured at the connection's hello (null: none measured). */
  clock?: ConnectionClock | null;
}

export type PushRequest = z.output<typeof pushRequestSchema>;

/** How many mutations of a push share one durable commit (bounds how long the write lock is held). */
export const PUSH_COMMIT_CHUNK = 100;

/** One mutation of a push, ready to run: its prepared operation, or the reason it is refused. */
type Step = { mutation: Mutation; fingerprint: string; recording?: { error: unknown } } & (
  { operation: PreparedOperation; error?: undefined } | { operation?: undefined; error: ApiError }
);

/**
 * Applies pushed mutations (docs/architecture.md (Sync protocol)): each mutation id is checked (duplicate → its stored
 * outcome; gap → stop), then the same handler as the online path runs for the session's actor,
 * and the outcome is stored with the client's last mutation id.
 *
 * A client id is bound to the user and device of its first contact; anyone else's push under it
 * is refused before anything is read. A mutation id is answered from its stored outcome only when
 * the mutation is the same one (its fingerprint): two copies of one desktop (a cloned data folder)
 * that numbered different changes alike are refused the same way, and the desktop that is refused
 * registers a fresh client id and pushes its unacknowledged changes again under it.
 *
 * Exactly once: each mutation runs in its own savepoint, and its processed-mutation record is
 * written inside it (the dispatcher's `inTransaction` hook), so its effects and its record stand
 * or fall together; a rejected mutation's savepoint is rolled back and its rejection recorded in
 * its place, in order. Up to PUSH_COMMIT_CHUNK consecutive mutations share one durable commit
 * (one group-commit work item); nothing is answered before that commit has returned.
 */
export class PushApplier {
  /** Pushes from one client are applied one at a time, so two batches never race on an id. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly processed: ProcessedLog;

  constructor(
    private readonly core: HubCore,
    private readonly dispatcher: Dispatcher,
    private readonly chunkSize = PUSH_COMMIT_CHUNK,
  ) {
    this.processed = new ProcessedLog(core.db);
  }

  push(session: PushSession, rawRequest: unknown): Promise<PushResult> {
    const request = parseMessage(pushRequestSchema, rawRequest, 'sync.push');
    if (session.clientId && request.clientId !== session.clientId) {
      throw failure('FORBIDDEN', 'This connection belongs to another sync client; reconnect with its id.');
    }
    const { epoch } = this.core.identity();
    if (request.epoch !== epoch) {
      throw failure(
        'CONFLICT',
        "The hub's database was restored or replaced (epoch changed): refetch everything, then push again.",
        { fields: [{ field: 'epoch', message: `changed: the hub is at epoch ${epoch}` }] },
      );
    }
    return this.serialized(request.clientId, () => this.apply(session, request));
  }

  private async apply(session: PushSession, request: PushRequest): Promise<PushResult> {
    const { actor } = session;
    if (standingOf(this.core.db, request.clientId, actor) === 'taken') throw notYours();
    const client: ClientInfo = {
      clientId: request.clientId,
      userId: session.actor.userId,
      deviceName: session.deviceName,
      kind: session.kind,
      deviceId: session.actor.deviceId,
    };
    const outcomes: MutationOutcome[] = [];
    let chunk: Step[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const steps = chunk;
      chunk = [];
      outcomes.push(...(await this.commit(client, steps)));
    };
    // The next id to process: ids in the chunk count as processed (they commit before any reply).
    let next = lastMutationIdOf(this.core.db, request.clientId) + 1;
    for (const mutation of request.mutations) {
      if (mutation.mutationId < next) {
        await flush();
        const stored = storedMutation(this.core.db, request.clientId, mutation.mutationId);
        if (stored?.fingerprint && stored.fingerprint !== mutationFingerprint(mutation)) {
          // Answer what came before; the push that starts with this mutation is refused.
          if (outcomes.length > 0) return { outcomes, lastMutationId: next - 1, gap: false };
          throw diverged(mutation);
        }
        outcomes.push(stored?.outcome ?? forgotten(mutation));
        continue;
      }
      if (mutation.mutationId > next) {
        await flush();
        return { outcomes, lastMutationId: next - 1, gap: true };
      }
      // A handler's async prepare step may read what the earlier mutations wrote: commit them first.
      if (isOperationName(mutation.name) && this.dispatcher.hasPrepareStep(mutation.name)) await flush();
      chunk.push(await this.prepare(session, client, mutation));
      next += 1;
      if (chunk.length >= this.chunkSize) await flush();
    }
    await flush();
    return { outcomes, lastMutationId: next - 1, gap: false };
  }

  /** Validation, authorization (from the session) and the handler's prepare step, outside the transaction. */
  private async prepare(session: PushSession, client: ClientInfo, mutation: Mutation): Promise<Step> {
    const { mutationId, name } = mutation;
    // Before the handler sees the input (what was pushed, not what it became).
    const fingerprint = mutationFingerprint(mutation);
    if (!isOperationName(name)) {
      return {
        mutation,
        fingerprint,
        error: { code: 'VALIDATION', message: `${name} is not an operation this hub knows; update the hub.` },
      };
    }
    if (contract[name].kind !== 'command') {
      return {
        mutation,
        fingerprint,
        error: { code: 'VALIDATION', message: `${name} reads data; only changes can be pushed.` },
      };
    }
    // The contract says a desktop never queues it (docs/architecture.md (main/client-core — the
    // offline-first desktop)): a push of one is not a desktop's outbox, so it is refused unrun.
    if (contract[name].offline === 'online-only') {
      return {
        mutation,
        fingerprint,
        error: {
          code: 'VALIDATION',
          message: `${name} needs the hub online and cannot be queued; call it directly instead of pushing it.`,
        },
      };
    }
    const { origin = client.clientId } = mutation;
    if (origin !== client.clientId && !mayUseOrigin(this.core.db, origin, session.actor.userId)) {
      const message = "origin names another user's sync client";
      return {
        mutation,
        fingerprint,
        error: {
          code: 'VALIDATION',
          message: `The change's ${message}.`,
          fields: [{ field: 'origin', message }],
        },
      };
    }
    const step: Pick<Step, 'recording'> = {};
    try {
      const operation = await this.dispatcher.prepare(name, mutation.input, session.actor, session.caller, {
        newId: mutationIdSource({ ...mutation, clientId: origin }),
        authorClaim: claimOf(mutation.createdAt, session.clock ?? null),
        inTransaction: (value) => {
          try {
            this.record(client, mutation.name, fingerprint, {
              mutationId,
              status: 'applied',
              result: value ?? null,
            });
          } catch (error) {
            step.recording = { error };
            throw error;
          }
        },
      });
      return Object.assign(step, { mutation, fingerprint, operation });
    } catch (error) {
      return { mutation, fingerprint, error: this.reason(error, mutation) };
    }
  }

  /**
   * Runs the steps in order under one durable commit, each in its own savepoint, and answers
   * once that commit has returned. A failure to record an outcome fails the whole chunk (nothing
   * of it is kept; the client sends it again).
   */
  private async commit(client: ClientInfo, steps: Step[]): Promise<MutationOutcome[]> {
    const { db } = this.core;
    const outcomes = await this.core.writes.run(() =>
      db.transaction(() => {
        // Bound to someone else since the push began (first contact raced): this chunk is not kept.
        if (!touchClient(db, client, this.core.clock.now().toISOString())) throw notYours();
        return steps.map((step): MutationOutcome => {
          const { mutationId } = step.mutation;
          if (!step.operation) return this.rejectIn(client, step, step.error);
          try {
            return { mutationId, status: 'applied', result: step.operation.run() ?? null };
          } catch (failed) {
            // Recording failed, so nothing of the mutation is known: the push fails.
            if (step.recording) throw step.recording.error;
            return this.rejectIn(client, step, this.reason(failed, step.mutation));
          }
        });
      }),
    );
    let lastSeq = 0;
    const changed: ChangedRow[] = [];
    for (const step of steps) {
      if (!step.operation) continue;
      lastSeq = Math.max(lastSeq, step.operation.lastSeq);
      changed.push(...step.operation.changes);
      try {
        step.operation.committed({ poke: false });
      } catch (error) {
        // A step after the commit failed: the mutation is applied and recorded all the same.
        this.core.logger.error(
          { err: error, mutationId: step.mutation.mutationId, name: step.mutation.name },
          'after-commit step of a pushed mutation failed',
        );
      }
    }
    if (lastSeq > 0) {
      this.core.events.emit('sync.poke', { ...this.core.identity(), seq: lastSeq, ...changeHint(changed) });
    }
    return outcomes;
  }

  /** Records a mutation that can never succeed (its savepoint wrote nothing) in its place. */
  private rejectIn(client: ClientInfo, step: Step, error: ApiError): MutationOutcome {
    const { mutation, fingerprint } = step;
    const rejected: MutationOutcome = { mutationId: mutation.mutationId, status: 'rejected', error };
    this.record(client, mutation.name, fingerprint, rejected);
    return rejected;
  }

  /** Marks a mutation processed, inside the current transaction; only the next id may be recorded. */
  private record(client: ClientInfo, name: string, fingerprint: string, outcome: MutationOutcome): void {
    const at = this.core.clock.now().toISOString();
    this.processed.record(client.clientId, name, fingerprint, outcome, at);
  }

  private reason(error: unknown, mutation: Mutation): ApiError {
    if (error instanceof ApiFailure) return error.error;
    this.core.logger.error(
      { err: error, mutationId: mutation.mutationId, name: mutation.name },
      'pushed mutation failed unexpectedly',
    );
    return failure('INTERNAL', 'Something went wrong on the hub; this change was not saved.').error;
  }

  private serialized<T>(clientId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(clientId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(clientId, settled);
    void settled.then(() => {
      if (this.queues.get(clientId) === settled) this.queues.delete(clientId);
    });
    return next;
  }
}

function notYours() {
  return clientTaken(
    'This sync client id is registered to another user or device: register a new client id and push the changes again under it.',
    'registered to another user or device',
  );
}

function diverged(mutation: Mutation) {
  return clientTaken(
    `Change ${mutation.mutationId} of this sync client reached the hub earlier with other content: another copy of this desktop's data (a copied folder or disk) uses the same client id. Register a new client id and push the unacknowledged changes again under it.`,
    'used by another copy of this desktop',
  );
}

/** A duplicate whose stored outcome is gone (never expected: outcomes are kept). */
function forgotten(mutation: Mutation): MutationOutcome {
  return {
    mutationId: mutation.mutationId,
    status: 'rejected',
    error: {
      code: 'CONFLICT',
      message: 'The hub processed this change earlier but no longer has its outcome.',
    },
  };
}
