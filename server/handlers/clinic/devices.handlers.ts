import { sql } from 'kysely';
import { failure } from '@shared/contract/errors';
import type { Device } from '@shared/domain/user.schema';
import { unnamedDeviceLabel } from '@shared/rules/device-label';
import { type HandlerMap, handler } from '@server/core/handler';
import type { Db } from '@server/db/database';
import { deviceNamings, renameDevice } from '@server/repositories/device-names.repository';

const kinds: readonly Device['kind'][] = ['desktop', 'browser', 'display', 'companion'];
const kindOf = (kind: string | null | undefined): Device['kind'] =>
  kinds.includes(kind as Device['kind']) ? (kind as Device['kind']) : 'desktop';

/**
 * Machines that signed in to the hub (docs/product.md §11: devices). Each person who signs in on a
 * desktop has a sync client of their own; the admin sees one row per machine (its device id),
 * with the admin's name for it or its own (host name, "Chrome on Windows"). Browsers have no
 * sync client. Clients from before device ids were recorded stand alone.
 */
export const deviceHandlers: HandlerMap = {
  'devices.list': handler('devices.list', {
    run: (_input, ctx) => {
      const namings = deviceNamings(ctx.db);
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
          const naming = namings.get(id);
          device = {
            id,
            name: naming?.name ?? row.deviceName,
            givenName: naming?.givenName ?? null,
            kind: kindOf(naming?.kind ?? row.kind),
            lastSeenAt: naming?.lastSeenAt ?? row.lastSeenAt,
            lastUserId: row.userId,
            pendingMutations: 0,
            clients: [],
          };
          devices.set(id, device);
        }
        device.name ||= row.deviceName; // a client from before device ids: its own name
        device.pendingMutations += row.pendingMutations;
        device.clients.push({
          clientId: row.clientId,
          userId: row.userId,
          lastSeenAt: row.lastSeenAt,
          pendingMutations: row.pendingMutations,
          lastMutationId: row.lastMutationId,
        });
      }
      for (const [id, naming] of namings) {
        if (devices.has(id)) continue;
        devices.set(id, {
          id,
          name: naming.name,
          givenName: naming.givenName,
          kind: kindOf(naming.kind),
          lastSeenAt: naming.lastSeenAt,
          lastUserId: lastUserOn(ctx.db, id),
          pendingMutations: 0,
          clients: [],
        });
      }
      for (const device of devices.values()) device.name ||= unnamedDeviceLabel(device.id, device.kind);
      return [...devices.values()].sort(
        (a, b) =>
          Number(a.lastSeenAt === null) - Number(b.lastSeenAt === null) ||
          (b.lastSeenAt ?? '').localeCompare(a.lastSeenAt ?? ''),
      );
    },
  }),

  'devices.names': handler('devices.names', {
    run: (_input, ctx) => [...deviceNamings(ctx.db)].map(([id, naming]) => ({ id, name: naming.name })),
  }),

  'devices.rename': handler('devices.rename', {
    run: (input, ctx) => {
      if (!renameDevice(ctx.db, input.deviceId, input.name)) {
        throw failure('NOT_FOUND', 'This device has not signed in to the hub, so it cannot be named.');
      }
      // Devices are not synced records, so the dispatcher does not audit this by itself.
      ctx.audit({
        kind: 'change',
        action: 'devices.rename',
        entity: 'devices',
        entityId: input.deviceId,
        patientId: null,
        details: { name: input.name },
      });
      return { ok: true };
    },
  }),
};

/** Who last signed in on a device without a sync client (a browser): its newest session's user. */
function lastUserOn(db: Db, deviceId: string): string | null {
  const row = db.first(
    db.q
      .selectFrom('sessions')
      .select('userId')
      .where('deviceId', '=', deviceId)
      .orderBy('createdAt', 'desc')
      .limit(1),
  );
  return row?.userId ?? null;
}
