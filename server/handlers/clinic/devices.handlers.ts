import { sql } from 'kysely';
import type { Device } from '@shared/domain/user.schema';
import { type HandlerMap, handler } from '@server/core/handler';

const kinds: readonly Device['kind'][] = ['desktop', 'browser', 'display', 'companion'];

/** Desktops and browsers that have synced with the hub (SPEC §11: devices). */
export const deviceHandlers: HandlerMap = {
  'devices.list': handler('devices.list', {
    run: (_input, ctx) =>
      ctx.db
        .all(
          ctx.db.q
            .selectFrom('sync_clients')
            .selectAll()
            .orderBy(sql`lastSeenAt IS NULL`)
            .orderBy('lastSeenAt', 'desc')
            .orderBy('clientId'),
        )
        .map((row): Device => ({
          id: row.clientId,
          name: row.deviceName,
          kind: kinds.includes(row.kind as Device['kind']) ? (row.kind as Device['kind']) : 'desktop',
          lastSeenAt: row.lastSeenAt,
          lastUserId: row.userId,
          pendingMutations: row.pendingMutations,
          lastMutationId: row.lastMutationId,
        })),
  }),
};
