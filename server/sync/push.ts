import type { z } from 'zod';
import { contract, isOperationName } from '@shared/contract/index';
import { type ApiError, ApiFailure, failure } from '@shared/contract/errors';
import { type Mutation, type MutationOutcome, pushRequestSchema } from '@shared/contract/sync.contract';
import type { Actor } from '@shared/domain/user.schema';
import type { Caller, Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { mutationIdSource } from './mutation-ids';
import { type ClientInfo, lastMutationIdOf, recordOutcome, storedOutcome } from './sync-clients.repository';
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
}

export type PushRequest = z.output<typeof pushRequestSchema>;

/**
 * Applies pushed mutations (DESIGN §5): each mutation id is checked (duplicate → its stored
 * outcome; gap → stop), then the same handler as the online path runs for the session's actor,
 * and the outcome is stored with the client's last mutation id.
 *
 * Exactly once: an applied mutation is recorded inside the handler's own transaction (the
 * dispatcher's `inTransaction` hook), so its effects and its record commit together or not at
 * all. A rejected mutation wrote nothing, so it is recorded in a transaction of its own; a crash
 * before that only means a re-push runs the handler again.
 */
export class PushApplier {
  /** Pushes from one client are applied one at a time, so two batches never race on an id. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly core: HubCore,
    private readonly dispatcher: Dispatcher,
  ) {}

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
    const client: ClientInfo = {
      clientId: request.clientId,
      userId: session.actor.userId,
      deviceName: session.deviceName,
      kind: session.kind,
    };
    let last = lastMutationIdOf(this.core.db, request.clientId);
    const outcomes: MutationOutcome[] = [];
    for (const mutation of request.mutations) {
      if (mutation.mutationId <= last) {
        outcomes.push(
          storedOutcome(this.core.db, request.clientId, mutation.mutationId) ?? forgotten(mutation),
        );
        continue;
      }
      if (mutation.mutationId > last + 1) return { outcomes, lastMutationId: last, gap: true };
      outcomes.push(await this.process(session, client, mutation));
      last = mutation.mutationId;
    }
    return { outcomes, lastMutationId: last, gap: false };
  }

  private async process(
    session: PushSession,
    client: ClientInfo,
    mutation: Mutation,
  ): Promise<MutationOutcome> {
    const { db } = this.core;
    const { mutationId, name } = mutation;
    const record = (outcome: MutationOutcome) => {
      // Pushes of a client are serialized; this guards the invariant where it is written.
      if (lastMutationIdOf(db, client.clientId) !== mutationId - 1) {
        throw new Error(`mutation ${mutationId} of client ${client.clientId} is out of order`);
      }
      recordOutcome(db, client, name, outcome, this.core.clock.now().toISOString());
    };

    const reject = (error: ApiError): MutationOutcome => {
      const rejected: MutationOutcome = { mutationId, status: 'rejected', error };
      db.transaction(() => record(rejected));
      return rejected;
    };

    if (!isOperationName(name)) {
      return reject({
        code: 'VALIDATION',
        message: `${name} is not an operation this hub knows; update the hub.`,
      });
    }
    if (contract[name].kind !== 'command') {
      return reject({ code: 'VALIDATION', message: `${name} reads data; only changes can be pushed.` });
    }
    const recording: { error?: unknown } = {};
    try {
      const result = await this.dispatcher.execute(name, mutation.input, session.actor, session.caller, {
        newId: mutationIdSource({ ...mutation, clientId: client.clientId }),
        inTransaction: (value) => {
          try {
            record({ mutationId, status: 'applied', result: value ?? null });
          } catch (error) {
            recording.error = error;
            throw error;
          }
        },
      });
      return { mutationId, status: 'applied', result: result ?? null };
    } catch (error) {
      // Recording failed, so nothing was applied and nothing is known of the mutation: the
      // push fails and the client sends it again.
      if ('error' in recording) throw recording.error;
      // A step after the commit failed: the mutation is applied and recorded.
      const stored = storedOutcome(db, client.clientId, mutationId);
      if (stored) return stored;
      return reject(this.reason(error, mutation));
    }
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
