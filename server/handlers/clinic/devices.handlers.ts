import { sql } from 'kysely';
import type { Device } from '@shared/domain/user.schema';
import { type HandlerMap, handler } from '@server/core/handler';

const kinds: readonly Device['kind'][] = ['desktop', 'browser', 'display', 'companion'];

/**
 * Machines that have synced with the hub (SPEC §11: devices). Each person who signs in on a
 * desktop has a sync client of their own; the admin sees one row per machine (its device id),
 * named and described by its most recently seen client. Clients from before device ids were
 * recorded stand alone.
 */
export const deviceHandlers: HandlerMap = {
  'devices.list': handler('devices.list', {
    run: (_input, ctx) => {
      const rows = ctx.db.all(
        ctx.db.q
          .selectFrom('sync_clients')
          .selectAll()
          .orderBy(sql`lastSeenAt IS NULL`)
          .orderBy('lastSeenAt', 'desc')
          .orderBy('clientId'),
      );
      const devices = new Map<string, Device>();
      for (const row of rows) {
        const id = row.deviceId ?? row.clientId;
        let device = devices.get(id);
        if (!device) {
          device = {
            id,
            name: row.deviceName,
            kind: kinds.includes(row.kind as Device['kind']) ? (row.kind as Device['kind']) : 'desktop',
            lastSeenAt: row.lastSeenAt,
            lastUserId: row.userId,
            pendingMutations: 0,
            clients: [],
          };
          devices.set(id, device);
        }
        device.name ||= row.deviceName; // the newest client that has a name names the machine
        device.pendingMutations += row.pendingMutations;
        device.clients.push({
          clientId: row.clientId,
          userId: row.userId,
          lastSeenAt: row.lastSeenAt,
          pendingMutations: row.pendingMutations,
          lastMutationId: row.lastMutationId,
        });
      }
      return [...devices.values()];
    },
  }),
};
