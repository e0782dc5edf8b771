import { outboxReportSchema } from '@shared/contract/sync.contract';
import type { Actor } from '@shared/domain/user.schema';
import type { HubCore } from '@server/core/hub-core';
import { parseMessage } from './wire';

/**
 * `sync.outbox`: a desktop reports the changes waiting in its outbox per sync client. Only the
 * sending device's own clients are updated (a client's device is recorded when it is first
 * seen), so no device can change another's figures; unknown clients are ignored. One transaction.
 */
export async function recordOutboxReport(
  core: HubCore,
  actor: Actor,
  rawRequest: unknown,
): Promise<{ updated: number }> {
  const request = parseMessage(outboxReportSchema, rawRequest, 'sync.outbox');
  const { db } = core;
  const update = db.statement(
    'UPDATE sync_clients SET pendingMutations = ? WHERE clientId = ? AND deviceId = ?',
  );
  return core.writes.run(() =>
    db.transaction(() => {
      let updated = 0;
      for (const { clientId, count } of request.pending) {
        updated += update.run(count, clientId, actor.deviceId).changes;
      }
      return { updated };
    }),
  );
}
