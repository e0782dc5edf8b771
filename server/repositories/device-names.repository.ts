import { sql } from 'kysely';
import { unnamedDeviceLabel } from '@shared/rules/device-label';
import type { Db } from '@server/db/database';

/** A device as it introduced itself on signing in (socket handshake or the hub's own window). */
export interface SeenDevice {
  deviceId: string;
  kind: string;
  /** Its own name: a desktop's host or setup name, a browser's "Chrome on Windows"; '' if none. */
  reportedName: string;
}

/** Records a device as seen now; a name it gives replaces the one it gave before (never the admin's). */
export function recordDevice(db: Db, device: SeenDevice, at: string): void {
  const reportedName = device.reportedName.trim().slice(0, 100);
  db.run(
    db.q
      .insertInto('devices')
      .values({ ...device, reportedName, name: null, firstSeenAt: at, lastSeenAt: at })
      .onConflict((oc) =>
        oc.column('deviceId').doUpdateSet((eb) => ({
          kind: device.kind,
          reportedName: reportedName || eb.ref('devices.reportedName'),
          lastSeenAt: at,
        })),
      ),
  );
}

/** The admin names a device (null: back to its own name). False if the hub has never seen it. */
export function renameDevice(db: Db, deviceId: string, name: string | null): boolean {
  return db.run(db.q.updateTable('devices').set({ name }).where('deviceId', '=', deviceId)).changes === 1;
}

export interface DeviceNaming {
  /** What screens show: the admin's name, else the device's own, else kind and a short id. */
  name: string;
  /** The admin's name, if any. */
  givenName: string | null;
  kind: string | null;
  lastSeenAt: string | null;
}

/**
 * Every known device's name by device id: the devices table (migration 013), and desktops seen
 * only through their sync clients before it, named by their newest client that gave a name.
 */
export function deviceNamings(db: Db): Map<string, DeviceNaming> {
  const result = new Map<string, DeviceNaming>();
  const clients = db.all(
    db.q
      .selectFrom('sync_clients')
      .select(['deviceId', 'deviceName', 'kind', 'lastSeenAt'])
      .where('deviceId', 'is not', null)
      .orderBy(sql`lastSeenAt IS NULL`)
      .orderBy('lastSeenAt', 'desc'),
  );
  const fromClients = new Map<string, { name: string; kind: string; lastSeenAt: string | null }>();
  for (const c of clients) {
    const known = fromClients.get(c.deviceId!);
    if (!known) fromClients.set(c.deviceId!, { name: c.deviceName, kind: c.kind, lastSeenAt: c.lastSeenAt });
    else known.name ||= c.deviceName;
  }
  for (const row of db.all(db.q.selectFrom('devices').selectAll())) {
    const client = fromClients.get(row.deviceId);
    const own = row.reportedName || client?.name || '';
    result.set(row.deviceId, {
      name: row.name ?? (own || unnamedDeviceLabel(row.deviceId, row.kind)),
      givenName: row.name,
      kind: row.kind,
      lastSeenAt: [row.lastSeenAt, client?.lastSeenAt ?? ''].sort().at(-1) || null,
    });
  }
  for (const [deviceId, client] of fromClients) {
    if (result.has(deviceId)) continue;
    result.set(deviceId, {
      name: client.name || unnamedDeviceLabel(deviceId, client.kind),
      givenName: null,
      kind: client.kind,
      lastSeenAt: client.lastSeenAt,
    });
  }
  return result;
}
