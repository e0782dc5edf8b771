import type { PullResponse } from '@shared/contract/sync.contract';
import { ApiFailure } from '@shared/contract/errors';
import { mutationIdSource } from '@server/sync/mutation-ids';
import { applyChanges } from './apply-changes';
import type { LocalExecutor, LocalRun } from './local-executor';
import type { LocalHub } from './local-hub';
import type { Outbox, OutboxRow } from './outbox';
import type { Replica } from './replica';
import { revertAll } from './undo-log';

export interface RebaseResult {
  replayed: number;
  /** Pending mutations that no longer apply locally; the hub still decides (they stay queued). */
  failing: Map<string, string>;
}

/** Runs one outbox row against the replica, recording its undo images. */
export function runOutboxRow(
  executor: LocalExecutor,
  row: Pick<OutboxRow, 'clientId' | 'name' | 'input' | 'createdAt' | 'actor'> &
    Partial<Pick<OutboxRow, 'origin'>>,
  changes?: LocalRun['changes'],
) {
  return executor.run({
    name: row.name,
    input: row.input,
    actor: row.actor,
    now: row.createdAt,
    // The ids the hub will give the records it creates (a moved row keeps its first client's).
    newId: mutationIdSource({ ...row, clientId: row.origin ?? row.clientId }),
    capture: true,
    changes,
  });
}

/**
 * Rebase (docs/architecture.md (Sync protocol)), in one transaction: revert every pending effect, apply the pulled page,
 * drop mutations the hub has applied once a complete pull has brought their effects, and re-run
 * the still-pending ones over the new state. Without a page it only re-runs (after a rejection).
 */
export function rebase(
  replica: Replica,
  local: LocalHub,
  executor: LocalExecutor,
  outbox: Outbox,
  page: PullResponse | null,
  clientId: string | null,
): RebaseResult {
  const { db } = replica;
  const failing = new Map<string, string>();
  let replayed = 0;
  db.transaction(() => {
    revertAll(db.sqlite, (table) => replica.columns(table));
    local.settingsChanged();
    if (page) {
      applyChanges(replica, page.changes);
      replica.setMeta('cursor', page.nextCursor);
      // Acknowledged by a push and now covered by a complete pull. (A mutation the hub processed
      // without our hearing back stays pending: pushing it again returns its stored outcome.)
      if (!page.hasMore && clientId) outbox.dropAcked(clientId);
    }
    const midPull = page?.hasMore ?? false;
    for (const row of outbox.all()) {
      // Mid-pull, applied mutations' effects arrive with the coming pages; re-running them on
      // every page would make a long catch-up quadratic.
      if (midPull && row.state === 'acked') continue;
      try {
        runOutboxRow(executor, row);
        replayed += 1;
      } catch (error) {
        failing.set(
          `${row.clientId}:${row.mutationId}`,
          error instanceof ApiFailure ? error.message : String(error),
        );
      }
    }
  });
  return { replayed, failing };
}
