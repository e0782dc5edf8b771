import type { ClinicSettings } from '@shared/domain/settings.schema';
import type { Actor } from '@shared/domain/user.schema';
import type { OperationName, ParsedInputOf, ResultOf } from '@shared/contract/index';
import type { SyncedEntity } from '@shared/contract/sync.contract';
import type { Scope } from '@shared/permissions/policy';
import type { Db } from '@server/db/database';
import type { AuditEntry } from './audit-log.repository';
import type { AuthorClaim } from './author-time';
import type { HubCore } from './hub-core';
import type { HubEvents } from './hub-events';

/** Everything a handler may use. Built per call by the dispatcher; never trust the payload for who acts. */
export interface HandlerContext {
  db: Db;
  /** Null only for public operations (sign-in, setup). */
  actor: Actor | null;
  /** 'own' restricts the actor to their own records (docs/product.md §1); 'public' for unauthenticated operations. */
  scope: Scope | 'public';
  /** The moment of this call, ISO UTC; one value for the whole transaction. */
  now: string;
  /** For a change a desktop pushed: when its author made it (see author-time.ts); absent otherwise. */
  authorClaim?: AuthorClaim;
  settings(): ClinicSettings;
  newId(): string;
  /** Records a changed row for sync (the change log) — once per row per transaction is enough. */
  changed(entity: SyncedEntity, entityId: string, op?: 'upsert' | 'delete'): void;
  /**
   * Adds an audit entry (changes are audited automatically; reads of medical content call this).
   * A read with `readVersion` (the record's version, e.g. its updatedAt) is audited only when the
   * calling session has not yet read that record at that version (read-memo.ts).
   */
  audit(
    entry: Omit<AuditEntry, 'at' | 'actorUserId' | 'actorRole' | 'deviceId'> &
      Partial<Pick<AuditEntry, 'actorUserId' | 'actorRole' | 'deviceId'>> & { readVersion?: string },
  ): void;
  /** Runs after the transaction commits (pokes, notifications). */
  afterCommit(fn: () => void): void;
  events: HubEvents;
  /** Hub services: sessions, throttle, counters, settings storage. */
  hub: HubCore;
  /** Where the call came from: the connection's address (null: in-process) and its device. */
  source: { address: string | null; deviceId: string };
}

/**
 * A handler: `prepare` (optional) runs before the transaction and may await (password hashing,
 * file hashing); `run` runs synchronously inside one transaction.
 */
export interface Handler<N extends OperationName, P = undefined> {
  prepare?: (
    input: ParsedInputOf<N>,
    ctx: Omit<HandlerContext, 'changed' | 'audit' | 'afterCommit'>,
  ) => Promise<P>;
  run: (input: ParsedInputOf<N>, ctx: HandlerContext, prepared: P) => ResultOf<N>;
}

export type HandlerMap = { [N in OperationName]?: Handler<N, never> | Handler<N, undefined> };

/** Declares one handler with its types checked against the contract. */
export function handler<N extends OperationName, P = undefined>(_name: N, definition: Handler<N, P>) {
  return definition as unknown as Handler<N, never>;
}
