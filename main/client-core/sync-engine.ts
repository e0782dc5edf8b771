import { type ChangeHint, changeHint } from '@shared/contract/change-hint';
import { ApiFailure, type ApiError } from '@shared/contract/errors';
import type { HubHello, MutationOutcome, PullResponse, ReplicaRead } from '@shared/contract/sync.contract';
import { keepsRefusedText } from './attention';
import { HubUnreachable, type HubLink } from './hub-link';
import type { Outbox, OutboxRow } from './outbox';
import type { Replica } from './replica';

export interface EngineHooks {
  /** Applies a pulled page (or, with null, re-runs pending changes) as one rebase. */
  rebase(page: PullResponse | null): void;
  /** A rejected change: reason and next action for its author. */
  rejected(row: OutboxRow, error: ApiError): void;
  /** Replica content changed (pulled: what the page wrote; rebased: null, anything). */
  changed(hint: ChangeHint | null): void;
  /** Sync metadata (last sync, pending count) changed. */
  stateChanged(): void;
  /** The hub refused the push's epoch: say hello again. */
  resetNeeded(): Promise<void>;
  /** The hub refused the client id (another user's or device's, or a copy's): register a new one. */
  clientTaken(clientId: string): void;
  /** The signed-in user's reads of medical content served from the replica, not yet audited. */
  pendingReads(): ReplicaRead[];
  readsRecorded(ids: readonly string[]): void;
}

const PUSH_BATCH = 500;
const PULL_LIMIT = 5_000;

/** The hub's refusal of a sync client id that is not this desktop's to use. */
function isClientTaken(error: unknown): boolean {
  return (
    error instanceof ApiFailure &&
    error.code === 'CONFLICT' &&
    (error.error.fields ?? []).some((field) => field.field === 'clientId')
  );
}

/**
 * The sync loop of one signed-in desktop: push the outbox in order, then pull pages after the
 * cursor and rebase on each. One run at a time; a request arriving meanwhile runs once more.
 */
export class SyncEngine {
  private running: Promise<void> | null = null;
  private again = false;
  /** The highest change seq a poke announced during the current run (0: none). */
  private pokedSeq = 0;
  private resolvedSinceRebase = false;
  /** Outcomes the caller of `call` is waiting for, by mutation id. */
  readonly outcomes = new Map<number, MutationOutcome>();
  readonly awaited = new Set<number>();
  lastSyncAt: string | null = null;
  /** Why the last sync round failed (e.g. a pulled page the replica refused); null once one succeeds. */
  syncError: string | null = null;
  /** The outbox figures the hub last acknowledged on this connection (null: send them). */
  private reportedOutbox: string | null = null;

  constructor(
    private readonly link: HubLink,
    private readonly replica: Replica,
    private readonly outbox: Outbox,
    private readonly hooks: EngineHooks,
    private readonly clientId: () => string | null,
    private readonly now: () => string,
  ) {}

  epoch(): number {
    return Number(this.replica.meta('epoch') ?? 0);
  }

  /** Adopts the hub's identity: a different hub or epoch drops the replica and renumbers the outbox. */
  adopt(hello: HubHello): boolean {
    const { replica } = this;
    const known = replica.meta('hubId');
    const reset = known !== undefined && (known !== hello.hubId || this.epoch() !== hello.epoch);
    if (reset || known === undefined) {
      replica.wipeSyncedRows();
      replica.setMeta('cursor', 0);
    }
    this.reportedOutbox = null; // a new connection: tell this hub again
    replica.setMeta('hubId', hello.hubId);
    replica.setMeta('epoch', hello.epoch);
    const clientId = this.clientId();
    // Null: the hub will not tell (the client id is not this session's, e.g. a copied data
    // folder's). Nothing is renumbered then, and the new epoch is not marked as seen, so a later
    // hello that does tell still renumbers.
    if (clientId && hello.lastMutationId !== null) {
      const key = `epoch:${clientId}`;
      const seen = replica.meta(key);
      if (seen !== undefined && seen !== `${hello.hubId}:${hello.epoch}`)
        this.outbox.renumber(clientId, hello.lastMutationId);
      replica.setMeta(key, `${hello.hubId}:${hello.epoch}`);
    }
    return reset;
  }

  /**
   * A poke: syncs unless the replica already holds the change it announces. A desktop's own push
   * pokes it before the push is answered; the pull that follows the push brings that change, so
   * no second round is run for it.
   */
  poked(poke: { hubId: string; epoch: number; seq: number }): Promise<void> {
    const sameHub = poke.hubId === this.replica.meta('hubId') && poke.epoch === this.epoch();
    if (!sameHub) return this.sync();
    if (this.running) {
      this.pokedSeq = Math.max(this.pokedSeq, poke.seq);
      return this.running;
    }
    return poke.seq > this.cursor() ? this.sync() : Promise.resolve();
  }

  /**
   * Runs push + pull now (or once more after the current run). Never throws: it runs from
   * timers, pokes and reconnects that nobody awaits, so a failure (a page the replica refuses, a
   * full disk) is kept in `syncError` for the connection state, and the next round tries again.
   */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          this.pokedSeq = 0;
          await this.push();
          await this.pushReads();
          await this.pull();
          this.reportOutbox();
        } while ((this.again || this.pokedSeq > this.cursor()) && this.link.connected);
      } catch (error) {
        if (error instanceof ApiFailure && error.code === 'CONFLICT' && /epoch/.test(error.message)) {
          await this.hooks.resetNeeded().catch((reset: unknown) => this.failed(reset));
        } else if (!(error instanceof HubUnreachable) && !(error instanceof ApiFailure)) {
          this.failed(error);
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Keeps a failure for the connection state (the desktop goes on, offline-capable as ever). */
  failed(error: unknown): void {
    this.syncError = `Sync failed: ${error instanceof Error ? error.message : String(error)}`;
    this.hooks.stateChanged();
  }

  private async push(): Promise<void> {
    const clientId = this.clientId();
    if (!clientId) return;
    for (;;) {
      const mutations = this.outbox.pending(clientId, PUSH_BATCH);
      if (mutations.length === 0) return;
      const reply = await this.link
        .request<{
          outcomes: MutationOutcome[];
          lastMutationId: number;
          gap: boolean;
        }>('sync.push', { clientId, epoch: this.epoch(), mutations })
        .catch((error: unknown) => {
          if (isClientTaken(error)) this.hooks.clientTaken(clientId);
          throw error;
        });
      this.replica.relaxed(() =>
        this.replica.db.transaction(() => {
          for (const outcome of reply.outcomes) this.record(clientId, outcome);
        }),
      );
      this.hooks.stateChanged();
      if (reply.gap) {
        // The hub lost changes it had acknowledged without changing epoch: push ours again after its last.
        this.outbox.renumber(clientId, reply.lastMutationId);
      } else if (reply.outcomes.length === 0) {
        return;
      }
    }
  }

  /** Sends the reads the hub's audit log does not have yet; a refusal keeps them for later. */
  private async pushReads(): Promise<void> {
    for (;;) {
      const reads = this.hooks.pendingReads();
      if (reads.length === 0) return;
      try {
        const reply = await this.link.request<{ recorded: string[] }>('sync.reads', { reads });
        this.hooks.readsRecorded(reply.recorded);
        if (reply.recorded.length < reads.length) return;
      } catch (error) {
        if (error instanceof ApiFailure) return;
        throw error;
      }
    }
  }

  /**
   * Tells the hub how many changes wait here per user (sync.outbox), when that changed, for the
   * admin's devices list. Not awaited: the figures are informational and must never hold up
   * sync (a hub that does not know the message simply never answers).
   */
  private reportOutbox(): void {
    const pending = this.outbox.pendingByClient().slice(0, 200);
    const report = JSON.stringify(pending);
    if (report === this.reportedOutbox) return;
    this.reportedOutbox = report;
    this.link.request('sync.outbox', { pending }).catch(() => {
      if (this.reportedOutbox === report) this.reportedOutbox = null;
    });
  }

  private record(clientId: string, outcome: MutationOutcome): void {
    const row = this.outbox.get(clientId, outcome.mutationId);
    if (!row) return; // a duplicate answer
    this.resolvedSinceRebase = true;
    if (this.awaited.has(outcome.mutationId)) this.outcomes.set(outcome.mutationId, outcome);
    if (outcome.status === 'applied') {
      this.outbox.markAcked(clientId, outcome.mutationId);
    } else {
      if (!this.awaited.has(outcome.mutationId) || keepsRefusedText(row.name, outcome.error))
        this.hooks.rejected(row, outcome.error);
      this.outbox.remove(clientId, outcome.mutationId);
    }
  }

  private cursor(): number {
    return Number(this.replica.meta('cursor') ?? 0);
  }

  private async pull(): Promise<void> {
    for (;;) {
      const cursor = this.cursor();
      const page = await this.link.request<PullResponse>('sync.pull', {
        epoch: this.epoch(),
        cursor,
        limit: PULL_LIMIT,
      });
      if (page.resetRequired) {
        await this.hooks.resetNeeded();
        return;
      }
      const resolved = this.resolvedSinceRebase;
      if (page.changes.length > 0 || resolved || page.nextCursor !== cursor) {
        this.resolvedSinceRebase = false;
        this.replica.relaxed(() => this.hooks.rebase(page));
        if (page.changes.length > 0 || resolved)
          this.hooks.changed(resolved ? null : changeHint(page.changes));
      }
      if (!page.hasMore) break;
    }
    this.lastSyncAt = this.now();
    this.syncError = null;
    this.hooks.stateChanged();
  }
}
