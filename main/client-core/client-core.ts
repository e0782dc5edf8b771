import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  contract,
  type InputOf,
  isOperationName,
  type OperationName,
  type ResultOf,
} from '@shared/contract/index';
import { type ChangeHint, changeHint } from '@shared/contract/change-hint';
import { ApiFailure, failure } from '@shared/contract/errors';
import type { Actor } from '@shared/domain/user.schema';
import { provisionalPatientCode } from '@shared/rules/patient-identity';
import { systemClock } from '@server/core/clock';
import { handlers } from '@server/handlers/registry';
import { AttentionList, type AttentionEntry, keepsRefusedText } from './attention';
import { ReadLog } from './read-log';
import type { ConnectionState } from './connection-status';
import { SessionKeeper } from './session-keeper';
import { HubLink } from './hub-link';
import { LocalExecutor, type LocalRun } from './local-executor';
import { LocalHub } from './local-hub';
import { Outbox } from './outbox';
import { runOutboxRow } from './rebase';
import { readKey, SharedReads } from './shared-reads';
import { openReplica } from './replica';
import type { ChangeEvent, ClientCoreOptions } from './client-options';

export type { ChangeEvent, ClientCoreOptions } from './client-options';

/** A call's result, and for a command what it wrote. */
export type Answer = { result: unknown; changed?: ChangeHint };

export interface ClientCore {
  /** The same shape as ApiClient.call: the renderer cannot tell it from the hub. */
  call<N extends OperationName>(name: N, input: InputOf<N>): Promise<ResultOf<N>>;
  /**
   * `call`, and for a command what it wrote (the hint a poke carries): the hub's, for a command
   * the hub served; the rows it wrote to the replica, for a queued one. Queries get none.
   */
  callWithHint<N extends OperationName>(
    name: N,
    input: InputOf<N>,
  ): Promise<{ result: ResultOf<N>; changed?: ChangeHint }>;
  signIn(username: string, password: string): Promise<Actor>;
  /** The hub's sync port answers now (signed in or not): sign in with it rather than unlock. */
  hubReachable(): boolean;
  unlock(username: string, password: string): Promise<Actor>;
  signOut(): Promise<void>;
  connectionState(): ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** After a local or a pulled change (the desktop's sync.poke): re-query what is on screen. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** The signed-in user’s own changes the hub rejected (none when signed out). */
  needsAttention(): AttentionEntry[];
  dismissAttention(id: string): boolean;
  /** Push and pull now (normally driven by changes, pokes and a timer). */
  syncNow(): Promise<void>;
  readonly replicaFile: string;
  close(): Promise<void>;
}

export function createClientCore(options: ClientCoreOptions): ClientCore {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now().toISOString();
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const replicaFile = join(options.dataDir, 'replica.db');
  const replica = openReplica(replicaFile);
  const local = new LocalHub(replica.db, clock);
  const readLog = new ReadLog(replica.db);
  const executor = new LocalExecutor(local, handlers, readLog);
  const reads = new SharedReads<Answer>();
  const outbox = new Outbox(replica.db);
  const attention = new AttentionList(replica.db);
  const link = new HubLink(options.hubUrl, { deviceId: options.deviceId, deviceName: options.deviceName });
  const keeper = new SessionKeeper({
    options,
    replica,
    local,
    executor,
    outbox,
    attention,
    reads: readLog,
    link,
    now,
  });
  const onlineWaitMs = options.onlineWaitMs ?? 5_000;

  async function enqueue(name: OperationName, rawInput: unknown): Promise<Answer> {
    const session = keeper.requireSession();
    const input = executor.parse(name, rawInput) as Record<string, unknown>;
    const { clientId } = session;
    const codeField = contract[name].provisional?.offlineCode;
    if (codeField && !input[codeField] && !keeper.online) {
      const counter = Number(replica.meta(`tmp:${clientId}`) ?? 0) + 1;
      replica.setMeta(`tmp:${clientId}`, counter);
      input[codeField] = provisionalPatientCode(clientId, counter);
    }
    const createdAt = now();
    const written: NonNullable<LocalRun['changes']> = [];
    const { mutationId, result } = (() => {
      try {
        return replica.db.transaction(() => {
          const id = outbox.allocate(clientId);
          const row = { clientId, name, input, createdAt, actor: session.actor };
          const value = runOutboxRow(executor, row, written);
          outbox.insert({
            clientId,
            mutationId: id,
            userId: session.actor.userId,
            actor: session.actor,
            name,
            input,
            createdAt,
          });
          return { mutationId: id, result: value };
        });
      } catch (error) {
        if (error instanceof ApiFailure && keepsRefusedText(name, error.error)) {
          attention.addRefused(
            { userId: session.actor.userId, mutationId: 0, name, input },
            error.error,
            now(),
          );
          keeper.status.emitState();
          // The count may stay the same (it updated the visit's card): re-read what is on screen.
          keeper.status.emitChange('local');
        }
        throw error;
      }
    })();
    // What it wrote to the replica: the rows the hub will write when it applies it.
    const changed = changeHint(written);
    keeper.status.emitChange('local', changed);
    keeper.status.emitState();
    if (!keeper.online) return { result, changed };

    // Online: the hub's verdict comes back within milliseconds; the caller gets it as the hub's
    // own answer (its result, or its refusal), exactly as over the wire.
    const { engine } = keeper;
    engine.awaited.add(mutationId);
    try {
      await Promise.race([
        engine.sync(),
        new Promise((resolve) => setTimeout(resolve, onlineWaitMs).unref()),
      ]);
      const outcome = engine.outcomes.get(mutationId);
      if (!outcome) return { result, changed };
      if (outcome.status === 'rejected') throw new ApiFailure(outcome.error);
      return { result: outcome.result, changed };
    } finally {
      engine.awaited.delete(mutationId);
      engine.outcomes.delete(mutationId);
    }
  }

  async function callWithHint(name: string, input: unknown): Promise<Answer> {
    if (!isOperationName(name))
      throw failure('NOT_FOUND', `Unknown operation ${JSON.stringify(name).slice(0, 80)}.`);
    if (contract[name].kind === 'command') return serve(name, input);
    const { session } = keeper;
    const who = session ? `${session.clientId}:${session.actor.userId}:${session.token ?? ''}` : '';
    return reads.run(readKey(who, name, input), () => serve(name, input));
  }

  async function serve(name: OperationName, input: unknown): Promise<Answer> {
    // Where it runs is the operation's declaration in the contract (OfflineMode).
    const { kind, offline } = contract[name];
    if (offline === 'queue') return enqueue(name, input);
    if (offline === 'online-only' || !keeper.session) {
      if (!keeper.online && !(keeper.connected && !keeper.session)) {
        throw failure(
          'UNREACHABLE',
          'This needs the clinic hub, which cannot be reached right now. Try again when online.',
        );
      }
      const answer = await keeper.forwardWithHint(name, input);
      if (kind === 'command') await keeper.engine.sync();
      return answer;
    }
    const session = keeper.requireSession();
    const run = { name, input, actor: session.actor, now: now(), newId: randomUUID, capture: false };
    return { result: executor.run(run) };
  }

  keeper.start(options.pullIntervalMs ?? 15_000);
  return {
    call: (async (name: string, input: unknown) =>
      (await callWithHint(name, input)).result) as ClientCore['call'],
    callWithHint: callWithHint as ClientCore['callWithHint'],
    signIn: (username, password) => keeper.signIn(username, password),
    hubReachable: () => keeper.connected,
    unlock: (username, password) => keeper.unlock(username, password),
    signOut: () => keeper.signOut(),
    connectionState: () => keeper.status.state(),
    onStateChange: (listener) => keeper.status.onState(listener),
    onChange: (listener) => keeper.status.onChange(listener),
    needsAttention: () => {
      const session = keeper.session;
      if (!session) return [];
      // The times offered are those free now, in the replica (docs/product.md §13: the author can act on them).
      const freeTimes = (entry: AttentionEntry) =>
        executor.suggestions(entry.name, entry.input, session.actor, now());
      return attention.list(session.actor.userId, freeTimes);
    },
    dismissAttention: (id) => {
      const done = keeper.session ? attention.dismiss(id, keeper.session.actor.userId) : false;
      keeper.status.emitState();
      return done;
    },
    syncNow: () => keeper.engine.sync(),
    replicaFile,
    close() {
      keeper.stop();
      replica.close();
      return Promise.resolve();
    },
  };
}
